import { GraphQLObjectType, GraphQLSchema, GraphQLString, printType } from 'graphql';
import { cursorPagination, hmacSigner } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, connectionType, edgeType, offsetListField, offsetListType, pageInfoType } from 'pagewise/graphql';
import { countingSource } from '../support/counting-source';
import { articles, articleSchema, run } from './articles-schema';

const CONNECTION = `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    cursorConnection(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface Connection {
  edges: { cursor: string; node: { id: number } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function connection(args: Record<string, unknown>, schema = articleSchema()): Promise<Connection> {
  const result = await run(schema, CONNECTION, args);
  expect(result.errors).toBeUndefined();
  return (result.data as { cursorConnection: Connection }).cursorConnection;
}

const ids = (page: Connection) => page.edges.map((edge) => edge.node.id);

describe('types', () => {
  it('builds each type once per node type', () => {
    const Node = new GraphQLObjectType({ name: 'Thing', fields: { id: { type: GraphQLString } } });
    expect(connectionType(Node)).toBe(connectionType(Node));
    expect(edgeType(Node)).toBe(edgeType(Node));
    expect(offsetListType(Node)).toBe(offsetListType(Node));
    expect(printType(connectionType(Node))).toContain('edges: [ThingEdge!]!');
  });

  it('adds extra edge fields and refuses other options for the same node type later', () => {
    const Node = new GraphQLObjectType({ name: 'Tagged', fields: { id: { type: GraphQLString } } });
    const options = { edgeFields: { tag: { type: GraphQLString } } };
    expect(Object.keys(edgeType(Node, options).getFields())).toEqual(['node', 'cursor', 'tag']);
    expect(edgeType(Node, options)).toBe(edgeType(Node));
    expect(() => edgeType(Node, { edgeFields: {} })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('a connection and an offset list of one node type each keep their own extra fields', () => {
    const Node = new GraphQLObjectType({ name: 'Both', fields: { id: { type: GraphQLString } } });
    const connectionOptions = { connectionFields: { total: { type: GraphQLString } } };
    const listOptions = { offsetListFields: { summary: { type: GraphQLString } } };
    expect(Object.keys(connectionType(Node, connectionOptions).getFields())).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount', 'total']);
    expect(Object.keys(offsetListType(Node, listOptions).getFields())).toEqual([
      'results',
      'count',
      'next',
      'previous',
      'pageInfo',
      'summary',
    ]);
    // Each type is compared on its own key only, so the other kind's options never conflict.
    expect(connectionType(Node, { ...connectionOptions, ...listOptions })).toBe(connectionType(Node));
    expect(offsetListType(Node, { ...connectionOptions, ...listOptions })).toBe(offsetListType(Node));
    expect(() => offsetListType(Node, { offsetListFields: {} })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => connectionType(Node, { connectionFields: {} })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('edge fields given to connectionType reach the edge type', () => {
    const Node = new GraphQLObjectType({ name: 'EdgeVia', fields: { id: { type: GraphQLString } } });
    const edgeFields = { weight: { type: GraphQLString } };
    connectionType(Node, { edgeFields });
    expect(Object.keys(edgeType(Node).getFields())).toEqual(['node', 'cursor', 'weight']);
    expect(() => connectionType(Node, { edgeFields: {} })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('PageInfo carries every style position', () => {
    expect(Object.keys(pageInfoType.getFields())).toEqual([
      'hasNextPage',
      'hasPreviousPage',
      'startCursor',
      'endCursor',
      'totalCount',
      'totalCountCapped',
      'totalCountEstimated',
      'page',
      'pageSize',
      'totalPages',
      'nextPage',
      'previousPage',
      'offset',
      'limit',
      'nextOffset',
      'previousOffset',
      'pageLinks',
    ]);
  });
});

describe('cursor connections (exact Relay flags)', () => {
  it('walks forward with first/after: hasPreviousPage is exact too', async () => {
    const seen: number[] = [];
    const flags: [boolean, boolean][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await connection({ first: 4, after });
      seen.push(...ids(page));
      flags.push([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('walks backward with last/before: hasNextPage is exact too', async () => {
    const seen: number[][] = [];
    const flags: [boolean, boolean][] = [];
    let before: string | null = null;
    for (;;) {
      const page = await connection({ last: 4, before });
      seen.push(ids(page));
      flags.push([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual([
      [7, 8, 9, 10],
      [3, 4, 5, 6],
      [1, 2],
    ]);
    expect(flags).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
  });

  it('an edge cursor continues from that edge', async () => {
    const page = await connection({ first: 5 });
    const next = await connection({ first: 2, after: page.edges[1]!.cursor });
    expect(ids(next)).toEqual([3, 4]);
  });

  it('applies first, then last', async () => {
    const page = await connection({ first: 5, last: 2 });
    expect(ids(page)).toEqual([4, 5]);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('an empty page has null start and end cursors', async () => {
    const page = await connection({ first: 3 }, articleSchema({ rows: [] }));
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('first: 0 is an empty page that knows rows follow', async () => {
    const page = await connection({ first: 0 });
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
  });

  it('uses the default page size without first or last and clamps an oversized one', async () => {
    expect(ids(await connection({}))).toEqual([1, 2, 3]);
    expect(ids(await connection({ first: 50 }, articleSchema({ rows: articles(30) })))).toHaveLength(10);
  });
});

describe('the count runs only when selected', () => {
  const calls = async (query: string, variables?: Record<string, unknown>) => {
    const sources: ReturnType<typeof countingSource>[] = [];
    const schema = articleSchema({
      wrap: (source) => {
        const counted = countingSource(source);
        sources.push(counted);
        return counted;
      },
    });
    const result = await run(schema, query, variables);
    expect(result.errors).toBeUndefined();
    return { data: result.data, calls: sources.flatMap((source) => source.calls) };
  };

  it.each([
    ['cursor connection', '{ cursorConnection { edges { node { id } } pageInfo { hasNextPage } } }'],
    ['page-number connection', '{ pageNumberConnection { nodes { id } pageInfo { page nextPage } } }'],
    ['limit-offset page', '{ limitOffsetPage { results { id } next previous } }'],
  ])('%s without a count field: no count', async (_, query) => {
    expect((await calls(query)).calls).not.toContain('count');
  });

  it.each([
    ['@skip(if: true) on totalCount', '{ cursorConnection { nodes { id } totalCount @skip(if: true) } }', {}],
    [
      '@include(if: $with) false on count',
      'query ($with: Boolean!) { limitOffsetPage { results { id } count @include(if: $with) } }',
      { with: false },
    ],
    [
      '@skip(if: $skip) on pageInfo',
      'query ($skip: Boolean!) { pageNumberConnection { nodes { id } pageInfo @skip(if: $skip) { totalPages } } }',
      { skip: true },
    ],
    [
      '@include(if: false) on a fragment spread',
      '{ limitOffsetPage { results { id } ...Counted @include(if: false) } } fragment Counted on ArticlePage { count }',
      {},
    ],
    ['@skip(if: true) on an inline fragment', '{ cursorConnection { nodes { id } ... @skip(if: true) { totalCount } } }', {}],
  ])('a count field left out by %s runs no count', async (_, query, variables) => {
    expect((await calls(query, variables)).calls).not.toContain('count');
  });

  it('a count field kept by @include(if: $with) true still starts with the page', async () => {
    const result = await calls('query ($with: Boolean!) { limitOffsetPage { count @include(if: $with) } }', { with: true });
    expect(result.data).toEqual({ limitOffsetPage: { count: 10 } });
    expect(result.calls[0]).toBe('count');
  });

  it.each([
    ['totalCount', '{ cursorConnection { totalCount } }', { cursorConnection: { totalCount: 10 } }],
    [
      'pageInfo.totalCount',
      '{ pageNumberConnection { pageInfo { totalCount } } }',
      { pageNumberConnection: { pageInfo: { totalCount: 10 } } },
    ],
    ['pageInfo.totalPages', '{ pageNumberPage { pageInfo { totalPages } } }', { pageNumberPage: { pageInfo: { totalPages: 4 } } }],
    ['count', '{ limitOffsetPage { count } }', { limitOffsetPage: { count: 10 } }],
    [
      'count in a fragment',
      '{ limitOffsetPage { ...Counted } } fragment Counted on ArticlePage { ... on ArticlePage { count } }',
      { limitOffsetPage: { count: 10 } },
    ],
  ])('%s: one count, started with the page', async (_, query, data) => {
    const result = await calls(query);
    expect(result.data).toEqual(data);
    expect(result.calls.filter((call) => call === 'count')).toEqual(['count']);
    expect(result.calls[0]).toBe('count');
  });
});

describe('cursor modes and signing', () => {
  const Node = new GraphQLObjectType({ name: 'Moded', fields: { id: { type: GraphQLString } } });
  const rows = articles(9);
  const schemaFor = (pagination: ReturnType<typeof cursorPagination>) =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { rows: connectionField({ node: Node, pagination, source: () => arraySource(rows, { uniqueKey: 'id' }) }) },
      }),
    });
  const walk = async (schema: GraphQLSchema) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let requests = 0; requests < 10; requests += 1) {
      const result = await run(
        schema,
        'query ($after: String) { rows(first: 4, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        {
          after,
        },
      );
      expect(result.errors).toBeUndefined();
      const page = (result.data as { rows: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }).rows;
      seen.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
    throw new Error('walk did not end');
  };

  it("drf mode pages every row once with DRF's cursors", async () => {
    expect(await walk(schemaFor(cursorPagination({ pageSize: 4, ordering: 'id', mode: 'drf' })))).toEqual(
      rows.map((row) => String(row.id)),
    );
  });

  describe('drf mode pages in the direction the arguments say', () => {
    // Rows 1..9, pages of 3 ordered by id. An edge's cursor names its row: `after` pages forward from
    // that row and `before` backward, in drf mode as in exact mode, whichever way DRF wrote it.
    type Rows = { rows: { nodes: { id: string }[]; pageInfo: { startCursor: string; endCursor: string } } };
    const ask = async (schema: GraphQLSchema, args: string, variables: Record<string, unknown> = {}) => {
      const declared = ['after', 'before'].filter((name) => args.includes(`$${name}`)).map((name) => `$${name}: String`);
      const head = declared.length > 0 ? `query (${declared.join(', ')})` : 'query';
      const used = Object.fromEntries(Object.entries(variables).filter(([name]) => args.includes(`$${name}`)));
      const result = await run(schema, `${head} { rows(${args}) { nodes { id } pageInfo { startCursor endCursor } } }`, used);
      expect(result.errors).toBeUndefined();
      return (result.data as Rows).rows;
    };
    it.each([
      ['a forward page', 'first: 3, after: $after', 'startCursor', 'first: 3, after: $after', ['5', '6', '7']],
      ['a forward page', 'first: 3, after: $after', 'endCursor', 'first: 3, after: $after', ['7', '8', '9']],
      ['a forward page', 'first: 3, after: $after', 'startCursor', 'last: 3, before: $before', ['1', '2', '3']],
      ['a forward page', 'first: 3, after: $after', 'endCursor', 'last: 3, before: $before', ['3', '4', '5']],
      ['a backward page', 'last: 3, before: $before', 'startCursor', 'first: 3, after: $after', ['5', '6', '7']],
      ['a backward page', 'last: 3, before: $before', 'endCursor', 'first: 3, after: $after', ['7', '8', '9']],
      ['a backward page', 'last: 3, before: $before', 'startCursor', 'last: 3, before: $before', ['1', '2', '3']],
      ['a backward page', 'last: 3, before: $before', 'endCursor', 'last: 3, before: $before', ['3', '4', '5']],
    ])('from %s (%s), its %s as %s', async (_, reach, cursor, args, expected) => {
      for (const mode of ['drf', 'exact'] as const) {
        const schema = schemaFor(cursorPagination({ pageSize: 3, ordering: 'id', mode }));
        // The middle page (4, 5, 6), reached forward from the first page or backward from the last.
        const edge = await ask(schema, reach.startsWith('first') ? 'first: 3' : 'last: 3');
        const page = await ask(schema, reach, { after: edge.pageInfo.endCursor, before: edge.pageInfo.startCursor });
        expect(page.nodes.map((node) => node.id)).toEqual(['4', '5', '6']);
        const at = page.pageInfo[cursor as 'startCursor' | 'endCursor'];
        const next = await ask(schema, args, { after: at, before: at });
        expect([mode, next.nodes.map((node) => node.id)]).toEqual([mode, expected]);
      }
    });
  });

  it('signed cursors page as usual, and a tampered one is INVALID_CURSOR', async () => {
    const schema = schemaFor(cursorPagination({ pageSize: 4, ordering: 'id', signer: hmacSigner('a server secret of 32 characters!') }));
    expect(await walk(schema)).toEqual(rows.map((row) => String(row.id)));
    const first = await run(schema, '{ rows(first: 2) { pageInfo { endCursor } } }');
    const cursor = (first.data as { rows: { pageInfo: { endCursor: string } } }).rows.pageInfo.endCursor;
    // A character in the middle carries six data bits, so the decoded cursor changes.
    const tampered = cursor.slice(0, 6) + (cursor[6] === 'A' ? 'B' : 'A') + cursor.slice(7);
    const result = await run(schema, `{ rows(first: 2, after: "${tampered}") { nodes { id } } }`);
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_CURSOR', argumentName: 'after' },
    ]);
  });

  describe('per-item cursors are signed only when selected', () => {
    const many = articles(120);
    const counting = () => {
      const hmac = hmacSigner('a server secret of 32 characters!');
      const signer = { calls: 0, sign: (payload: string) => ((signer.calls += 1), hmac.sign(payload)) };
      return signer;
    };
    const signedSchema = (signer: ReturnType<typeof counting>) => {
      const pagination = cursorPagination({ pageSize: 50, maxPageSize: 100, ordering: 'id', signer });
      const field = { node: Node, pagination, source: () => arraySource(many, { uniqueKey: 'id' }) };
      return new GraphQLSchema({
        query: new GraphQLObjectType({ name: 'Query', fields: { c: connectionField(field), list: offsetListField(field) } }),
      });
    };

    // No signature unless something signed is selected: a connection never reads DRF's next link
    // (an offset list's `next` is one), and edges or start/end cursors sign only the items read.
    it.each([
      ['connection nodes', '{ c(first: 50) { nodes { id } } }', 0],
      ['connection pageInfo flags', '{ c(first: 50) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }', 0],
      ['offset list results next', '{ list { results { id } next } }', 1],
      ['offset list pageInfo flags', '{ list { results { id } pageInfo { hasNextPage } } }', 1],
      ['connection edge cursors', '{ c(first: 50) { edges { cursor } } }', 50],
      // The first edge's cursor: one, not all fifty.
      ['connection start cursor', '{ c(first: 50) { pageInfo { startCursor } } }', 1],
    ])('%s', async (_, query, signatures) => {
      const signer = counting();
      const result = await run(signedSchema(signer), query);
      expect(result.errors).toBeUndefined();
      expect(signer.calls).toBe(signatures);
    });

    it('edges are built once however often they are read', async () => {
      const signer = counting();
      const result = await run(
        signedSchema(signer),
        '{ c(first: 50) { a: edges { cursor } b: edges { node { id } } pageInfo { endCursor } } }',
      );
      expect(result.errors).toBeUndefined();
      expect(signer.calls).toBe(50);
    });
  });
});
