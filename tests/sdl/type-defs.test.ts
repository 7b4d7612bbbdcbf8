import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, printType, type GraphQLNamedType } from 'graphql';
import { pageInfoType, PageNumberScalar } from 'pagewise/graphql';
import { paginateDirective, paginateDirectiveTypeDefs, paginateTypeDefs } from 'pagewise/sdl';

describe('the SDL pagewise ships', () => {
  const schema = buildSchema(paginateTypeDefs);

  it('is the text of schema/pagewise.graphql', () => {
    expect(readFileSync(join(__dirname, '../../schema/pagewise.graphql'), 'utf8')).toEqual(paginateTypeDefs);
  });

  it.each([
    ['PageInfo', pageInfoType],
    ['PageNumber', PageNumberScalar],
  ] as [string, GraphQLNamedType][])('declares %s as the code-first builders print it', (name, type) => {
    expect(printType(schema.getType(name)!)).toEqual(printType(type));
  });

  it('declares the directive with its arguments and enums', () => {
    const directive = schema.getDirective('paginate')!;
    expect({
      locations: directive.locations,
      args: directive.args.map(
        (arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${String(arg.defaultValue)}`}`,
      ),
      styles: schema.getType('PaginationStyle')!.toConfig(),
    }).toEqual({
      locations: ['FIELD_DEFINITION'],
      args: [
        'style: PaginationStyle = CURSOR',
        'shape: PaginationShape = CONNECTION',
        'pageSize: Int',
        'maxPageSize: Int',
        'ordering: [String!]',
        'orderingFields: [String!]',
        'cursorMode: PaginationCursorMode',
        'directions: PaginationDirections',
        'onOversize: PaginationOversize',
        'count: PaginationCount',
        'countCap: Int',
      ],
      styles: expect.objectContaining({
        values: {
          PAGE_NUMBER: expect.objectContaining({ value: 'PAGE_NUMBER' }),
          LIMIT_OFFSET: expect.objectContaining({ value: 'LIMIT_OFFSET' }),
          CURSOR: expect.objectContaining({ value: 'CURSOR' }),
        },
      }),
    });
  });

  it('names the directive as asked, the rest unchanged', () => {
    const renamed = paginateDirectiveTypeDefs('paged');
    expect(renamed.replace('directive @paged(', 'directive @paginate(')).toEqual(paginateTypeDefs);
    expect(paginateDirective({ directiveName: 'paged' }).typeDefs).toEqual(renamed);
  });
});
