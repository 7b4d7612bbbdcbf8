// bench/nested: `authors(first: 100) { articles(first: 10) { ... } }` through GraphQL over MikroORM:
// pagewise's batched field (one statement per level, the dialect's default strategy: LATERAL on
// PostgreSQL, a json_each join on SQLite, UNION ALL on MariaDB) against a hand-written per-parent
// resolver (one em.find per author, cursors by hand: what a team without pagewise writes, N+1), and
// one level deeper (`comments(first: 5)` on each of the 1,000 articles: 3 statements against 1,101).
// SQLite in memory, PostgreSQL and MariaDB on loopback when they answer, and PostgreSQL across a
// simulated link (a TCP relay in a process of its own adding 1 ms to each round trip), where N+1 pays its
// round trips. The ratio is a speed-up: hand-written time / pagewise time (target: at least 3× on
// loopback and 5× across the link, on PostgreSQL).
import { createConnection } from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import {
  execute,
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type DocumentNode,
  type GraphQLFieldConfig,
} from 'graphql';
import { cursorPagination } from 'pagewise';
import { batchedConnectionField, connectionField } from 'pagewise/graphql';
import { connectTimeouts, mikroOrmBatchSource, mikroOrmSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { atLeast, ratioOf, type BenchResult, type Target } from './measure';
import { startScript } from './processes';

const AUTHORS = 100;
const ARTICLES_PER_AUTHOR = 50;
const COMMENTS_PER_ARTICLE = 8;

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

export const AuthorEntity = new EntitySchema<Author>({
  name: 'BenchAuthor',
  tableName: 'bench_author',
  properties: { id: { type: 'integer', primary: true, autoincrement: false }, name: { type: 'string' } },
});
export const ArticleEntity = new EntitySchema<Article>({
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

export const CommentEntity = new EntitySchema<Comment>({
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

interface Context {
  readonly em: SqlEntityManager;
}

/** A connection by hand: a per-parent `em.find` of `first + 1` rows, `-created, -id`, cursors base64url JSON. */
function handConnection<TParent, T extends { id: number; created: Date }>(
  name: string,
  node: GraphQLObjectType<T, Context>,
  find: (parent: TParent, em: SqlEntityManager, after: [string, number] | null, limit: number) => Promise<T[]>,
): GraphQLFieldConfig<TParent, Context, { first?: number | null; after?: string | null }> {
  const Edge = new GraphQLObjectType({
    name: `${name}Edge`,
    fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(node) } },
  });
  const PageInfo = new GraphQLObjectType({
    name: `${name}PageInfo`,
    fields: { hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) }, endCursor: { type: GraphQLString } },
  });
  return {
    type: new GraphQLNonNull(
      new GraphQLObjectType({
        name: `${name}Connection`,
        fields: {
          edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Edge))) },
          pageInfo: { type: new GraphQLNonNull(PageInfo) },
        },
      }),
    ),
    args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
    resolve: async (parent, args, context) => {
      const first = Math.min(args.first ?? 10, 50);
      const after = args.after ? (JSON.parse(Buffer.from(args.after, 'base64url').toString()) as [string, number]) : null;
      const rows = await find(parent, context.em, after, first + 1);
      const cursor = (row: T) => Buffer.from(JSON.stringify([row.created.toISOString(), row.id])).toString('base64url');
      const edges = rows.slice(0, first).map((row) => ({ node: row, cursor: cursor(row) }));
      return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null } };
    },
  };
}

/** The keyset condition after `[created, id]` in `-created, -id` order, as a hand-written resolver writes it. */
const before = (after: [string, number] | null) =>
  after ? { $or: [{ created: { $lt: new Date(after[0]) } }, { created: new Date(after[0]), id: { $lt: after[1] } }] } : {};

/** The schema of one side; `lean` batches read plain rows (`lean: true`) rather than entities. */
export function schemaOf(mode: 'hand' | BatchStrategy, lean = false): GraphQLSchema {
  const pagination = cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: ['-created'] });
  const order = { orderBy: [{ created: 'desc' as const }, { id: 'desc' as const }] };
  const CommentType = new GraphQLObjectType<Comment, Context>({
    name: 'Comment',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, body: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const comments =
    mode === 'hand'
      ? handConnection<Article, Comment>('Comment', CommentType, (article, em, after, limit) =>
          em.find(CommentEntity, { article: article.id, ...before(after) }, { ...order, limit }),
        )
      : batchedConnectionField<Article, Context, number, Comment>({
          node: CommentType,
          pagination,
          key: (article) => article.id,
          batchSource: (context) => mikroOrmBatchSource(context.em, CommentEntity, { key: 'article', strategy: mode, lean }),
        });
  const ArticleType = new GraphQLObjectType<Article, Context>({
    name: 'Article',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, title: { type: new GraphQLNonNull(GraphQLString) }, comments },
  });
  const articles =
    mode === 'hand'
      ? handConnection<Author, Article>('Article', ArticleType, (author, em, after, limit) =>
          em.find(ArticleEntity, { author: author.id, ...before(after) }, { ...order, limit }),
        )
      : batchedConnectionField<Author, Context, number, Article>({
          node: ArticleType,
          pagination,
          key: (author) => author.id,
          batchSource: (context) => mikroOrmBatchSource(context.em, ArticleEntity, { key: 'author', strategy: mode, lean }),
        });
  const AuthorType = new GraphQLObjectType<Author, Context>({
    name: 'Author',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, name: { type: new GraphQLNonNull(GraphQLString) }, articles },
  });
  // The top level is the same pagewise field on both sides: only the nested fields differ.
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

