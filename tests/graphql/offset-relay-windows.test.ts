// Relay's arguments over page-number and limit-offset fields, at their edges: zero counts, empty
// windows, windows at another size than the field's pages, and the cost they are estimated at.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, requestedPageSize } from 'pagewise/graphql';

const rows = Array.from({ length: 30 }, (_, index) => ({ id: index + 1 }));
const Row = new GraphQLObjectType({ name: 'WindowRow', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
const source = () => arraySource(rows, { uniqueKey: 'id' });
const byPage = pageNumberPagination({ pageSize: 10 });
const byOffset = limitOffsetPagination({ defaultLimit: 10 });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      byPage: connectionField({ node: Row, pagination: byPage, source }),
      byOffset: connectionField({ node: Row, pagination: byOffset, source }),
      byCursor: connectionField({ node: Row, pagination: cursorPagination({ pageSize: 10, ordering: 'id' }), source, jump: true }),
    },
  }),
});
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage page pageSize nextPage offset limit nextOffset previousOffset }';
async function ask(field: string, args: string) {
  const result = await graphql({ schema, source: `{ ${field}(${args}) { nodes { id } edges { cursor } ${PAGE_INFO} } }` });
  return result;
}
const cursorOf = async (field: string, index: number) =>
  ((await ask(field, 'first: 30')).data as Record<string, { edges: { cursor: string }[] }>)[field]!.edges[index]!.cursor;

describe('Relay windows over offset lists', () => {
  it.each(['byPage', 'byOffset'])('%s: first: 0 and last: 0 are empty pages, as on a cursor field', async (field) => {
    for (const args of ['first: 0', 'last: 0']) {
      const result = await ask(field, args);
      expect(result.errors).toBeUndefined();
      expect((result.data as Record<string, { nodes: unknown[] }>)[field]!.nodes).toEqual([]);
    }
  });

  it('an empty window between after and before names no next offset (no loop)', async () => {
    const after = await cursorOf('byOffset', 10);
    const before = await cursorOf('byOffset', 5);
    const result = await ask('byOffset', `first: 10, after: "${after}", before: "${before}"`);
    const info = (result.data as { byOffset: { nodes: unknown[]; pageInfo: Record<string, unknown> } }).byOffset;
    expect(info.nodes).toEqual([]);
    expect(info.pageInfo).toMatchObject({ nextOffset: null, previousOffset: null });
  });

  it('a window at another size than the pages is an offset window, not a page in the wrong units', async () => {
    const after = await cursorOf('byPage', 9);
    const window = (await ask('byPage', `first: 5, after: "${after}"`)).data as {
      byPage: { nodes: { id: number }[]; pageInfo: Record<string, unknown> };
    };
    expect(window.byPage.nodes.map((node) => node.id)).toEqual([11, 12, 13, 14, 15]);
    expect(window.byPage.pageInfo).toMatchObject({ page: null, nextPage: null, offset: 10, limit: 5 });
    const page = (await ask('byPage', `pageSize: 10, after: "${after}"`)).data as { byPage: { pageInfo: Record<string, unknown> } };
    expect(page.byPage.pageInfo).toMatchObject({ page: 2, nextPage: 3 });
  });

  it('the cost estimate reads first and last on every style', () => {
    expect(requestedPageSize(byPage, { first: 50 })).toBe(50);
    expect(requestedPageSize(byOffset, { last: 70 })).toBe(70);
    expect(requestedPageSize(byPage, { pageSize: 7 })).toBe(7);
    expect(requestedPageSize(byOffset, {})).toBe(10);
  });

  it('a page jump with first: 0 is INVALID_ARGUMENT', async () => {
    const result = await graphql({ schema, source: '{ byCursor(first: 0, page: 2) { nodes { id } } }' });
    expect(result.errors?.map((error) => [error.extensions['paginationCode'], error.extensions['argumentName']])).toEqual([
      ['INVALID_ARGUMENT', 'first'],
    ]);
  });
});
