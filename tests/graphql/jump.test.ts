// Jump to page N on a cursor connection (`page: Int`, opt-in): the rows before it skipped by OFFSET,
// keyset cursors from there on, so the walk goes on with `after: endCursor`.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField } from 'pagewise/graphql';

const rows = Array.from({ length: 23 }, (_, index) => ({ id: index + 1, views: index % 4 }));
const Row = new GraphQLObjectType({ name: 'Row', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
type Conn = { nodes: { id: number }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };

describe.each(['exact', 'drf'] as const)('%s mode', (mode) => {
  const pagination = cursorPagination({ pageSize: 5, ordering: ['views', 'id'], mode });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { rows: connectionField({ node: Row, pagination, source: () => arraySource(rows, { uniqueKey: 'id' }), jump: true }) },
    }),
  });
  const order = [...rows].sort((a, b) => a.views - b.views || a.id - b.id).map((row) => row.id);
  const ask = async (args: string, variables: Record<string, unknown> = {}) => {
    const result = await graphql({
      schema,
      source: `query${args.includes('$after') ? ' ($after: String)' : ''} { rows(${args}) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
      variableValues: variables,
    });
    return result;
  };

  it.each([1, 2, 3, 5])('page %i is the rows of that page, and the walk goes on with keyset cursors', async (page) => {
    const result = await ask(`first: 5, page: ${page}`);
    expect(result.errors).toBeUndefined();
    let at = (result.data as { rows: Conn }).rows;
    expect(at.nodes.map((node) => node.id)).toEqual(order.slice((page - 1) * 5, page * 5));
    expect(at.pageInfo.hasPreviousPage).toBe(page > 1);
    const seen = at.nodes.map((node) => node.id);
    while (at.pageInfo.hasNextPage) {
      const next = await ask('first: 5, after: $after', { after: at.pageInfo.endCursor });
      at = (next.data as { rows: Conn }).rows;
      seen.push(...at.nodes.map((node) => node.id));
    }
    expect(seen).toEqual(order.slice((page - 1) * 5));
  });

  it.each([
    ['a page past the end', 'first: 5, page: 6', 'INVALID_PAGE', 'page'],
    ['page 0', 'first: 5, page: 0', 'INVALID_ARGUMENT', 'page'],
    ['page with after', 'first: 5, page: 2, after: "x"', 'INVALID_ARGUMENT', 'after'],
  ])('%s is a coded error', async (_, args, code, argument) => {
    const result = await graphql({ schema, source: `{ rows(${args}) { nodes { id } } }` });
    expect(result.errors?.map((error) => [error.extensions['paginationCode'], error.extensions['argumentName']])).toEqual([
      [code, argument],
    ]);
  });
});
