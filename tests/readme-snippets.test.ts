// The README's snippets (examples/readme/, kept equal to the README by tests/readme.test.ts) run as
// shown: each is loaded and asked for a page, the MikroORM, Kysely and Drizzle ones over an in-memory SQLite database.
import { MikroORM } from '@mikro-orm/sqlite';
import { graphql, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, type GraphQLSchema as Schema } from 'graphql';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { pageNumberPagination, paginatePageNumber } from 'pagewise';
import { restResponse } from 'pagewise/rest';
import type { Database as KyselyDatabase } from '../examples/readme/kysely';
import { ArticleEntity, AuthorEntity } from '../examples/readme/entities';

// The snippets sign cursors with CURSOR_SECRET, read when they load.
process.env.CURSOR_SECRET = 'a test secret of at least sixteen bytes';

async function run(schema: Schema, source: string, contextValue: object = {}): Promise<unknown> {
  return JSON.parse(JSON.stringify(await graphql({ schema, source, contextValue })));
}

describe('README snippets', () => {
  it('core: a DRF cursor page, then a Relay connection', async () => {
    const { pages } = await import('../examples/readme/core');
    const { page, connection } = await pages({ page_size: '1' });
    expect(page?.items.map((row) => row.id)).toEqual([1]);
    // -created, then title: rows 2 and 3 share created, "Again" sorts first.
    expect(connection.items.map((row) => row.id)).toEqual([3, 2]);
    expect([page?.hasNext, connection.hasPrevious, connection.hasNext]).toEqual([true, true, false]);
  });

  it('type-graphql: the classes build a schema that pages', async () => {
    const { schema } = await import('../examples/readme/type-graphql');
    expect(await run(await schema, '{ articles(first: 1) { nodes { title } } articlePages(page: 1) { count results { id } } }')).toEqual({
      data: { articles: { nodes: [{ title: 'Hello' }] }, articlePages: { count: 1, results: [{ id: '1' }] } },
    });
  });

  it('sdl: @paginate turns the list into a connection', async () => {
    const { schema } = await import('../examples/readme/sdl');
    expect(await run(schema, '{ articles(first: 1) { nodes { title } pageInfo { hasNextPage } } }')).toEqual({
      data: { articles: { nodes: [{ title: 'Hello' }], pageInfo: { hasNextPage: false } } },
    });
  });

  it("rest: DRF's body with the serializer's fields", async () => {
    const { response } = await import('../examples/readme/rest');
    const { status, body } = await response;
    expect({ status, body: JSON.parse(body) as unknown }).toEqual({
      status: 200,
      body: { count: 1, next: null, previous: null, results: [{ id: 1, title: 'Hello' }] },
    });
  });

  it('rest shapes: each options object answers its shape', async () => {
    const { commons, rails, lenient, custom } = await import('../examples/readme/rest-shapes');
    const request = (url: string) => ({ url, headers: { host: 'example.org' } });
    const bodyOf = async (url: string, options: typeof commons) =>
      JSON.parse((await restResponse(request(url), options)).body) as Record<string, unknown>;
    expect(await bodyOf('/articles/', commons)).toMatchObject({
      success: true,
      message: '',
      count: 1,
      data: [{ id: 1, title: 'Hello', index: 1 }],
    });
    expect(await bodyOf('/api/movies?page=3', rails)).toEqual({
      count: 1,
      page: 3,
      page_size: 30,
      total_pages: 1,
      previous: 'http://example.org/api/movies?page=2',
      results: [],
    });
    expect(await bodyOf('/users/?page=9999', lenient)).toEqual({
      count: 1,
      next: null,
      previous: null,
      results: [{ id: 1, title: 'Hello' }],
    });
    expect(await bodyOf('/examples/', custom)).toEqual({
      links: { next: null, previous: null },
      count: 1,
      results: [{ id: 1, title: 'Hello' }],
    });
  });

  it('drizzle: a Relay page of the published articles over SQLite', async () => {
    const { db, articles, firstArticles } = await import('../examples/readme/drizzle');
    db.$client.exec(
      'create table article (id integer primary key, title text not null, created integer not null, published integer not null)',
    );
    await db.insert(articles).values(
      ['one', 'two', 'three', 'four'].map((title, index) => ({
        id: index + 1,
        title,
        created: new Date(Date.UTC(2026, 0, 1 + index)),
        published: index !== 3,
      })),
    );
    const page = await firstArticles();
    expect([page.items.map((row) => row.title), page.hasNext]).toEqual([['three', 'two'], true]);
  });

  it('kysely: a page of published articles from kyselySource over SQLite', async () => {
    const { articleSource } = await import('../examples/readme/kysely');
    const sqlite = new Database(':memory:');
    sqlite.exec('create table article (id integer primary key, title text not null, created text not null, status text not null)');
    const insert = sqlite.prepare('insert into article values (?, ?, ?, ?)');
    ['one', 'two', 'three'].forEach((title, index) =>
      insert.run(index + 1, title, new Date(Date.UTC(2026, 0, 1 + index)).toISOString(), 'published'),
    );
    insert.run(4, 'draft', new Date(Date.UTC(2026, 0, 9)).toISOString(), 'draft');
    const db = new Kysely<KyselyDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const source = articleSource(db, { ordering: 'title' });
      const page = await paginatePageNumber(source, pageNumberPagination({ pageSize: 2 }), {}, { withCount: true });
      expect([page?.items.map((row) => row.title), await page?.count()]).toEqual([['one', 'three'], 3]);
    } finally {
      await db.destroy();
    }
  });

  describe('over MikroORM', () => {
    let orm: MikroORM;

    beforeAll(async () => {
      orm = await MikroORM.init({ dbName: ':memory:', entities: [ArticleEntity, AuthorEntity], allowGlobalContext: true });
      await orm.schema.createSchema();
      const em = orm.em.fork();
      const authors = ['Ada', 'Brian'].map((name) => em.create(AuthorEntity, { name }));
      ['one', 'two', 'three', 'four'].forEach((title, index) =>
        em.create(ArticleEntity, { title, created: new Date(Date.UTC(2026, 0, 1 + index)), published: true, author: authors[index % 2]! }),
      );
      await em.flush();
    });

    afterAll(() => orm.close());

    it('graphql: a connection and an offset list from mikroOrmSource', async () => {
      const { schema } = await import('../examples/readme/graphql');
      const result = await run(schema, '{ articles(first: 2) { nodes { title } } articlePages(page: 1) { count results { title } } }', {
        em: orm.em.fork(),
      });
      expect(result).toEqual({
        data: {
          articles: { nodes: [{ title: 'four' }, { title: 'three' }] },
          articlePages: { count: 4, results: [{ title: 'one' }, { title: 'two' }, { title: 'three' }, { title: 'four' }] },
        },
      });
    });

    it('nested batching: every author pages its own articles', async () => {
      const { AuthorType } = await import('../examples/readme/nested-batching');
      const schema = new GraphQLSchema({
        query: new GraphQLObjectType<unknown, { em: typeof orm.em }>({
          name: 'Query',
          fields: {
            authors: {
              type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(AuthorType))),
              resolve: (_, __, { em }) => em.find(AuthorEntity, {}),
            },
          },
        }),
      });
      expect(
        await run(schema, '{ authors { name articles(first: 1) { nodes { title } pageInfo { hasNextPage } } } }', { em: orm.em.fork() }),
      ).toEqual({
        data: {
          authors: [
            { name: 'Ada', articles: { nodes: [{ title: 'three' }], pageInfo: { hasNextPage: true } } },
            { name: 'Brian', articles: { nodes: [{ title: 'four' }], pageInfo: { hasNextPage: true } } },
          ],
        },
      });
    });

    // Last: it adds an article.
    it("mutation: edgeFor's edge carries the cursor Query.articles issues for the new row", async () => {
      const { schema } = await import('../examples/readme/mutation');
      const added = await run(schema, 'mutation { addArticle(title: "five", author: "1") { cursor node { title } } }', {
        em: orm.em.fork(),
      });
      const listed = await run(schema, '{ articles(first: 1) { edges { cursor node { title } } } }', { em: orm.em.fork() });
      const edge = (added as { data: { addArticle: { cursor: string; node: { title: string } } } }).data.addArticle;
      expect(edge.node).toEqual({ title: 'five' });
      expect(listed).toEqual({ data: { articles: { edges: [edge] } } });
    });
  });
});
