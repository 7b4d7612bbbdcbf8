// One cursor in both adapters: page half-way through a list with GraphQL, continue over REST from
// endCursor, and go back to GraphQL from a REST cursor; every row seen exactly once.
import { graphql, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField } from 'pagewise/graphql';
import { nodeHandler } from 'pagewise/rest';
import { listenNode, type RunningServer } from './servers';

interface Article {
  readonly id: number;
  readonly title: string;
  readonly created: number;
}

// Runs of equal `created` values across page boundaries: only the exact keyset keeps every row once.
const articles: Article[] = Array.from({ length: 23 }, (_, index) => ({
  id: index + 1,
  title: `Article ${index + 1}`,
  created: Math.floor(index / 3),
}));
const expectedOrder = [...articles].sort((a, b) => b.created - a.created || b.id - a.id).map(({ id }) => id);
const pagination = cursorPagination({ pageSize: 4, ordering: '-created' });
const source = arraySource(articles, { uniqueKey: 'id' });

const ArticleType = new GraphQLObjectType({
  name: 'Article',
  fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: GraphQLString } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    // One scope name on the field and the endpoint: their cursors are shared on purpose (each is
    // scoped to itself by default).
    fields: {
      articles: connectionField<unknown, unknown, Article>({
        node: ArticleType,
        pagination,
        source: () => source,
        cursorScope: 'articles',
      }),
    },
  }),
});

interface GraphQLPage {
  readonly ids: number[];
  readonly startCursor: string | null;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

async function graphqlPage(args: { first?: number; after?: string; last?: number; before?: string }): Promise<GraphQLPage> {
  const result = await graphql({
    schema,
    source: `query ($first: Int, $after: String, $last: Int, $before: String) {
      articles(first: $first, after: $after, last: $last, before: $before) {
        nodes { id }
        pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
      }
    }`,
    variableValues: args,
  });
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
  const { nodes, pageInfo } = (result.data as { articles: { nodes: Array<{ id: number }>; pageInfo: Omit<GraphQLPage, 'ids'> } }).articles;
  return { ids: nodes.map(({ id }) => id), ...pageInfo };
}

interface RestPage {
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: Array<{ id: number }>;
}

let server: RunningServer;
beforeAll(async () => {
  const handler = nodeHandler({ pagination, source, serialize: ({ id, title }: Article) => ({ id, title }), cursorScope: 'articles' });
  server = await listenNode((req, res) => void handler(req, res));
});
afterAll(() => server.close());

async function restPage(query: string): Promise<RestPage> {
  const response = await fetch(`${server.base}/articles/${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RestPage;
}

const cursorOf = (link: string | null): string => new URL(link!).searchParams.get('cursor')!;

describe('one cursor for GraphQL and REST', () => {
  it('pages with GraphQL, then REST from endCursor, then GraphQL from a REST cursor, every row once', async () => {
    const seen: number[] = [];

    // Half-way with GraphQL: three pages of four.
    let page = await graphqlPage({ first: 4 });
    seen.push(...page.ids);
    for (let i = 0; i < 2; i += 1) {
      page = await graphqlPage({ first: 4, after: page.endCursor! });
      seen.push(...page.ids);
    }
    expect(seen).toHaveLength(12);

    // On over REST, from the GraphQL endCursor, following `next` twice.
    let rest = await restPage(`?cursor=${encodeURIComponent(page.endCursor!)}`);
    seen.push(...rest.results.map(({ id }) => id));
    rest = await restPage(new URL(rest.next!).search);
    seen.push(...rest.results.map(({ id }) => id));

    // Back to GraphQL with the REST next link's cursor, to the end.
    let after = cursorOf(rest.next);
    for (;;) {
      page = await graphqlPage({ first: 4, after });
      seen.push(...page.ids);
      if (!page.hasNextPage) break;
      after = page.endCursor!;
    }

    expect(seen).toEqual(expectedOrder);
  });

  it('walks back: REST previous cursors into GraphQL before, and GraphQL cursors into REST', async () => {
    const seen: number[][] = [];
    // The last page over REST: follow next links to the end.
    let rest = await restPage('');
    while (rest.next) rest = await restPage(new URL(rest.next).search);
    seen.unshift(rest.results.map(({ id }) => id));

    // Back with GraphQL from the REST previous cursor, then from its own start cursors.
    let page = await graphqlPage({ last: 4, before: cursorOf(rest.previous) });
    seen.unshift(page.ids);
    page = await graphqlPage({ last: 4, before: page.startCursor! });
    seen.unshift(page.ids);

    // Over REST from that GraphQL page: the REST page at its start cursor is the rows after its first
    // row (the cursor names the row), and REST's previous links walk back from there to the start.
    rest = await restPage(`?cursor=${encodeURIComponent(page.startCursor!)}`);
    expect(rest.results.map(({ id }) => id)).toEqual((await graphqlPage({ first: 4, after: page.startCursor! })).ids);
    rest = await restPage(new URL(rest.previous!).search);
    const ending = rest.results.map(({ id }) => id);
    expect(ending[ending.length - 1]).toBe(page.ids[0]);
    seen.unshift(ending.slice(0, -1));
    while (rest.previous) {
      rest = await restPage(new URL(rest.previous).search);
      seen.unshift(rest.results.map(({ id }) => id));
    }

    expect(seen.flat()).toEqual(expectedOrder);
  });

  it.each([
    ['the first page', ''],
    ['a middle page', 'middle'],
  ])('REST next and previous of %s continue as the GraphQL endCursor and startCursor do', async (_case, where) => {
    let after: string | undefined;
    if (where === 'middle') after = (await graphqlPage({ first: 4 })).endCursor!;
    const viaGraphQL = await graphqlPage(after === undefined ? { first: 4 } : { first: 4, after });
    const viaRest = await restPage(after === undefined ? '' : `?cursor=${encodeURIComponent(after)}`);
    expect(viaRest.results.map(({ id }) => id)).toEqual(viaGraphQL.ids);
    expect(cursorOf(viaRest.next)).toBe(viaGraphQL.endCursor);
    expect(viaRest.previous !== null).toBe(viaGraphQL.hasPreviousPage);
    if (viaRest.previous !== null) {
      // DRF's previous link and Relay's first edge name the same page before.
      const back = await graphqlPage({ last: 4, before: cursorOf(viaRest.previous) });
      expect(back.ids).toEqual((await graphqlPage({ last: 4, before: viaGraphQL.startCursor! })).ids);
    }
  });

  it('a cursor of another scope is INVALID_CURSOR: the endpoint scopes to its path by default', async () => {
    const scoped = nodeHandler({ pagination, source, serialize: ({ id }: Article) => ({ id }) });
    const other = await listenNode((req, res) => void scoped(req, res));
    try {
      const first = await graphqlPage({ first: 4 });
      const response = await fetch(`${other.base}/articles/?cursor=${encodeURIComponent(first.endCursor!)}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: 'Invalid cursor' });
    } finally {
      await other.close();
    }
  });
});
