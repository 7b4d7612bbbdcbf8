// bench/nested: `authors(first: 100) { articles(first: 10) { ... } }` through GraphQL over MikroORM,
// batched (one statement per level) against the naive per-parent field (one statement per author),
// with and without the articles' counts, one level deeper (`comments(first: 5)` on each of the
// 1,000 articles: 3 statements against 1,101), and authors with 1,000 posts each (where a
// ROW_NUMBER window reads every post). Each dialect's default strategy (per-parent index seeks:
// LATERAL on PostgreSQL, a json_each join on SQLite, UNION ALL on MariaDB) on every shape, the other
// strategies on two shapes. SQLite in memory, and PostgreSQL and MariaDB when they answer.
// Target: batched at least 5× faster (ratio <= 0.2).
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { execute, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode } from 'graphql';
import { cursorPagination } from 'pagewise';
import { batchedConnectionField, connectionField } from 'pagewise/graphql';
import { connectTimeouts, mikroOrmBatchSource, mikroOrmSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { ratioOf, type BenchResult } from './measure';

const AUTHORS = 100;
const ARTICLES_PER_AUTHOR = 50;
const COMMENTS_PER_ARTICLE = 8;
const POSTS_PER_AUTHOR = 1000;

interface Author {
  id: number;
  name: string;
}
interface Article {
  id: number;
  author: Author;
  title: string;
  created: Date;
}
interface Comment {
  id: number;
  article: Article;
  body: string;
  created: Date;
}

const AuthorEntity = new EntitySchema<Author>({
  name: 'BenchAuthor',
  tableName: 'bench_author',
  properties: { id: { type: 'integer', primary: true, autoincrement: false }, name: { type: 'string' } },
});
const ArticleEntity = new EntitySchema<Article>({
  name: 'BenchArticle',
  tableName: 'bench_article',
  indexes: [{ properties: ['author', 'created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    author: { kind: 'm:1', entity: () => AuthorEntity },
    title: { type: 'string' },
    created: { type: 'datetime' },
  },
});

const CommentEntity = new EntitySchema<Comment>({
  name: 'BenchComment',
  tableName: 'bench_comment',
  indexes: [{ properties: ['article', 'created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    article: { kind: 'm:1', entity: () => ArticleEntity },
    body: { type: 'string' },
    created: { type: 'datetime' },
  },
});

/** Posts: like articles, but 1,000 an author. */
const PostEntity = new EntitySchema<Article>({
  name: 'BenchPost',
  tableName: 'bench_post',
  indexes: [{ properties: ['author', 'created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    author: { kind: 'm:1', entity: () => AuthorEntity },
    title: { type: 'string' },
    created: { type: 'datetime' },
  },
});

interface Context {
  readonly em: SqlEntityManager;
}

function schemaOf(mode: 'naive' | BatchStrategy): GraphQLSchema {
  const pagination = cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: ['-created'] });
  const CommentType = new GraphQLObjectType<Comment, Context>({
    name: 'Comment',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, body: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const comments =
    mode === 'naive'
      ? connectionField<Article, Context, Comment>({
          node: CommentType,
          pagination,
          source: (article, _args, context) => mikroOrmSource(context.em, CommentEntity, { where: { article: article.id } }),
        })
      : batchedConnectionField<Article, Context, number, Comment>({
          node: CommentType,
          pagination,
          key: (article) => article.id,
          batchSource: (context) => mikroOrmBatchSource(context.em, CommentEntity, { key: 'article', strategy: mode }),
        });
  const ArticleType = new GraphQLObjectType<Article, Context>({
    name: 'Article',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) }, comments },
  });
  const articles =
    mode === 'naive'
      ? connectionField<Author, Context, Article>({
          node: ArticleType,
          pagination,
          source: (author, _args, context) => mikroOrmSource(context.em, ArticleEntity, { where: { author: author.id } }),
        })
      : batchedConnectionField<Author, Context, number, Article>({
          node: ArticleType,
          pagination,
          key: (author) => author.id,
          batchSource: (context) => mikroOrmBatchSource(context.em, ArticleEntity, { key: 'author', strategy: mode }),
        });
  const PostType = new GraphQLObjectType<Article, Context>({
    name: 'Post',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const posts =
    mode === 'naive'
      ? connectionField<Author, Context, Article>({
          node: PostType,
          pagination,
          source: (author, _args, context) => mikroOrmSource(context.em, PostEntity, { where: { author: author.id } }),
        })
      : batchedConnectionField<Author, Context, number, Article>({
          node: PostType,
          pagination,
          key: (author) => author.id,
          batchSource: (context) => mikroOrmBatchSource(context.em, PostEntity, { key: 'author', strategy: mode }),
        });
  const AuthorType = new GraphQLObjectType<Author, Context>({
    name: 'Author',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, name: { type: new GraphQLNonNull(GraphQLString) }, articles, posts },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        authors: connectionField<unknown, Context, Author>({
          node: AuthorType,
          pagination: cursorPagination({ pageSize: 100, maxPageSize: 100, ordering: 'id' }),
          source: (_root, _args, context) => mikroOrmSource(context.em, AuthorEntity),
        }),
      },
    }),
  });
}

/** The query of a measure: two levels, with the articles' counts or not, three levels, or many posts. */
type Shape = 'two levels' | 'two levels + totalCount' | 'three levels' | '1,000 posts an author';
const SHAPES: readonly Shape[] = ['two levels', '1,000 posts an author', 'two levels + totalCount', 'three levels'];

const queryOf = (shape: Shape): DocumentNode => {
  if (shape === '1,000 posts an author') {
    return parse(
      `{ authors(first: ${AUTHORS}) { edges { node { name posts(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } } } } }`,
    );
  }
  const comments = shape === 'three levels' ? ' comments(first: 5) { edges { cursor node { id body } } }' : '';
  const count = shape === 'two levels + totalCount' ? 'totalCount ' : '';
  return parse(
    `{ authors(first: ${AUTHORS}) { edges { node { name articles(first: 10) { ${count}edges { cursor node { id title${comments} } } pageInfo { hasNextPage endCursor } } } } } }`,
  );
};

async function seed(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  let id = 1;
  for (let author = 1; author <= AUTHORS; author += 1) {
    em.create(AuthorEntity, { id: author, name: `author ${author}` });
    for (let n = 0; n < ARTICLES_PER_AUTHOR; n += 1, id += 1) {
      em.create(ArticleEntity, { id, author, title: `article ${id}`, created: new Date(Date.UTC(2024, 0, 1, 0, n)) });
      for (let c = 0; c < COMMENTS_PER_ARTICLE; c += 1) {
        const comment = id * COMMENTS_PER_ARTICLE + c;
        em.create(CommentEntity, { id: comment, article: id, body: `comment ${comment}`, created: new Date(Date.UTC(2024, 0, 2, 0, c)) });
      }
    }
    if (author % 10 === 0) {
      await em.flush();
      em.clear();
    }
  }
  await em.flush();
  const connection = orm.em.getConnection();
  // Posts straight through knex, 200 rows a statement: 100,000 entities would be slow to flush.
  const knex = (orm.em as SqlEntityManager).getKnex();
  const schema = orm.config.get('driver') === PostgreSqlDriver ? orm.config.get('schema') : undefined;
  for (let author = 1; author <= AUTHORS; author += 1) {
    const rows = Array.from({ length: POSTS_PER_AUTHOR }, (_, n) => ({
      id: author * POSTS_PER_AUTHOR + n,
      author_id: author,
      title: `post ${n}`,
      created: orm.em.getPlatform().processDateProperty(new Date(Date.UTC(2024, 0, 1, 0, n))),
    }));
    for (let start = 0; start < rows.length; start += 200) {
      const table = schema ? knex('bench_post').withSchema(schema) : knex('bench_post');
      await connection.execute(table.insert(rows.slice(start, start + 200)) as never);
    }
  }
  for (const table of ['bench_article', 'bench_comment', 'bench_post']) {
    if (orm.config.get('driver') === PostgreSqlDriver)
      await connection.execute(`analyze ${connection.getPlatform().quoteIdentifier(`${orm.config.get('schema')}.${table}`)}`);
    if (orm.config.get('driver') === MariaDbDriver) await connection.execute(`analyze table ${table}`);
  }
}

/** How long each chunk waits in each direction on the simulated link (timers round up to 1 ms). */
const LINK_DELAY_MS = 1;

/**
 * A TCP relay on loopback that holds every chunk `delayMs` before passing it on, each way: the
 * database as a service on another host sees it (same order, added latency, no bandwidth limit).
 */
async function delayLink(targetPort: number, delayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    // No Nagle: coalescing small writes against delayed ACKs would add ~40 ms stalls a link has not.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The median time of `select 1` on `orm`, in ms. */
async function roundTrip(orm: MikroORM): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 21; i += 1) {
    const start = performance.now();
    await orm.em.getConnection().execute('select 1');
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[10]!;
}

const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.setTimeout(2000);
    socket.on('connect', () => (socket.end(), resolve(true)));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
  });

