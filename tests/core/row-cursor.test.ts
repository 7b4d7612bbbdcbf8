// cursorFor/edgeFor: the cursor a connection would have issued for a row (a mutation's new edge).
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorFor, cursorPagination, hmacSigner, pageNumberPagination, paginateRelay, PaginationConfigError } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, edgeFor } from 'pagewise/graphql';

const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, views: index % 3 }));
const signer = hmacSigner('a server secret of 32 characters!');

describe('cursorFor', () => {
  it.each([
    ['exact', cursorPagination({ pageSize: 4, ordering: '-views', orderingFields: ['views', 'id'] })],
    ['exact, signed', cursorPagination({ pageSize: 4, ordering: '-views', signer })],
  ])('%s: is the edge cursor the connection issues for that row, in every ordering', async (_, pagination) => {
    const source = arraySource(rows, { uniqueKey: 'id' });
    for (const ordering of pagination.orderingFields.length > 0 ? [undefined, ['id'], ['-views', 'id']] : [undefined]) {
      const page = await paginateRelay(source, pagination, { first: 12, ordering });
      expect(page.items.map((row) => cursorFor(source, pagination, row, { ordering }))).toEqual(page.cursors);
    }
  });

  it('drf mode: a connection continues after the row (and the rows tying with it)', async () => {
    const pagination = cursorPagination({ pageSize: 4, ordering: 'views', mode: 'drf' });
    const source = arraySource(rows, { uniqueKey: 'id' });
    const after = await paginateRelay(source, pagination, { first: 12, after: cursorFor(source, pagination, rows[0]!) });
    expect(after.items.every((row) => row.views > rows[0]!.views)).toBe(true);
  });

  it('offset styles: the row index names the row; without it, a PaginationConfigError naming index', () => {
    const source = arraySource(rows, { uniqueKey: 'id' });
    const pagination = pageNumberPagination({ pageSize: 4 });
    expect(() => cursorFor(source, pagination, rows[0]!)).toThrow(PaginationConfigError);
    expect(() => cursorFor(source, pagination, rows[0]!)).toThrow(/index/);
    expect(typeof cursorFor(source, pagination, rows[3]!, { index: 3 })).toBe('string');
  });

  it("edgeFor with the field's scope splices into the field's own connection", async () => {
    const pagination = cursorPagination({ pageSize: 4, ordering: '-views', signer });
    const source = arraySource(rows, { uniqueKey: 'id' });
    const Row = new GraphQLObjectType({ name: 'Row', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { rows: connectionField({ node: Row, pagination, source: () => source }) } }),
    });
    const result = await graphql({ schema, source: '{ rows(first: 12) { edges { cursor node { id } } } }' });
    const edges = (result.data as { rows: { edges: Array<{ cursor: string; node: { id: number } }> } }).rows.edges;
    for (const edge of edges) {
      const row = rows.find((candidate) => candidate.id === edge.node.id)!;
      expect(edgeFor(row, { pagination, source, cursorScope: 'Query.rows' }).cursor).toBe(edge.cursor);
    }
  });
});
