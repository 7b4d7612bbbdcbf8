// A schema-first Apollo Server 5 built from tests/sdl/demo.graphql with @paginate, on an ephemeral port,
// serving all three styles in both shapes: once with resolvers that return arrays and a PageSource,
// once per database with resolvers that return MikroORM QueryBuilders, turned into sources by the
// directive's `toSource` hook with pagewise/mikro-orm's factory (tests may wire both).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { IResolvers } from '@graphql-tools/utils';
import { EntitySchema } from '@mikro-orm/core';
import { QueryBuilder, type SqlEntityManager } from '@mikro-orm/knex';
import type { GraphQLSchema } from 'graphql';
import { formatPaginationError } from 'pagewise/graphql';
import { queryBuilderSource } from 'pagewise/mikro-orm';
import { demoData, type ArticleRow, type AuthorRow, type CommentRow, type DemoContext } from '../../sdl/demo-data';
import { demoResolvers } from '../../sdl/demo-resolvers';
import { buildDemoSchema } from '../../sdl/demo-schema';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../support/databases';

const Author = new EntitySchema<AuthorRow>({
  name: 'SdlAuthor',
  tableName: 'sdl_author',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    name: { type: 'string', length: 64 },
    createdAt: { type: 'string', length: 32 },
  },
});
const Article = new EntitySchema<ArticleRow>({
  name: 'SdlArticle',
  tableName: 'sdl_article',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string', length: 64 },
    body: { type: 'string', length: 128 },
    createdAt: { type: 'string', length: 32 },
    authorId: { type: 'integer' },
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});
const Comment = new EntitySchema<CommentRow>({
  name: 'SdlComment',
  tableName: 'sdl_comment',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    body: { type: 'string', length: 128 },
    createdAt: { type: 'string', length: 32 },
    authorId: { type: 'integer' },
    articleId: { type: 'integer' },
  },
});

interface OrmContext {
  readonly em: SqlEntityManager;
}
type Filter = { authorId?: string | null; titleContains?: string | null } | null | undefined;

const articlesWhere = (filter: Filter) => ({
  ...(filter?.authorId != null && { authorId: Number(filter.authorId) }),
  ...(filter?.titleContains != null && { title: { $like: `%${filter.titleContains}%` } }),
});

/** Resolvers that return QueryBuilders for the lists: the SQL runs only when the directive pages it. */
const ormResolvers: IResolvers<unknown, OrmContext> = {
  Query: {
    authors: (_parent, _args, { em }) => em.createQueryBuilder(Author),
    authorPages: (_parent, _args, { em }) => em.createQueryBuilder(Author),
    author: (_parent, { id }: { id: string }, { em }) => em.findOne(Author, { id: Number(id) }),
    articles: (_parent, { filter }: { filter: Filter }, { em }) => em.createQueryBuilder(Article).where(articlesWhere(filter)),
    articleList: (_parent, { filter }: { filter: Filter }, { em }) => em.createQueryBuilder(Article).where(articlesWhere(filter)),
    articleWindow: (_parent, { filter }: { filter: Filter }, { em }) => em.createQueryBuilder(Article).where(articlesWhere(filter)),
    comments: (_parent, _args, { em }) => em.createQueryBuilder(Comment),
  },
  Author: {
    articles: (author: AuthorRow, _args, { em }) => em.createQueryBuilder(Article).where({ authorId: author.id }),
  },
  Article: {
    author: (article: ArticleRow, _args, { em }) => em.findOneOrFail(Author, { id: article.authorId }),
    comments: (article: ArticleRow, _args, { em }) => em.createQueryBuilder(Comment).where({ articleId: article.id }),
  },
  Comment: {
    author: (comment: CommentRow, _args, { em }) => em.findOneOrFail(Author, { id: comment.authorId }),
    article: (comment: CommentRow, _args, { em }) => em.findOneOrFail(Article, { id: comment.articleId }),
  },
};

interface Served {
  readonly url: string;
  stop(): Promise<void>;
}

async function serve<C extends object>(schema: GraphQLSchema, context: () => Promise<C>, db?: TestDatabase): Promise<Served> {
  const server = new ApolloServer<C>({ schema, formatError: formatPaginationError, includeStacktraceInErrorResponses: true });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context });
  return {
    url,
    stop: async () => {
      await server.stop();
      await db?.close();
    },
  };
}

