// A real Apollo Server 5 on an ephemeral port serving every style in both shapes over the array and
// MikroORM sources, and a real Apollo Client 4 paging through all of it with fetchMore.
import { ApolloClient, gql, HttpLink, InMemoryCache, type FieldPolicy, type Reference, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { EntitySchema } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { edgeFor, formatPaginationError } from 'pagewise/graphql';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { articles, articleSchema, paginations, type Article } from '../../graphql/articles-schema';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../support/databases';

const ROWS = articles(23);
const ArticleEntity = new EntitySchema<Article>({
  name: 'GqlArticle',
  tableName: 'gql_article',
  properties: { id: { type: 'number', primary: true }, title: { type: 'string' }, score: { type: 'number' } },
});

/** "offsetLimitPagination()-style" policies for an offset list: `results` spliced in at their position. */
function offsetListPolicy(position: (args: Record<string, unknown>, existing: readonly Reference[]) => number): FieldPolicy {
  return {
    keyArgs: false,
    merge(existing: { results: Reference[] } | undefined, incoming: { results: Reference[] }, { args }) {
      const results = existing ? existing.results.slice(0) : [];
      const start = position(args ?? {}, results);
      incoming.results.forEach((row, index) => {
        results[start + index] = row;
      });
      return { ...incoming, results };
    },
  };
}

function client(url: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, fetch }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            cursorConnection: relayStylePagination(),
            pageNumberConnection: relayStylePagination(),
            limitOffsetConnection: relayStylePagination(),
            cursorPage: offsetListPolicy((args, existing) => (args['after'] ? existing.length : 0)),
            pageNumberPage: offsetListPolicy((args) => (Number(args['page'] ?? 1) - 1) * Number(args['pageSize'] ?? 3)),
            limitOffsetPage: offsetListPolicy((args) => Number(args['offset'] ?? 0)),
          },
        },
      },
    }),
  });
}

