// Page-number and limit-offset in both shapes, cursor offset lists, and the per-field options.
import { cursorPagination, encodeOffsetCursor, limitOffsetPagination, pageNumberPagination } from 'pagewise/internal';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { arraySource } from 'pagewise/array';
import { connectionField, paginationComplexity, requestedPageSize } from 'pagewise/graphql';
import { articles, articleSchema, run } from './articles-schema';

async function data(query: string, variables?: Record<string, unknown>, schema = articleSchema()) {
  const result = await run(schema, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

describe('page-number', () => {
  it('a connection page with edge cursors and page positions', async () => {
    const result = await data(
      '{ pageNumberConnection(page: 2) { nodes { id } pageInfo { page pageSize nextPage previousPage hasNextPage hasPreviousPage totalPages offset } } }',
    );
    expect(result).toEqual({
      pageNumberConnection: {
        nodes: [{ id: 4 }, { id: 5 }, { id: 6 }],
        pageInfo: {
          page: 2,
          pageSize: 3,
          nextPage: 3,
          previousPage: 1,
          hasNextPage: true,
          hasPreviousPage: true,
          totalPages: 4,
          offset: null,
        },
      },
    });
  });

  it('"last" names the last page', async () => {
    const result = await data('{ pageNumberPage(page: "last", pageSize: 4) { results { id } next previous } }');
    expect(result).toEqual({ pageNumberPage: { results: [{ id: 9 }, { id: 10 }], next: null, previous: '2' } });
  });

  it('after an endCursor comes the next page', async () => {
    const first = await data('{ pageNumberConnection(pageSize: 4) { pageInfo { endCursor } } }');
    const after = (first['pageNumberConnection'] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const next = await data(
      'query ($after: String) { pageNumberConnection(pageSize: 4, after: $after) { nodes { id } pageInfo { page } } }',
      { after },
    );
    expect(next).toEqual({ pageNumberConnection: { nodes: [{ id: 5 }, { id: 6 }, { id: 7 }, { id: 8 }], pageInfo: { page: 2 } } });
  });

  describe('after on a page-number field means the rows after it', () => {
    const WINDOW = `query ($after: String, $pageSize: Int) {
      pageNumberConnection(after: $after, pageSize: $pageSize) {
        nodes { id }
        pageInfo { page nextPage previousPage offset limit hasNextPage hasPreviousPage }
      }
    }`;
    // Ids are 1..10; the cursor of id n is the offset cursor of index n - 1.
    it.each([
      [
        'mid-page row: the rows after it, not its page',
        7,
        5,
        { ids: [8, 9, 10], page: null, nextPage: null, previousPage: null, offset: 7, limit: 5, hasNextPage: false, hasPreviousPage: true },
      ],
      [
        'last row of a page: the next page, numbered',
        5,
        5,
        {
          ids: [6, 7, 8, 9, 10],
          page: 2,
          nextPage: null,
          previousPage: 1,
          offset: null,
          limit: null,
          hasNextPage: false,
          hasPreviousPage: true,
        },
      ],
      [
        'a changed page size repeats no row',
        3,
        4,
        {
          ids: [4, 5, 6, 7],
          page: null,
          nextPage: null,
          previousPage: null,
          offset: 3,
          limit: 4,
          hasNextPage: true,
          hasPreviousPage: true,
        },
      ],
      [
        'after the last row: an empty page, not INVALID_PAGE',
        10,
        5,
        { ids: [], page: 3, nextPage: null, previousPage: 2, offset: null, limit: null, hasNextPage: false, hasPreviousPage: true },
      ],
      [
        'after the last row, unaligned: an empty page',
        10,
        3,
        { ids: [], page: null, nextPage: null, previousPage: null, offset: 10, limit: 3, hasNextPage: false, hasPreviousPage: true },
      ],
    ])('%s', async (_, afterId, pageSize, expected) => {
      const { ids, ...pageInfo } = expected;
      expect(await data(WINDOW, { after: encodeOffsetCursor(afterId - 1), pageSize })).toEqual({
        pageNumberConnection: { nodes: ids.map((id) => ({ id })), pageInfo },
      });
    });

    it('the offset list of an unaligned window has no page numbers to go on with', async () => {
      expect(
        await data('query ($after: String) { pageNumberPage(after: $after) { results { id } next previous count } }', {
          after: encodeOffsetCursor(0),
        }),
      ).toEqual({ pageNumberPage: { results: [{ id: 2 }, { id: 3 }, { id: 4 }], next: null, previous: null, count: 10 } });
    });
  });

  it('offset list next and previous are page numbers', async () => {
    expect(await data('{ pageNumberPage(page: 2) { results { id } next previous count } }')).toEqual({
      pageNumberPage: { results: [{ id: 4 }, { id: 5 }, { id: 6 }], next: '3', previous: '1', count: 10 },
    });
  });
});

describe('limit-offset', () => {
  it('a connection page with offsets', async () => {
    expect(
      await data(
        '{ limitOffsetConnection(limit: 4, offset: 8) { edges { node { id } } pageInfo { offset limit nextOffset previousOffset hasNextPage hasPreviousPage page } } }',
      ),
    ).toEqual({
      limitOffsetConnection: {
        edges: [{ node: { id: 9 } }, { node: { id: 10 } }],
        pageInfo: { offset: 8, limit: 4, nextOffset: null, previousOffset: 4, hasNextPage: false, hasPreviousPage: true, page: null },
      },
    });
  });

  it('after an edge cursor continues right behind it', async () => {
    const first = await data('{ limitOffsetConnection(limit: 3) { edges { cursor } } }');
    const edges = (first['limitOffsetConnection'] as { edges: { cursor: string }[] }).edges;
    const next = await data(
      'query ($after: String) { limitOffsetConnection(limit: 2, after: $after) { nodes { id } pageInfo { offset } } }',
      { after: edges[1]!.cursor },
    );
    expect(next).toEqual({ limitOffsetConnection: { nodes: [{ id: 3 }, { id: 4 }], pageInfo: { offset: 2 } } });
  });

  it('offset list next and previous are offsets', async () => {
    expect(await data('{ limitOffsetPage(limit: 3, offset: 3) { results { id } next previous } }')).toEqual({
      limitOffsetPage: { results: [{ id: 4 }, { id: 5 }, { id: 6 }], next: '6', previous: '0' },
    });
  });
});

describe('cursor offset lists', () => {
  it('next and previous are the cursors REST links carry, and they page both ways', async () => {
    const first = (await data('{ cursorPage(first: 4) { results { id } next previous pageInfo { endCursor } } }'))['cursorPage'] as {
      results: { id: number }[];
      next: string;
      previous: string | null;
      pageInfo: { endCursor: string };
    };
    expect(first.results.map((row) => row.id)).toEqual([1, 2, 3, 4]);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(first.pageInfo.endCursor);
    const second = (
      await data('query ($after: String) { cursorPage(first: 4, after: $after) { results { id } previous } }', { after: first.next })
    )['cursorPage'] as { results: { id: number }[]; previous: string };
    expect(second.results.map((row) => row.id)).toEqual([5, 6, 7, 8]);
    const back = await data('query ($before: String) { cursorPage(last: 4, before: $before) { results { id } } }', {
      before: second.previous,
    });
    expect(back).toEqual({ cursorPage: { results: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] } });
  });
});

describe('per-field options', () => {
  it('a default and maximum page size per field', async () => {
    const schema = articleSchema({ field: { defaultPageSize: 2, maxPageSize: 4 } });
    expect(
      await data(
        '{ cursorConnection { nodes { id } } limitOffsetPage { results { id } } pageNumberPage(pageSize: 9) { results { id } } }',
        {},
        schema,
      ),
    ).toEqual({
      cursorConnection: { nodes: [{ id: 1 }, { id: 2 }] },
      limitOffsetPage: { results: [{ id: 1 }, { id: 2 }] },
      pageNumberPage: { results: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] },
    });
  });

  describe('page sizes are capped at 100 by default', () => {
    const rows = articles(150);
    const Node = new GraphQLObjectType({ name: 'Capped', fields: { id: { type: GraphQLInt } } });
    const uncapped = {
      cursor: cursorPagination({ pageSize: 3, ordering: 'id' }),
      pageNumber: pageNumberPagination({ pageSize: 3 }),
      limitOffset: limitOffsetPagination({ defaultLimit: 3 }),
    };
    const schemaWith = (field: { maxPageSize?: number | null; onOversize?: 'error' }, capped: Partial<typeof uncapped> = {}) => {
      const fieldOf = (pagination: (typeof uncapped)[keyof typeof uncapped]) => ({
        node: Node,
        pagination,
        source: () => arraySource(rows, { uniqueKey: 'id' }),
        ...field,
      });
      const p = { ...uncapped, ...capped };
      return new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            cursor: connectionField(fieldOf(p.cursor)),
            pageNumber: connectionField(fieldOf(p.pageNumber)),
            limitOffset: connectionField(fieldOf(p.limitOffset)),
          },
        }),
      });
    };
    const HUGE =
      '{ cursor(first: 2000000000) { nodes { id } } pageNumber(pageSize: 2000000000) { nodes { id } } limitOffset(limit: 2000000000) { nodes { id } } }';
    const sizes = async (schema: GraphQLSchema) => {
      const result = (await data(HUGE, {}, schema)) as Record<string, { nodes: unknown[] }>;
      return Object.fromEntries(Object.entries(result).map(([name, value]) => [name, value.nodes.length]));
    };

    it('a huge size is clamped to 100 when neither the pagination nor the field sets a maximum', async () => {
      expect(await sizes(schemaWith({}))).toEqual({ cursor: 100, pageNumber: 100, limitOffset: 100 });
    });

    it('with onOversize: error a huge size is INVALID_ARGUMENT naming the default maximum', async () => {
      const result = await run(schemaWith({ onOversize: 'error' }), HUGE);
      // Sorted: the three fields fail in whatever order their resolvers settle.
      expect(result.errors?.map((error) => [error.message, error.extensions]).sort()).toEqual(
        ['first', 'limit', 'pageSize'].map((name) => [
          `Argument "${name}" must not exceed 100`,
          { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName: name },
        ]),
      );
    });

    it("the field's maxPageSize overrides the default, and null opts out", async () => {
      expect(await sizes(schemaWith({ maxPageSize: 120 }))).toEqual({ cursor: 120, pageNumber: 120, limitOffset: 120 });
      expect(await sizes(schemaWith({ maxPageSize: null }))).toEqual({ cursor: 150, pageNumber: 150, limitOffset: 150 });
    });

    it("the pagination's own maximum wins over the default", async () => {
      const capped = {
        cursor: cursorPagination({ pageSize: 3, maxPageSize: 130, ordering: 'id' }),
        pageNumber: pageNumberPagination({ pageSize: 3, maxPageSize: 130 }),
        limitOffset: limitOffsetPagination({ defaultLimit: 3, maxLimit: 130 }),
      };
      expect(await sizes(schemaWith({}, capped))).toEqual({ cursor: 130, pageNumber: 130, limitOffset: 130 });
    });

    it('the cost hint uses the same cap', () => {
      expect(requestedPageSize(uncapped.cursor, { first: 2000000000 })).toBe(100);
      expect(requestedPageSize(uncapped.limitOffset, { limit: 2000000000 }, { maxPageSize: null })).toBe(2000000000);
    });
  });

  it('forward-only fields offer no last or before', async () => {
    const schema = articleSchema({ field: { directions: 'forward' } });
    const fields = schema.getQueryType()!.getFields();
    const args = fields['cursorConnection']!.args.map((arg) => arg.name);
    expect(args).toEqual(['first', 'after']);
  });

  it.each([
    [{ first: 7 }, 7 * 3],
    [{ last: 50 }, 10 * 3],
    [{}, 3 * 3],
  ])('the cost hint of %j is page size × child cost', (args, cost) => {
    const complexity = paginationComplexity(cursorPagination({ pageSize: 3, maxPageSize: 10, ordering: 'id' }));
    expect(complexity({ args, childComplexity: 3 })).toBe(cost);
  });

  it('the cost hint sits in the field extensions', () => {
    const field = articleSchema().getQueryType()!.getFields()['limitOffsetPage']!;
    const complexity = field.extensions['complexity'] as (estimate: { args: object; childComplexity: number }) => number;
    expect(complexity({ args: { limit: 5 }, childComplexity: 2 })).toBe(10);
  });

  it.each([
    [pageNumberPagination({ pageSize: 5 }), { pageSize: 8 }, 8],
    [limitOffsetPagination({ defaultLimit: 5, maxLimit: 6 }), { limit: 8 }, 6],
    [limitOffsetPagination({}), {}, 1],
  ])('requestedPageSize', (pagination, args, size) => {
    expect(requestedPageSize(pagination, args)).toBe(size);
  });
});

