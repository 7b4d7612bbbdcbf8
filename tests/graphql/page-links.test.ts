// pageInfo.pageLinks: DRF's page control (numbers with breaks, reference §5) as data, each entry with
// what a client passes back for it (page, offset, or the row cursor for `after`).
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField } from 'pagewise/graphql';

const rows = Array.from({ length: 100 }, (_, index) => ({ id: index + 1 }));
const Row = new GraphQLObjectType({ name: 'Row', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
const source = () => arraySource(rows, { uniqueKey: 'id' });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      byPage: connectionField({ node: Row, pagination: pageNumberPagination({ pageSize: 10 }), source }),
      byOffset: connectionField({ node: Row, pagination: limitOffsetPagination({ defaultLimit: 10 }), source }),
      byCursor: connectionField({ node: Row, pagination: cursorPagination({ pageSize: 10, ordering: 'id' }), source, jump: true }),
    },
  }),
});
type Link = {
  number: number | null;
  isActive: boolean;
  isBreak: boolean;
  page: number | null;
  offset: number | null;
  cursor: string | null;
};

async function links(field: string, args: string, variables: Record<string, unknown> = {}) {
  const declared = args.includes('$after') ? '($after: String)' : '';
  const result = await graphql({
    schema,
    source: `query ${declared} { ${field}(${args}) { nodes { id } pageInfo { endCursor pageLinks { number isActive isBreak page offset cursor } } } }`,
    variableValues: variables,
  });
  expect(result.errors).toBeUndefined();
  return (result.data as Record<string, { nodes: { id: number }[]; pageInfo: { endCursor: string; pageLinks: Link[] | null } }>)[field]!;
}

describe('pageInfo.pageLinks', () => {
  // DRF's _get_displayed_page_numbers vectors (reference §5) for 10 pages.
  it.each([
    [1, [1, 2, 3, null, 10]],
    [5, [1, null, 4, 5, 6, null, 10]],
    [10, [1, null, 8, 9, 10]],
  ])('page-number, page %i of 10: %j, and each cursor continues at its page', async (current, numbers) => {
    const page = await links('byPage', `page: ${current}`);
    expect(page.pageInfo.pageLinks!.map((link) => link.number)).toEqual(numbers);
    expect(page.pageInfo.pageLinks!.filter((link) => link.isActive).map((link) => link.number)).toEqual([current]);
    for (const link of page.pageInfo.pageLinks!.filter((entry) => !entry.isBreak)) {
      expect(link.page).toBe(link.number);
      const target =
        link.cursor === null
          ? await links('byPage', 'first: 10')
          : await links('byPage', 'first: 10, after: $after', { after: link.cursor });
      expect(target.nodes[0]!.id).toBe((link.number! - 1) * 10 + 1);
    }
  });

  it('limit-offset: offsets to pass back, as DRF computes them from the current offset', async () => {
    const page = await links('byOffset', 'offset: 40');
    expect(page.pageInfo.pageLinks!.map((link) => [link.number, link.offset])).toEqual([
      [1, 0],
      [null, null],
      [4, 30],
      [5, 40],
      [6, 50],
      [null, null],
      [10, 90],
    ]);
  });

  it('cursor: known on the first page and after a jump, null after a keyset step', async () => {
    const first = await links('byCursor', 'first: 10');
    expect(first.pageInfo.pageLinks!.map((link) => link.number)).toEqual([1, 2, 3, null, 10]);
    const jumped = await links('byCursor', 'first: 10, page: 7');
    expect(jumped.nodes[0]!.id).toBe(61);
    expect(jumped.pageInfo.pageLinks!.map((link) => [link.number, link.page])).toEqual([
      [1, 1],
      [null, null],
      [6, 6],
      [7, 7],
      [8, 8],
      [9, 9],
      [10, 10],
    ]);
    const stepped = await links('byCursor', 'first: 10, after: $after', { after: first.pageInfo.endCursor });
    expect(stepped.pageInfo.pageLinks).toBeNull();
  });
});
