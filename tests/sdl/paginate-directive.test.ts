import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  getNamedType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLFieldConfig,
} from 'graphql';
import { cursorPagination, hmacSigner, limitOffsetPagination, pageNumberPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, offsetListField, type GraphQLPagination } from 'pagewise/graphql';
import { isPageSource } from 'pagewise/sdl';
import { sqlLikeSource } from '../support/sql-like-source';
import { buildSchema, rows, run, type Row } from './sdl-helpers';

const ROWS = rows(6);
const list = () => ROWS;

// Every style in both shapes, one field with a filter argument, as a schema-first server writes it.
const everyStyle = /* GraphQL */ `
  input ArticleFilter {
    titleContains: String
  }
  type Query {
    cursorConnection(filter: ArticleFilter): [Article!]! @paginate(style: CURSOR, ordering: ["-createdAt"], pageSize: 3, maxPageSize: 5)
    cursorPage: [Article!]! @paginate(style: CURSOR, shape: OFFSET_LIST, ordering: ["-createdAt"], pageSize: 3, maxPageSize: 5)
    pageNumberConnection: [Article!]! @paginate(style: PAGE_NUMBER, pageSize: 3, maxPageSize: 5)
    pageNumberPage: [Article!]! @paginate(style: PAGE_NUMBER, shape: OFFSET_LIST, pageSize: 3, maxPageSize: 5)
    limitOffsetConnection: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: 3, maxPageSize: 5)
    limitOffsetPage: [Article!]! @paginate(style: LIMIT_OFFSET, shape: OFFSET_LIST, pageSize: 3, maxPageSize: 5)
  }
`;

const resolvers = {
  Query: {
    cursorConnection: (_: unknown, args: { filter?: { titleContains?: string } }) =>
      ROWS.filter((row) => row.title.includes(args.filter?.titleContains ?? '')),
    cursorPage: list,
    pageNumberConnection: list,
    pageNumberPage: list,
    limitOffsetConnection: list,
    limitOffsetPage: list,
  },
};

/** The same fields built with pagewise/graphql's code-first builders. */
function codeFirstSchema(): GraphQLSchema {
  const Article = new GraphQLObjectType({
    name: 'Article',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      createdAt: { type: new GraphQLNonNull(GraphQLString) },
    },
  });
  const ArticleFilter = new GraphQLInputObjectType({ name: 'ArticleFilter', fields: { titleContains: { type: GraphQLString } } });
  const source = (_parent: unknown, args: { filter?: { titleContains?: string } }) => {
    const filter = args.filter;
    return arraySource(
      ROWS.filter((row) => row.title.includes(filter?.titleContains ?? '')),
      { uniqueKey: 'id' },
    );
  };
  const cursor = cursorPagination({ ordering: '-createdAt', pageSize: 3, maxPageSize: 5 });
  const pageNumber = pageNumberPagination({ pageSize: 3, maxPageSize: 5 });
  const limitOffset = limitOffsetPagination({ defaultLimit: 3, maxLimit: 5 });
  const nonNull = (field: GraphQLFieldConfig<unknown, unknown>) => ({ ...field, type: new GraphQLNonNull(field.type) });
  const config = (pagination: GraphQLPagination) => ({ node: Article, pagination, source });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        cursorConnection: nonNull(connectionField({ ...config(cursor), args: { filter: { type: ArticleFilter } } })),
        cursorPage: nonNull(offsetListField(config(cursor))),
        pageNumberConnection: nonNull(connectionField(config(pageNumber))),
        pageNumberPage: nonNull(offsetListField(config(pageNumber))),
        limitOffsetConnection: nonNull(connectionField(config(limitOffset))),
        limitOffsetPage: nonNull(offsetListField(config(limitOffset))),
      },
    }),
  });
}

const print = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));