async function measure(
  dialect: string,
  orm: MikroORM,
  modes: readonly BatchStrategy[],
  shapes: readonly Shape[] = SHAPES,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const run = (schema: GraphQLSchema, document: DocumentNode) => async () => {
    const result = await execute({ schema, document, contextValue: { em: orm.em.fork() as SqlEntityManager } });
    if (result.errors) throw new Error(String(result.errors[0]));
  };
  const naive = schemaOf('naive');
  for (const [index, mode] of modes.entries()) {
    // The dialect's default strategy (listed first) on every shape; the others on the first two.
    for (const shape of index === 0 ? shapes : shapes.slice(0, 2)) {
      const document = queryOf(shape);
      const deep = shape === 'three levels';
      const slow = mode === 'window' && shape === '1,000 posts an author';
      const outcome = await ratioOf(
        run(schemaOf(mode), document),
        run(naive, document),
        deep || slow ? { rounds: 10, warmup: 3 } : { rounds: 30, warmup: 10 },
      );
      const statements = deep ? '3 vs 1,101 statements' : shape.endsWith('totalCount') ? '3 vs 201 statements' : '2 vs 101 statements';
      results.push({
        bench: 'nested',
        measure: `${dialect}, ${shape} (${statements}): batched (${mode}${index === 0 ? ', default' : ''}) / per-parent`,
        ratio: outcome.ratio,
        target: 0.2,
        detail: `batched ${outcome.subjectMs.toFixed(1)} ms / per-parent ${outcome.baselineMs.toFixed(1)} ms (${(1 / outcome.ratio).toFixed(1)}× faster)`,
      });
    }
  }
  return results;
}