const servers: [string, () => Promise<Served>][] = [
  ['arrays and a PageSource', () => serve<DemoContext>(buildDemoSchema(demoResolvers as IResolvers), async () => demoData())],
  ...DIALECTS.map(
    (dialect) =>
      [
        `MikroORM QueryBuilders on ${dialect}`,
        async () => {
          const db = await openTestDatabase(dialect, { entities: [Author, Article, Comment], captureSql: false });
          const { authors, articles, comments } = demoData();
          const em = db.orm.em.fork() as SqlEntityManager;
          await em.insertMany(Author, [...authors]);
          await em.insertMany(Article, [...articles]);
          await em.insertMany(Comment, [...comments]);
          const schema = buildDemoSchema(ormResolvers, {
            toSource: (value) => (value instanceof QueryBuilder ? queryBuilderSource(value) : undefined),
          });
          return serve<OrmContext>(schema, async () => ({ em: db.orm.em.fork() as SqlEntityManager }), db);
        },
      ] as [string, () => Promise<Served>],
  ),
];

interface Body {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Body> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Body;
}

type Ids = { id: string }[];

describe.each(servers)('a schema-first Apollo Server with @paginate over %s', (_name, start) => {
  let served: Served;
  beforeAll(async () => {
    served = await start();
  });
  afterAll(async () => served?.stop());

  it('serves a page-number connection', async () => {
    const query =
      '{ authors(page: 2, pageSize: 2) { nodes { name } pageInfo { page pageSize totalPages nextPage previousPage hasNextPage hasPreviousPage } totalCount } }';
    expect(await post(served.url, query)).toEqual({
      data: {
        authors: {
          nodes: [{ name: 'Chen' }, { name: 'Dana' }],
          pageInfo: { page: 2, pageSize: 2, totalPages: 2, nextPage: null, previousPage: 1, hasNextPage: false, hasPreviousPage: true },
          totalCount: 4,
        },
      },
    });
  });

  it('serves a page-number offset list, last page included', async () => {
    expect(await post(served.url, '{ authorPages(page: "last", pageSize: 3) { results { name } count next previous } }')).toEqual({
      data: { authorPages: { results: [{ name: 'Dana' }], count: 4, next: null, previous: '1' } },
    });
  });

  it('serves a cursor connection forward over tied createdAt values, every article once', async () => {
    const pages: number[][] = [];
    let after: string | null = null;
    do {
      const body = await post(
        served.url,
        'query($after: String) { articles(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        {
          after,
        },
      );
      const page = body.data!['articles'] as { nodes: Ids; pageInfo: { hasNextPage: boolean; endCursor: string } };
      pages.push(page.nodes.map((node) => Number(node.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual([
      [12, 11, 10, 9, 8],
      [7, 6, 5, 4, 3],
      [2, 1],
    ]);
  });

  it('serves a cursor connection backward with last and before', async () => {
    const pages: number[][] = [];
    let before: string | null = null;
    do {
      const body = await post(
        served.url,
        'query($before: String) { articles(last: 5, before: $before) { nodes { id } pageInfo { hasPreviousPage startCursor } } }',
        { before },
      );
      const page = body.data!['articles'] as { nodes: Ids; pageInfo: { hasPreviousPage: boolean; startCursor: string } };
      pages.push(page.nodes.map((node) => Number(node.id)));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect(pages).toEqual([
      [5, 4, 3, 2, 1],
      [10, 9, 8, 7, 6],
      [12, 11],
    ]);
  });

  it('serves a cursor offset list whose next is the cursor to pass as after', async () => {
    const pages: number[][] = [];
    const previous: (string | null)[] = [];
    let after: string | null = null;
    do {
      const body = await post(
        served.url,
        'query($after: String) { articleList(first: 4, after: $after) { results { id } next previous } }',
        { after },
      );
      const page = body.data!['articleList'] as { results: Ids; next: string | null; previous: string | null };
      pages.push(page.results.map((row) => Number(row.id)));
      previous.push(page.previous);
      after = page.next;
    } while (after);
    expect({ pages, hasPrevious: previous.map((value) => value !== null) }).toEqual({
      pages: [
        [12, 11, 10, 9],
        [8, 7, 6, 5],
        [4, 3, 2, 1],
      ],
      hasPrevious: [false, true, true],
    });
  });

  it('serves a limit-offset connection, its edge cursors continuing with after', async () => {
    const query =
      '{ articleWindow(limit: 3, offset: 3) { edges { cursor node { id } } pageInfo { offset limit nextOffset previousOffset } totalCount } }';
    const body = await post(served.url, query);
    const window = body.data!['articleWindow'] as {
      edges: { cursor: string; node: { id: string } }[];
      pageInfo: unknown;
      totalCount: number;
    };
    expect({ ids: window.edges.map((edge) => edge.node.id), pageInfo: window.pageInfo, totalCount: window.totalCount }).toEqual({
      ids: ['9', '8', '7'],
      pageInfo: { offset: 3, limit: 3, nextOffset: 6, previousOffset: 0 },
      totalCount: 12,
    });
    const next = await post(served.url, 'query($after: String) { articleWindow(limit: 3, after: $after) { nodes { id } } }', {
      after: window.edges[2]!.cursor,
    });
    expect(next).toEqual({ data: { articleWindow: { nodes: [{ id: '6' }, { id: '5' }, { id: '4' }] } } });
  });

  it('serves a limit-offset offset list nested under each article', async () => {
    const query =
      '{ articleWindow(offset: 9, limit: 2) { nodes { id comments(limit: 2, offset: 1) { results { id } count next previous } } } }';
    expect(await post(served.url, query)).toEqual({
      data: {
        articleWindow: {
          nodes: [
            { id: '3', comments: { results: [{ id: '6' }, { id: '9' }], count: 3, next: null, previous: '0' } },
            { id: '2', comments: { results: [{ id: '5' }, { id: '8' }], count: 3, next: null, previous: '0' } },
          ],
        },
      },
    });
  });

  it('passes the field’s own arguments to its resolver and pages what it returns', async () => {
    const query = '{ articles(filter: { titleContains: "1" }) { nodes { title author { name } } totalCount } }';
    expect(await post(served.url, query)).toEqual({
      data: {
        articles: {
          nodes: [
            { title: 'Article 12', author: { name: 'Bea' } },
            { title: 'Article 11', author: { name: 'Chen' } },
            { title: 'Article 10', author: { name: 'Ali' } },
            { title: 'Article 1', author: { name: 'Dana' } },
          ],
          totalCount: 4,
        },
      },
    });
  });

  it.each([
    ['{ articles(after: "abc") { totalCount } }', 'INVALID_CURSOR', 'after'],
    ['{ authors(page: 9) { totalCount } }', 'INVALID_PAGE', 'page'],
    ['{ articleWindow(offset: -1) { totalCount } }', 'INVALID_ARGUMENT', 'offset'],
  ])('answers %s with a coded error and no stack trace', async (query, code, argument) => {
    const body = await post(served.url, query);
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', paginationCode: code, argumentName: argument },
    ]);
  });
});

describe('a QueryBuilder returned by a @paginate resolver', () => {
  let db: TestDatabase;
  let served: Served;
  beforeAll(async () => {
    db = await openTestDatabase('sqlite', { entities: [Author, Article, Comment] });
    await (db.orm.em.fork() as SqlEntityManager).insertMany(Article, [...demoData().articles]);
    const schema = buildDemoSchema(ormResolvers, {
      toSource: (value) => (value instanceof QueryBuilder ? queryBuilderSource(value) : undefined),
    });
    served = await serve<OrmContext>(schema, async () => ({ em: db.orm.em.fork() as SqlEntityManager }), db);
  });
  afterAll(async () => served?.stop());

  it('runs as one keyset statement with the filter, not loaded whole, and no count unless one is selected', async () => {
    const first = await post(served.url, '{ articles(first: 2) { pageInfo { endCursor } } }');
    const { endCursor } = (first.data!['articles'] as { pageInfo: { endCursor: string } }).pageInfo;
    db.queries.length = 0;
    await post(served.url, 'query($after: String) { articles(first: 2, after: $after, filter: { authorId: "2" }) { nodes { id } } }', {
      after: endCursor,
    });
    // eslint-disable-next-line no-control-regex
    const statements = db.queries.map((line) => line.replace(/\u001b\[\d+m/g, '')).filter((line) => /select/i.test(line));
    // The page starts at the cursor's own row (`<=`, for hasPreviousPage); that row is another
    // author's, so whether one of author 2 lies behind the cursor is asked apart (`select 1 … limit 1`).
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(
      /where `s0`\.`author_id` = \? and .*`s0`\.`created_at`.* <= \(?\?.* order by `s0`\.`created_at` desc, `s0`\.`id` desc limit \? .*3 results/,
    );
    expect(statements[1]).toMatch(/select 1 from `sdl_article` as `s0` where `s0`\.`author_id` = \? and .* limit \?/);
    expect(statements[0]).not.toMatch(/count\(/i);
  });
});