describe('client ordering on cursor fields', () => {
  const rows = articles(10);
  const Article = new GraphQLObjectType({ name: 'Ordered', fields: { id: { type: GraphQLInt }, score: { type: GraphQLInt } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        ordered: connectionField({
          node: Article,
          pagination: cursorPagination({ pageSize: 4, ordering: 'id', orderingFields: ['score', 'id'] }),
          source: () => arraySource(rows, { uniqueKey: 'id' }),
        }),
      },
    }),
  });

  it('offers ordering and pages in the requested order across pages', async () => {
    const query = 'query ($after: String) { ordered(ordering: ["-score"], after: $after) { nodes { id score } pageInfo { endCursor } } }';
    const first = (await data(query, {}, schema))['ordered'] as { nodes: { id: number; score: number }[]; pageInfo: { endCursor: string } };
    const second = (await data(query, { after: first.pageInfo.endCursor }, schema))['ordered'] as typeof first;
    const expected = [...rows].sort((a, b) => b.score - a.score || b.id - a.id).map(({ id, score }) => ({ id, score }));
    expect([...first.nodes, ...second.nodes]).toEqual(expected.slice(0, 8));
  });

  it('an ordering field outside the allow-list is a coded error', async () => {
    const result = await run(schema, '{ ordered(ordering: ["title"]) { nodes { id } } }');
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName: 'ordering' },
    ]);
  });
});