/** Seeds `orm` and measures it, then drops what it made. */
async function onDatabase(
  dialect: string,
  open: () => Promise<MikroORM>,
  modes: readonly BatchStrategy[],
  drop: (orm: MikroORM) => Promise<void>,
  also: (orm: MikroORM) => Promise<BenchResult[]> = () => Promise.resolve([]),
): Promise<BenchResult[]> {
  const orm = await open();
  try {
    await seed(orm);
    return [...(await measure(dialect, orm, modes)), ...(await also(orm))];
  } finally {
    await drop(orm);
    await orm.close(true);
  }
}

/** Runs the nested-connection benchmark on SQLite, and on PostgreSQL and MariaDB when they answer. */
export async function nested(): Promise<BenchResult[]> {
  const common = {
    entities: [AuthorEntity, ArticleEntity, CommentEntity, PostEntity],
    debug: false,
    allowGlobalContext: true,
    ...connectTimeouts(5000),
  };
  const results: BenchResult[] = [];
  results.push(
    ...(await onDatabase(
      'SQLite',
      async () => {
        const orm = await MikroORM.init({ ...common, driver: SqliteDriver, dbName: ':memory:' } as Options);
        await orm.schema.createSchema();
        return orm;
      },
      ['lateral', 'union', 'window'],
      () => Promise.resolve(),
    )),
  );

  const name = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const pgPort = Number(process.env['PGPORT'] ?? 5432);
  if (await answers(pgPort)) {
    const connection = { host: '127.0.0.1', port: pgPort, user: process.env['PGUSER'] ?? 'postgres', dbName: 'test', schema: name };
    results.push(
      ...(await onDatabase(
        'PostgreSQL',
        async () => {
          const orm = await MikroORM.init({ ...common, driver: PostgreSqlDriver, ...connection } as Options);
          await orm.em.getConnection().execute(`create schema "${name}"`);
          await orm.schema.createSchema({ schema: name });
          return orm;
        },
        ['lateral', 'union', 'window'],
        (orm) => orm.em.getConnection().execute(`drop schema if exists "${name}" cascade`),
        async () => {
          // The same database across a network: N+1 costs round trips, which loopback hides.
          const link = await delayLink(pgPort, LINK_DELAY_MS);
          const orm = await MikroORM.init({ ...common, driver: PostgreSqlDriver, ...connection, port: link.port } as Options);
          try {
            const rtt = await roundTrip(orm);
            return await measure(
              `PostgreSQL over a link of ${rtt.toFixed(1)} ms round trip`,
              orm,
              ['lateral'],
              ['two levels', 'three levels'],
            );
          } finally {
            await orm.close(true);
            await link.close();
          }
        },
      )),
    );
  } else {
    console.error(`nested: PostgreSQL at 127.0.0.1:${pgPort} did not answer; skipped.`);
  }

  const mariaPort = Number(process.env['MARIADB_PORT'] ?? 3306);
  if (await answers(mariaPort)) {
    results.push(
      ...(await onDatabase(
        'MariaDB',
        async () => {
          const orm = await MikroORM.init({
            ...common,
            driver: MariaDbDriver,
            host: '127.0.0.1',
            port: mariaPort,
            user: 'root',
            dbName: name,
            connect: false,
          } as Options);
          await orm.schema.ensureDatabase();
          await orm.schema.createSchema();
          return orm;
        },
        ['union', 'window'],
        (orm) => orm.em.getConnection().execute(`drop database if exists \`${name}\``),
      )),
    );
  } else {
    console.error(`nested: MariaDB at 127.0.0.1:${mariaPort} did not answer; skipped.`);
  }
  return results;
}