interface Row {
  id: number;
  title: string;
}
interface ConnectionData {
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface PageData {
  results: Row[];
  next: string | null;
}

const connectionQuery = (field: string, sizeArg: string): TypedDocumentNode<Record<string, ConnectionData>> =>
  gql(`query ($size: Int, $after: String) {
    ${field}(${sizeArg}: $size, after: $after) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } }
  }`);

const pageQueries: Record<string, { query: TypedDocumentNode<Record<string, PageData>>; more: (next: string) => Record<string, unknown> }> =
  {
    cursorPage: {
      query: gql(`query ($size: Int, $after: String) { cursorPage(first: $size, after: $after) { results { id title } next } }`),
      more: (next) => ({ after: next }),
    },
    pageNumberPage: {
      query: gql(`query ($size: Int, $page: PageNumber) { pageNumberPage(pageSize: $size, page: $page) { results { id title } next } }`),
      more: (next) => ({ page: Number(next) }),
    },
    limitOffsetPage: {
      query: gql(`query ($size: Int, $offset: Int) { limitOffsetPage(limit: $size, offset: $offset) { results { id title } next } }`),
      more: (next) => ({ offset: Number(next) }),
    },
  };

const SIZE = 4;

async function walkConnection(url: string, field: string, sizeArg: string): Promise<{ ids: number[]; requests: number }> {
  const apollo = client(url);
  const query = connectionQuery(field, sizeArg);
  const observable = apollo.watchQuery({ query, variables: { size: SIZE } });
  const subscription = observable.subscribe(() => undefined);
  try {
    let result = await observable.refetch();
    let requests = 1;
    while (result.data![field]!.pageInfo.hasNextPage) {
      result = await observable.fetchMore({ variables: { after: result.data![field]!.pageInfo.endCursor } });
      requests += 1;
      if (requests > 20) throw new Error('walk did not end');
    }
    const merged = apollo.readQuery({ query, variables: { size: SIZE } })!;
    return { ids: merged[field]!.edges.map((edge) => edge.node.id), requests };
  } finally {
    subscription.unsubscribe();
    apollo.stop();
  }
}

async function walkPage(url: string, field: string): Promise<{ ids: number[]; requests: number }> {
  const apollo = client(url);
  const { query, more } = pageQueries[field]!;
  const observable = apollo.watchQuery({ query, variables: { size: SIZE } });
  const subscription = observable.subscribe(() => undefined);
  try {
    let result = await observable.refetch();
    let requests = 1;
    while (result.data![field]!.next !== null) {
      result = await observable.fetchMore({ variables: more(result.data![field]!.next!) });
      requests += 1;
      if (requests > 20) throw new Error('walk did not end');
    }
    const merged = apollo.readQuery({ query, variables: { size: SIZE } })!;
    return { ids: merged[field]!.results.map((row) => row.id), requests };
  } finally {
    subscription.unsubscribe();
    apollo.stop();
  }
}

async function post(
  url: string,
  query: string,
): Promise<{ data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

interface Served {
  readonly url: string;
  /** The statements the source ran: SQL captured by MikroORM's logger, or the array source's calls. */
  readonly statements: string[];
  stop(): Promise<void>;
}

/** The array source, logging its calls the way MikroORM logs SQL. */
function loggedArraySource(statements: string[]): PageSource<Article> {
  const source = arraySource(ROWS, { uniqueKey: 'id' });
  return {
    ...source,
    count: () => {
      statements.push('count(*)');
      return source.count();
    },
    slice: (offset, limit, ordering) => {
      statements.push(`slice ${offset} ${limit}`);
      return source.slice(offset, limit, ordering);
    },
    seek: (request) => {
      statements.push(`seek ${request.direction} ${request.limit}`);
      return source.seek(request);
    },
  };
}

async function serve(source: () => PageSource<Article>, statements: string[], db?: TestDatabase): Promise<Served> {
  const server = new ApolloServer({
    schema: articleSchema({ source }),
    formatError: formatPaginationError,
    includeStacktraceInErrorResponses: true,
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url,
    statements,
    stop: async () => {
      await server.stop();
      await db?.close();
    },
  };
}

const sources: [string, () => Promise<Served>][] = [
  [
    'array',
    () => {
      const statements: string[] = [];
      return serve(() => loggedArraySource(statements), statements);
    },
  ],
  ...DIALECTS.map(
    (dialect) =>
      [
        `MikroORM on ${dialect}`,
        async () => {
          const db = await openTestDatabase(dialect, { entities: [ArticleEntity] });
          const em = db.orm.em.fork() as SqlEntityManager;
          await em.insertMany(ArticleEntity, ROWS);
          db.queries.length = 0;
          return serve(() => mikroOrmSource(db.orm.em.fork() as SqlEntityManager, ArticleEntity), db.queries, db);
        },
      ] as [string, () => Promise<Served>],
  ),
];

const expectedIds = ROWS.map((row) => row.id);
const pages = Math.ceil(ROWS.length / SIZE);

describe.each(sources)('Apollo Server over the %s source', (_, start) => {
  let served: Served;
  beforeAll(async () => {
    served = await start();
  });
  afterAll(async () => served?.stop());

  it.each([
    ['cursorConnection', 'first'],
    ['pageNumberConnection', 'pageSize'],
    ['limitOffsetConnection', 'limit'],
  ])('Apollo Client pages %s with relayStylePagination and holds every row once, in order', async (field, sizeArg) => {
    expect(await walkConnection(served.url, field, sizeArg)).toEqual({ ids: expectedIds, requests: pages });
  });

  it.each(['cursorPage', 'pageNumberPage', 'limitOffsetPage'])(
    'Apollo Client pages %s with an offset-list policy and holds every row once, in order',
    async (field) => {
      expect(await walkPage(served.url, field)).toEqual({ ids: expectedIds, requests: pages });
    },
  );

  it.each([
    ['{ cursorConnection(first: -1) { totalCount } }', 'INVALID_ARGUMENT', 'first'],
    ['{ cursorConnection(before: "abc") { totalCount } }', 'INVALID_CURSOR', 'before'],
    ['{ pageNumberConnection(page: 99) { totalCount } }', 'INVALID_PAGE', 'page'],
    ['{ pageNumberPage(page: "first") { count } }', 'INVALID_PAGE', 'page'],
    ['{ limitOffsetPage(limit: 0) { count } }', 'INVALID_ARGUMENT', 'limit'],
    ['{ limitOffsetConnection(after: "bad") { totalCount } }', 'INVALID_CURSOR', 'after'],
  ])('%s is a coded error without a stack trace, and the server keeps serving', async (query, code, argument) => {
    const body = await post(served.url, query);
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', paginationCode: code, argumentName: argument },
    ]);
    expect(await post(served.url, '{ cursorConnection(first: 1) { nodes { id } } }')).toEqual({
      data: { cursorConnection: { nodes: [{ id: 1 }] } },
    });
  });

  // Every style takes Relay's four arguments, so relayStylePagination pages each one backward too.
  it.each(['cursorConnection', 'pageNumberConnection', 'limitOffsetConnection'])(
    'Apollo Client pages %s backward with last/before and holds every row once, in order',
    async (field) => {
      const apollo = client(served.url);
      const query: TypedDocumentNode<
        Record<string, ConnectionData & { pageInfo: { hasPreviousPage: boolean; startCursor: string | null } }>
      > = gql(`
        query ($last: Int, $before: String) {
          ${field}(last: $last, before: $before) {
            edges { cursor node { id title } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }`);
      const observable = apollo.watchQuery({ query, variables: { last: SIZE } });
      const subscription = observable.subscribe(() => undefined);
      try {
        let result = await observable.refetch();
        let requests = 1;
        while (result.data![field]!.pageInfo.hasPreviousPage && requests <= 20) {
          result = await observable.fetchMore({ variables: { before: result.data![field]!.pageInfo.startCursor } });
          requests += 1;
        }
        const merged = apollo.readQuery({ query, variables: { last: SIZE } })![field]!;
        expect({ ids: merged.edges.map((edge) => edge.node.id), requests }).toEqual({ ids: expectedIds, requests: pages });
      } finally {
        subscription.unsubscribe();
        apollo.stop();
      }
    },
  );

  it("an edge from edgeFor, spliced in with cache.modify, sits where the server's own edge would, and the walk goes on from it", async () => {
    const apollo = client(served.url);
    const query = connectionQuery('cursorConnection', 'first');
    const observable = apollo.watchQuery({ query, variables: { size: SIZE } });
    const subscription = observable.subscribe(() => undefined);
    try {
      await observable.refetch();
      // What a mutation returns for the row after the first page (as if just created there).
      const row = ROWS[SIZE]!;
      const edge = edgeFor(row, {
        pagination: paginations.cursor,
        source: arraySource(ROWS, { uniqueKey: 'id' }),
        cursorScope: 'Query.cursorConnection',
      });
      const node = apollo.cache.writeFragment({
        data: { __typename: 'Article', id: row.id, title: row.title },
        fragment: gql('fragment NewArticle on Article { id title }'),
      });
      apollo.cache.modify({
        fields: {
          cursorConnection(existing) {
            const connection = existing as unknown as { edges: unknown[]; pageInfo: Record<string, unknown> };
            return {
              ...connection,
              edges: [...connection.edges, { __typename: 'ArticleEdge', cursor: edge.cursor, node }],
              pageInfo: { ...connection.pageInfo, endCursor: edge.cursor },
            } as unknown as typeof existing;
          },
        },
      });
      let result = apollo.readQuery({ query, variables: { size: SIZE } })!;
      expect(result['cursorConnection']!.edges.map((entry) => entry.node.id)).toEqual(expectedIds.slice(0, SIZE + 1));
      let requests = 0;
      while (result['cursorConnection']!.pageInfo.hasNextPage && requests <= 20) {
        result = (await observable.fetchMore({ variables: { after: result['cursorConnection']!.pageInfo.endCursor } })).data!;
        result = apollo.readQuery({ query, variables: { size: SIZE } })!;
        requests += 1;
      }
      expect(result['cursorConnection']!.edges.map((entry) => entry.node.id)).toEqual(expectedIds);
    } finally {
      subscription.unsubscribe();
      apollo.stop();
    }
  });

  it('reports hasPreviousPage and hasNextPage exactly in both directions', async () => {
    type Flags = { data: { cursorConnection: { nodes: { id: number }[]; pageInfo: Record<string, string | boolean | null> } } };
    const page = async (args: string) =>
      (
        (await post(
          served.url,
          `{ cursorConnection(${args}) { nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }`,
        )) as Flags
      ).data.cursorConnection;
    const first = await page('first: 5');
    const middle = await page(`first: 5, after: "${first.pageInfo['endCursor']}"`);
    const back = await page(`last: 3, before: "${middle.pageInfo['startCursor']}"`);
    const end = await page(`last: 3`);
    const past = await page(`first: 3, after: "${end.pageInfo['endCursor']}"`);
    expect(
      [first, middle, back, end, past].map((result) => [
        result.nodes.map((row) => row.id),
        result.pageInfo['hasPreviousPage'],
        result.pageInfo['hasNextPage'],
      ]),
    ).toEqual([
      [[1, 2, 3, 4, 5], false, true],
      [[6, 7, 8, 9, 10], true, true],
      [[3, 4, 5], true, true],
      [[21, 22, 23], true, false],
      [[], true, false],
    ]);
    expect(past.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
  });

  it('a wrongly typed argument is a validation error', async () => {
    const body = await post(served.url, '{ cursorConnection(first: "two") { totalCount } }');
    expect(body.errors?.[0]?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('counts only when a count field is selected', async () => {
    const statements = served.statements;
    const counts = () => statements.filter((sql) => /\bcount\(/i.test(sql));
    for (const query of [
      '{ cursorConnection(first: 5) { edges { node { id } } pageInfo { hasNextPage } } }',
      '{ pageNumberPage(page: 2) { results { id } next previous } }',
      '{ limitOffsetConnection(limit: 5, offset: 5) { nodes { id } pageInfo { nextOffset } } }',
    ]) {
      statements.length = 0;
      expect((await post(served.url, query)).errors).toBeUndefined();
      expect(statements.length).toBeGreaterThan(0);
      expect(counts()).toEqual([]);
    }
    statements.length = 0;
    expect(await post(served.url, '{ cursorConnection(first: 5) { totalCount pageInfo { totalPages } } }')).toEqual({
      data: { cursorConnection: { totalCount: 23, pageInfo: { totalPages: 5 } } },
    });
    expect(counts()).toHaveLength(1);
  });
});