describe('the @paginate transformer', () => {
  const sdl = buildSchema(everyStyle, resolvers);
  const codeFirst = codeFirstSchema();

  it('prints the same schema as the code-first builders for the same fields', () => {
    expect(print(sdl)).toEqual(print(codeFirst));
  });

  it('turns a list field into a connection or a page with the style arguments, the field arguments kept', () => {
    const fields = sdl.getQueryType()!.getFields();
    const shape = (name: string) => ({
      type: String(fields[name]!.type),
      args: fields[name]!.args.map((arg) => `${arg.name}: ${String(arg.type)}`),
    });
    expect(['cursorConnection', 'cursorPage', 'pageNumberConnection', 'limitOffsetPage'].map(shape)).toEqual([
      { type: 'ArticleConnection!', args: ['first: Int', 'after: String', 'last: Int', 'before: String', 'filter: ArticleFilter'] },
      { type: 'ArticlePage!', args: ['first: Int', 'after: String', 'last: Int', 'before: String'] },
      // Relay's four on every style, so relay-compiler's @connection takes page-number and limit-offset too.
      {
        type: 'ArticleConnection!',
        args: ['page: PageNumber', 'pageSize: Int', 'first: Int', 'after: String', 'last: Int', 'before: String'],
      },
      { type: 'ArticlePage!', args: ['limit: Int', 'offset: Int', 'first: Int', 'after: String', 'last: Int', 'before: String'] },
    ]);
  });

  it('makes the generated types once per node type', () => {
    const fields = sdl.getQueryType()!.getFields();
    const types = Object.values(fields).map((field) => getNamedType(field.type));
    expect(new Set(types.map((type) => type.name))).toEqual(new Set(['ArticleConnection', 'ArticlePage']));
    expect(types.filter((type) => type.name === 'ArticleConnection').every((type) => type === sdl.getType('ArticleConnection'))).toBe(true);
  });

  it('removes the directive and its enums, and the directive from the field definitions', () => {
    expect(sdl.getDirective('paginate')).toBeUndefined();
    expect(
      ['PaginationStyle', 'PaginationShape', 'PaginationCursorMode', 'PaginationDirections', 'PaginationOversize', 'PaginationCount'].map(
        (name) => sdl.getType(name),
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(printSchemaWithDirectives(sdl)).not.toContain('@paginate');
  });

  it('keeps PageNumber only where a page-number field uses it, with its parsing', async () => {
    const cursorOnly = buildSchema(`type Query { articles: [Article!]! @paginate(ordering: ["id"]) }`, { Query: { articles: list } });
    expect([cursorOnly.getType('PageNumber'), cursorOnly.getType('PageInfo')?.name]).toEqual([undefined, 'PageInfo']);
    // A scalar declared in SDL alone would take 1.5 as it is; pagewise's parser refuses it.
    const result = await run(sdl, '{ pageNumberPage(page: 1.5) { count } }');
    expect(result.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
      {
        message: 'PageNumber must be an integer or a string such as "last"',
        extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_PAGE', argumentName: 'page' },
      },
    ]);
  });

  it('keeps a shared type the schema itself references', () => {
    const schema = buildSchema(`type Query { info: PageInfo, articles: [Article!]! @paginate(ordering: ["id"]) }`);
    expect(schema.getType('PageInfo')).toBe(getNamedType(schema.getQueryType()!.getFields()['info']!.type));
  });

  const queries: [string, string][] = [
    [
      'cursor connection',
      '{ cursorConnection(first: 2) { edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }',
    ],
    ['cursor connection, filtered', '{ cursorConnection(filter: { titleContains: "1" }) { nodes { id title } totalCount } }'],
    ['cursor connection, backwards', '{ cursorConnection(last: 2) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } } }'],
    ['cursor page', '{ cursorPage(first: 4) { results { id } count next previous pageInfo { pageSize } } }'],
    [
      'page-number connection',
      '{ pageNumberConnection(page: 2) { edges { cursor node { id } } pageInfo { page nextPage previousPage totalPages } } }',
    ],
    ['page-number page, last', '{ pageNumberPage(page: "last", pageSize: 4) { results { id } count next previous } }'],
    [
      'limit-offset connection',
      '{ limitOffsetConnection(limit: 2, offset: 1) { nodes { id } pageInfo { offset limit nextOffset previousOffset } } }',
    ],
    ['limit-offset page, oversize clamped', '{ limitOffsetPage(limit: 50) { results { id } count next } }'],
    ['an invalid cursor', '{ cursorConnection(after: "nope") { nodes { id } } }'],
    ['an invalid page', '{ pageNumberPage(page: 9) { results { id } } }'],
  ];

  it.each(queries)('answers %s as the code-first schema does', async (_name, query) => {
    const [fromSdl, fromCode] = await Promise.all([run(sdl, query), run(codeFirst, query)]);
    expect(fromSdl).toEqual(fromCode);
  });

  it('walks a cursor connection over tied createdAt values without a gap or a repeat', async () => {
    const ids: number[][] = [];
    let after: string | null = null;
    do {
      const result = await run(
        sdl,
        'query($after: String) { cursorConnection(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        {
          after,
        },
      );
      const page = (result.data as { cursorConnection: { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string } } })
        .cursorConnection;
      ids.push(page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual([
      [6, 5],
      [4, 3],
      [2, 1],
    ]);
  });

  it('orders page-number and limit-offset slices by the directive ordering', async () => {
    const schema = buildSchema(
      `type Query {
        byPage: [Article!]! @paginate(style: PAGE_NUMBER, shape: OFFSET_LIST, ordering: ["-createdAt", "-id"], pageSize: 4)
        byOffset: [Article!]! @paginate(style: LIMIT_OFFSET, ordering: ["title"], pageSize: 4)
      }`,
      { Query: { byPage: list, byOffset: () => [...ROWS].reverse() } },
    );
    expect(await run(schema, '{ byPage { results { id } } byOffset(offset: 1) { nodes { id } } }')).toEqual({
      data: {
        byPage: { results: [{ id: 6 }, { id: 5 }, { id: 4 }, { id: 3 }] },
        byOffset: { nodes: [{ id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }] },
      },
    });
  });

  it('applies the defaults where the directive names no size, and the directive wins over them', async () => {
    const schema = buildSchema(
      `type Query {
        plain: [Article!]! @paginate(style: LIMIT_OFFSET)
        own: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: 1)
      }`,
      { Query: { plain: list, own: list } },
      { defaults: { pageSize: 2, maxPageSize: 4, onOversize: 'error' } },
    );
    const result = await run(schema, '{ plain { nodes { id } } own { nodes { id } } }');
    expect(result).toEqual({ data: { plain: { nodes: [{ id: 1 }, { id: 2 }] }, own: { nodes: [{ id: 1 }] } } });
    const oversize = await run(schema, '{ plain(limit: 5) { nodes { id } } }');
    expect(oversize.errors?.map((error) => [error.extensions?.['paginationCode'], error.extensions?.['argumentName']])).toEqual([
      ['INVALID_ARGUMENT', 'limit'],
    ]);
  });

  it('offers the Relay directions and the client ordering the directive asks for', () => {
    const schema = buildSchema(
      `type Query {
        forward: [Article!]! @paginate(ordering: ["id"], directions: FORWARD)
        sortable: [Article!]! @paginate(ordering: ["id"], orderingFields: ["title", "createdAt"])
      }`,
    );
    const fields = schema.getQueryType()!.getFields();
    expect([fields['forward']!.args.map((arg) => arg.name), fields['sortable']!.args.map((arg) => arg.name)]).toEqual([
      ['first', 'after'],
      ['first', 'after', 'last', 'before', 'ordering'],
    ]);
  });

  it('orders by a client ordering from the allow-list', async () => {
    const schema = buildSchema(`type Query { sortable: [Article!]! @paginate(ordering: ["id"], orderingFields: ["title"], pageSize: 2) }`, {
      Query: { sortable: list },
    });
    expect(await run(schema, '{ sortable(ordering: ["-title"]) { nodes { id } } }')).toEqual({
      data: { sortable: { nodes: [{ id: 6 }, { id: 5 }] } },
    });
  });

  it('keeps the list field nullability on the generated type', () => {
    const schema = buildSchema(
      `type Query { required: [Article!]! @paginate(ordering: ["id"]) optional: [Article] @paginate(ordering: ["id"]) }`,
    );
    const fields = schema.getQueryType()!.getFields();
    expect([String(fields['required']!.type), String(fields['optional']!.type)]).toEqual(['ArticleConnection!', 'ArticleConnection']);
  });

  it('writes DRF cursors with cursorMode: DRF, as the code-first field in drf mode does', async () => {
    const typeDefs = `type Query {
      drf: [Article!]! @paginate(ordering: ["-createdAt"], pageSize: 3, cursorMode: DRF)
      exact: [Article!]! @paginate(ordering: ["-createdAt"], pageSize: 3)
    }`;
    const schema = buildSchema(typeDefs, { Query: { drf: list, exact: list } });
    const Article = new GraphQLObjectType({ name: 'Article', fields: { id: { type: GraphQLInt }, createdAt: { type: GraphQLString } } });
    const codeFirst = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          drf: connectionField({
            node: Article,
            pagination: cursorPagination({ ordering: '-createdAt', pageSize: 3, mode: 'drf' }),
            source: () => arraySource(ROWS, { uniqueKey: 'id' }),
          }),
        },
      }),
    });
    const query = (field: string) => `{ ${field} { nodes { id } pageInfo { endCursor } } }`;
    const [drf, exact, expected] = await Promise.all([
      run(schema, query('drf')),
      run(schema, query('exact')),
      run(codeFirst, query('drf')),
    ]);
    expect(drf).toEqual(expected);
    expect((drf.data as { drf: unknown }).drf).not.toEqual((exact.data as { exact: unknown }).exact);
  });

  it('signs cursors with the signer of the defaults: an unsigned cursor is INVALID_CURSOR', async () => {
    const typeDefs = `type Query { articles: [Article!]! @paginate(ordering: ["id"], pageSize: 2) }`;
    const unsigned = buildSchema(typeDefs, { Query: { articles: list } });
    const signed = buildSchema(
      typeDefs,
      { Query: { articles: list } },
      { defaults: { signer: hmacSigner('a server secret of 32 bytes or so') } },
    );
    const endCursor = async (schema: GraphQLSchema) =>
      ((await run(schema, '{ articles { pageInfo { endCursor } } }')).data as { articles: { pageInfo: { endCursor: string } } }).articles
        .pageInfo.endCursor;
    const next = 'query($after: String) { articles(after: $after) { nodes { id } } }';
    expect(await run(signed, next, { after: await endCursor(signed) })).toEqual({ data: { articles: { nodes: [{ id: 3 }, { id: 4 }] } } });
    const forged = await run(signed, next, { after: await endCursor(unsigned) });
    expect(forged.errors?.map((error) => error.extensions?.['paginationCode'])).toEqual(['INVALID_CURSOR']);
  });

  it('pages a union of node types, its ordering left to the source', async () => {
    const schema = buildSchema(
      `type Note { id: Int! body: String! }
       union Entry = Article | Note
       type Query { feed: [Entry!]! @paginate(ordering: ["id"], pageSize: 2) }`,
      {
        Query: { feed: () => [ROWS[0], { id: 2, body: 'a note' }, ROWS[2]] },
        Entry: { __resolveType: (row: object) => ('body' in row ? 'Note' : 'Article') },
      },
    );
    expect(await run(schema, '{ feed { nodes { __typename ... on Note { body } } pageInfo { hasNextPage } } }')).toEqual({
      data: { feed: { nodes: [{ __typename: 'Article' }, { __typename: 'Note', body: 'a note' }], pageInfo: { hasNextPage: true } } },
    });
  });

  it('takes its name from the options, SDL included', async () => {
    const schema = buildSchema(
      `type Query { articles: [Article!]! @pages(style: PAGE_NUMBER, pageSize: 2) }`,
      { Query: { articles: list } },
      {
        directiveName: 'pages',
      },
    );
    expect(await run(schema, '{ articles(page: 3) { nodes { id } } }')).toEqual({ data: { articles: { nodes: [{ id: 5 }, { id: 6 }] } } });
    expect(schema.getDirective('pages')).toBeUndefined();
  });

  it('paginates a field of every implementation of an interface, the interface field typed alike', async () => {
    const schema = buildSchema(
      `interface Shelf { articles: [Article!]! @paginate(ordering: ["id"], pageSize: 2) }
       type Blog implements Shelf { articles: [Article!]! @paginate(ordering: ["id"], pageSize: 2) }
       type Query { shelf: Shelf }`,
      { Query: { shelf: () => ({ articles: ROWS }) }, Shelf: { __resolveType: () => 'Blog' } },
    );
    expect(String(schema.getType('Shelf') && (schema.getType('Shelf') as GraphQLObjectType).getFields()['articles']!.type)).toBe(
      'ArticleConnection!',
    );
    expect(await run(schema, '{ shelf { articles { nodes { id } } } }')).toEqual({
      data: { shelf: { articles: { nodes: [{ id: 1 }, { id: 2 }] } } },
    });
  });

  it('paginates what the default resolver reads from the parent', async () => {
    const schema = buildSchema(
      `type Blog { articles: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: 1) } type Query { blog: Blog }`,
      {
        Query: { blog: () => ({ articles: ROWS }) },
      },
    );
    expect(await run(schema, '{ blog { articles(offset: 2) { nodes { id } } } }')).toEqual({
      data: { blog: { articles: { nodes: [{ id: 3 }] } } },
    });
  });
});

