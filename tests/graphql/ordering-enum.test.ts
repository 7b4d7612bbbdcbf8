// orderingEnum: the client ordering as an enum made from the allow-list, beside DRF's strings.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql, printType } from 'graphql';
import { cursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, orderingEnumType } from 'pagewise/graphql';

const rows = Array.from({ length: 9 }, (_, index) => ({ id: index + 1, createdAt: 100 - (index % 3), views: index % 4 }));
const Row = new GraphQLObjectType({ name: 'EnumRow', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
const pagination = cursorPagination({ pageSize: 9, ordering: 'id', orderingFields: ['createdAt', 'views', 'id'] });
const source = () => arraySource(rows, { uniqueKey: 'id' });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      byEnum: connectionField({ node: Row, pagination, source, orderingEnum: 'RowOrdering' }),
      byString: connectionField({ node: Row, pagination, source }),
    },
  }),
});
const ids = async (query: string) => {
  const result = await graphql({ schema, source: query });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data as Record<string, { nodes: { id: number }[] }>)[0]!.nodes.map((node) => node.id);
};

describe('orderingEnum', () => {
  it('is an enum of the allow-list, ascending and descending, in constant case', () => {
    expect(printType(orderingEnumType('RowOrdering', ['createdAt', 'views', 'id']))).toContain('CREATED_AT_DESC');
    const field = schema.getQueryType()!.getFields()['byEnum']!;
    expect(String(field.args.find((arg) => arg.name === 'ordering')!.type)).toBe('[RowOrdering!]');
    // Made once per name and allow-list (another schema may have its own RowOrdering).
    expect(orderingEnumType('RowOrdering', ['createdAt', 'views', 'id'])).toBe(
      orderingEnumType('RowOrdering', ['createdAt', 'views', 'id']),
    );
    expect(orderingEnumType('RowOrdering', ['title'])).not.toBe(orderingEnumType('RowOrdering', ['createdAt', 'views', 'id']));
    // Two fields of one constant name, or no allowed field, are misuse.
    for (const fields of [['createdAt', 'created_at'], []]) {
      expect(() => orderingEnumType('BadOrdering', fields)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    }
  });

  it.each([
    ['CREATED_AT_DESC, ID_ASC', '"-createdAt", "id"'],
    ['VIEWS_ASC', '"views"'],
    ['VIEWS_DESC, CREATED_AT_ASC', '"-views", "createdAt"'],
  ])("[%s] pages as DRF's [%s]", async (values, strings) => {
    expect(await ids(`{ byEnum(first: 9, ordering: [${values}]) { nodes { id } } }`)).toEqual(
      await ids(`{ byString(first: 9, ordering: [${strings}]) { nodes { id } } }`),
    );
  });

  it('an unknown value is refused by GraphQL validation, before any resolver', async () => {
    const result = await graphql({ schema, source: '{ byEnum(first: 2, ordering: [TITLE_ASC]) { nodes { id } } }' });
    expect(result.errors?.[0]?.message).toMatch(/TITLE_ASC/);
  });
});