/** The query of a measure: two levels (100 authors × first 10 articles), or three (× first 5 comments). */
type Shape = 'two levels' | 'three levels';
const SHAPES: readonly Shape[] = ['two levels', 'three levels'];

export const queryOf = (shape: Shape): DocumentNode => {
  const comments = shape === 'three levels' ? ' comments(first: 5) { edges { cursor node { id body } } }' : '';
  return parse(
    `{ authors(first: ${AUTHORS}) { edges { node { name articles(first: 10) { edges { cursor node { id title${comments} } } pageInfo { hasNextPage endCursor } } } } } }`,
  );
};

export async function seed(orm: MikroORM): Promise<void> {
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
  for (const table of ['bench_article', 'bench_comment']) {
    if (orm.config.get('driver') === PostgreSqlDriver)
      await connection.execute(`analyze ${connection.getPlatform().quoteIdentifier(`${orm.config.get('schema')}.${table}`)}`);
    if (orm.config.get('driver') === MariaDbDriver) await connection.execute(`analyze table ${table}`);
  }
}

/** The round trip the simulated link adds (issue 17: a 1 ms round-trip link; the line names the measured one). */
const LINK_DELAY_MS = 1;

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
  mode: BatchStrategy,
  target: Target | null,
  shapes: readonly Shape[] = SHAPES,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const run = (schema: GraphQLSchema, document: DocumentNode) => async () => {
    const result = await execute({ schema, document, contextValue: { em: orm.em.fork() as SqlEntityManager } });
    if (result.errors) throw new Error(String(result.errors[0]));
    return result.data;
  };
  const hand = schemaOf('hand');
  // Entities on both sides first (what each side reads is the same), then pagewise's lean rows.
  const sides = [
    { batched: schemaOf(mode), label: '' },
    { batched: schemaOf(mode, true), label: ', lean rows' },
  ];
  for (const shape of shapes) {
    const document = queryOf(shape);
    // Both sides answer the same rows (cursors apart).
    const ids = (data: unknown) =>
      JSON.stringify(data, (key, value: unknown) => (key === 'cursor' || key === 'endCursor' ? undefined : value));
    const deep = shape === 'three levels';
    for (const { batched, label } of sides) {
      if (ids(await run(hand, document)()) !== ids(await run(batched, document)()))
        throw new Error(`nested: ${dialect}, ${shape}${label}: the sides differ`);
      const outcome = await ratioOf(
        run(hand, document),
        run(batched, document),
        deep ? { rounds: 8, warmup: 2 } : { rounds: 20, warmup: 5 },
      );
      results.push({
        bench: 'nested',
        measure: `${dialect}, ${shape} (${deep ? '3 vs 1,101' : '2 vs 101'} statements): hand-written per-parent / pagewise batched (${mode}${label})`,
        ratio: outcome.ratio,
        target: deep ? null : target,
        detail: `hand-written ${outcome.subjectMs.toFixed(1)} ms / pagewise ${outcome.baselineMs.toFixed(1)} ms`,
      });
    }
  }
  return results;
}

/** Seeds `orm` and measures it, then drops what it made. */
async function onDatabase(
  dialect: string,
  open: () => Promise<MikroORM>,
  mode: BatchStrategy,
  target: Target | null,
  drop: (orm: MikroORM) => Promise<void>,
  also: (orm: MikroORM) => Promise<BenchResult[]> = () => Promise.resolve([]),
): Promise<BenchResult[]> {
  const orm = await open();
  try {
    await seed(orm);
    return [...(await measure(dialect, orm, mode, target)), ...(await also(orm))];
  } finally {
    await drop(orm);
    await orm.close(true);
  }
}

/** Runs the nested-connection benchmark on SQLite, and on PostgreSQL and MariaDB when they answer. */
export async function nested(): Promise<BenchResult[]> {
  const common = {
    entities: [AuthorEntity, ArticleEntity, CommentEntity],
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
      'lateral',
      null,
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
        'lateral',
        atLeast(3),
        (orm) => orm.em.getConnection().execute(`drop schema if exists "${name}" cascade`),
        async () => {
          // The same database across a network: N+1 costs round trips, which loopback hides.
          // The relay is a process of its own, so the measured side's CPU work does not delay its timers.
          const link = await startScript('delay-relay', [String(pgPort), String(LINK_DELAY_MS)]);
          const port = Number(new URL(link.origin).port);
          const results: BenchResult[] = [];
          try {
            // MikroORM's default pool (10 connections) lets the hand-written side run its 101 statements
            // ten at a time; with one connection (as a per-request transaction has) it runs them in turn.
            for (const pool of [null, 1]) {
              const orm = await MikroORM.init({
                ...common,
                driver: PostgreSqlDriver,
                ...connection,
                port,
                ...(pool ? { pool: { min: pool, max: pool } } : {}),
              } as Options);
              try {
                const rtt = await roundTrip(orm);
                const name = `PostgreSQL across a link of ${rtt.toFixed(1)} ms round trip, ${pool ? `a pool of ${pool} connection` : 'default pool'}`;
                // One connection: three levels would queue 1,000 statements past the pool's acquire timeout.
                results.push(...(await measure(name, orm, 'lateral', pool ? null : atLeast(5), pool ? ['two levels'] : SHAPES)));
              } finally {
                await orm.close(true);
              }
            }
            return results;
          } finally {
            await link.stop();
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
        'union',
        null,
        (orm) => orm.em.getConnection().execute(`drop database if exists \`${name}\``),
      )),
    );
  } else {
    console.error(`nested: MariaDB at 127.0.0.1:${mariaPort} did not answer; skipped.`);
  }
  return results;
}