describe("Relay's four arguments on page-number and limit-offset connections (Relay's @connection)", () => {
  type Conn = {
    nodes: { id: number }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
  const QUERY = (field: string) => `query ($first: Int, $after: String, $last: Int, $before: String) {
    ${field}(first: $first, after: $after, last: $last, before: $before) {
      nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const page = async (field: string, variables: Record<string, unknown>) => (await data(QUERY(field), variables))[field] as Conn;

  it.each(['pageNumberConnection', 'limitOffsetConnection'])(
    '%s: forward with first/after, back with last/before, every row once',
    async (field) => {
      const forward: number[] = [];
      let at = await page(field, { first: 4 });
      forward.push(...at.nodes.map((node) => node.id));
      while (at.pageInfo.hasNextPage) {
        at = await page(field, { first: 4, after: at.pageInfo.endCursor });
        forward.push(...at.nodes.map((node) => node.id));
      }
      expect(forward).toEqual(articles(10).map((row) => row.id));

      const backward: number[][] = [];
      at = await page(field, { last: 4 });
      expect(at.nodes.map((node) => node.id)).toEqual([7, 8, 9, 10]);
      expect(at.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      backward.unshift(at.nodes.map((node) => node.id));
      while (at.pageInfo.hasPreviousPage) {
        at = await page(field, { last: 4, before: at.pageInfo.startCursor });
        backward.unshift(at.nodes.map((node) => node.id));
      }
      expect(backward).toEqual([
        [1, 2],
        [3, 4, 5, 6],
        [7, 8, 9, 10],
      ]);
      expect(at.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    },
  );

  it.each(['pageNumberConnection', 'limitOffsetConnection'])('%s: after and before together are the rows between', async (field) => {
    const all = await page(field, { first: 10 });
    const cursors = (await data(`{ ${field}(first: 10) { edges { cursor } } }`))[field] as { edges: { cursor: string }[] };
    const between = await page(field, { first: 10, after: cursors.edges[1]!.cursor, before: cursors.edges[6]!.cursor });
    expect(between.nodes.map((node) => node.id)).toEqual(all.nodes.slice(2, 6).map((node) => node.id));
  });

  it.each([
    ['first and last', { first: 2, last: 2 }, 'last'],
    ['first and pageSize', { first: 2, pageSize: 2 }, 'first'],
    ['page and before', { page: 2, before: 'x' }, 'before'],
  ])('%s together are INVALID_ARGUMENT', async (_, variables, argument) => {
    const result = await run(
      articleSchema(),
      'query ($first: Int, $last: Int, $pageSize: Int, $page: PageNumber, $before: String) { pageNumberConnection(first: $first, last: $last, pageSize: $pageSize, page: $page, before: $before) { nodes { id } } }',
      variables,
    );
    expect(result.errors?.map((error) => [error.extensions['paginationCode'], error.extensions['argumentName']])).toEqual([
      ['INVALID_ARGUMENT', argument],
    ]);
  });
});