describe('what a paginated field resolver may return', () => {
  const typeDefs = `type Query { articles: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: 2) }`;
  const query = '{ articles { nodes { id } totalCount } }';
  const expected = { data: { articles: { nodes: [{ id: 1 }, { id: 2 }], totalCount: 6 } } };

  it('a PageSource, used as it is', async () => {
    const schema = buildSchema(typeDefs, { Query: { articles: () => arraySource(ROWS) } }, { arraySource: undefined });
    expect(await run(schema, query)).toEqual(expected);
  });

  it('a promise of rows', async () => {
    const schema = buildSchema(typeDefs, { Query: { articles: async () => ROWS } });
    expect(await run(schema, query)).toEqual(expected);
  });

  it('anything toSource converts, with the field it came from', async () => {
    const seen: string[] = [];
    const schema = buildSchema(
      typeDefs,
      { Query: { articles: () => new Set(ROWS) } },
      {
        toSource: (value, field) => {
          seen.push(`${field.coordinate} ${field.node} ${String(field.args['limit'])}`);
          return value instanceof Set ? arraySource([...(value as Set<Row>)]) : undefined;
        },
      },
    );
    expect(await run(schema, '{ articles(limit: 2) { nodes { id } totalCount } }')).toEqual(expected);
    expect(seen).toEqual(['Query.articles Article 2']);
  });

  it('a thenable query builder, shown to toSource before anything awaits (and so runs) it', async () => {
    const ran: string[] = [];
    class Query {
      then(resolve: (rows: Row[]) => void) {
        ran.push('awaited');
        resolve(ROWS);
      }
    }
    const schema = buildSchema(
      typeDefs,
      { Query: { articles: () => new Query() } },
      { toSource: (value) => (value instanceof Query ? arraySource(ROWS) : undefined) },
    );
    expect(await run(schema, query)).toEqual(expected);
    expect(ran).toEqual([]);
    const unconverted = buildSchema(typeDefs, { Query: { articles: () => new Query() } });
    expect(await run(unconverted, query)).toEqual(expected);
    expect(ran).toEqual(['awaited']);
  });

  it.each([
    [
      'an array without arraySource',
      () => ROWS,
      { arraySource: undefined },
      '@paginate on Query.articles: the resolver returned an array; pass `arraySource` (from pagewise/array) to the directive to paginate arrays',
    ],
    [
      'a value nothing converts',
      () => 42,
      {},
      '@paginate on Query.articles: the resolver returned number; return an array or a PageSource, or pass `toSource` to convert it',
    ],
    [
      'a value toSource turns into something else',
      () => new Map(),
      { toSource: () => ({}) as PageSource<unknown> },
      '@paginate on Query.articles: toSource returned an object (Object), not a PageSource',
    ],
  ])('%s is an error naming the field', async (_name, resolve, options, message) => {
    const schema = buildSchema(typeDefs, { Query: { articles: resolve } }, options);
    const result = await run(schema, query);
    expect(result.errors?.map((error) => error.message)).toEqual([message]);
  });

  it('recognises a PageSource by its shape', () => {
    expect([isPageSource(arraySource(ROWS)), isPageSource(ROWS), isPageSource({ count: () => 0 }), isPageSource(null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('@paginate count', () => {
  it('counts as count and countCap say, and PageInfo tells a capped count', async () => {
    const capped = buildSchema(
      `type Query { articles: [Article!]! @paginate(style: PAGE_NUMBER, pageSize: 2, count: CAPPED, countCap: 4) }`,
      { Query: { articles: () => sqlLikeSource(ROWS) } },
    );
    expect(await run(capped, '{ articles(page: 2) { totalCount pageInfo { totalCountCapped } } }')).toEqual({
      data: { articles: { totalCount: 4, pageInfo: { totalCountCapped: true } } },
    });
  });
});
