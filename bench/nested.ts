// bench/nested: `authors(first: 100) { articles(first: 10) { ... } }` through GraphQL over MikroORM,
// batched (one statement per level) against the naive per-parent field (one statement per author),
// with and without the articles' counts, and one level deeper (`comments(first: 5)` on each of the
// 1,000 articles: 3 statements against 1,101). SQLite in memory, and PostgreSQL when it answers
// (window and LATERAL). Target: batched at least 5× faster (ratio <= 0.2).
import { createConnection } from 'node:net';
import { randomBytes } from 'node:crypto';
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { execute, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode } from 'graphql';
import { cursorPagination } from '../src/core';
import { batchedConnectionField, connectionField } from '../src/graphql';
import { connectTimeouts, mikroOrmBatchSource, mikroOrmSource } from '../src/sources/mikro-orm';
import { ratioOf, type BenchResult } from './measure';

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

interface Context {
  readonly em: SqlEntityManager;
}

function schemaOf(mode: 'naive' | 'window' | 'lateral'): GraphQLSchema {
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
  const AuthorType = new GraphQLObjectType<Author, Context>({
    name: 'Author',
    fields: { id: { type: new GraphQLNonNull(GraphQLInt) }, name: { type: new GraphQLNonNull(GraphQLString) }, articles },
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

/** The query of a measure: two levels, with the articles' counts or not, or three levels. */
type Shape = 'two levels' | 'two levels + totalCount' | 'three levels';
const SHAPES: readonly Shape[] = ['two levels', 'two levels + totalCount', 'three levels'];

const queryOf = (shape: Shape): DocumentNode => {
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
}

const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.setTimeout(2000);
    socket.on('connect', () => (socket.end(), resolve(true)));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
  });

async function measure(dialect: string, orm: MikroORM, modes: readonly ('window' | 'lateral')[]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const run = (schema: GraphQLSchema, document: DocumentNode) => async () => {
    const result = await execute({ schema, document, contextValue: { em: orm.em.fork() as SqlEntityManager } });
    if (result.errors) throw new Error(String(result.errors[0]));
  };
  const naive = schemaOf('naive');
  for (const mode of modes) {
    for (const shape of SHAPES) {
      const document = queryOf(shape);
      const deep = shape === 'three levels';
      const outcome = await ratioOf(
        run(schemaOf(mode), document),
        run(naive, document),
        deep ? { rounds: 10, warmup: 3 } : { rounds: 30, warmup: 10 },
      );
      const statements = deep ? '3 vs 1,101 statements' : shape.endsWith('totalCount') ? '3 vs 201 statements' : '2 vs 101 statements';
      results.push({
        bench: 'nested',
        measure: `${dialect}, ${shape} (${statements}): batched (${mode}) / per-parent`,
        ratio: outcome.ratio,
        target: 0.2,
        detail: `batched ${outcome.subjectMs.toFixed(1)} ms / per-parent ${outcome.baselineMs.toFixed(1)} ms (${(1 / outcome.ratio).toFixed(1)}× faster)`,
      });
    }
  }
  return results;
}

/** Runs the nested-connection benchmark on SQLite, and on PostgreSQL when it answers. */
export async function nested(): Promise<BenchResult[]> {
  const common = {
    entities: [AuthorEntity, ArticleEntity, CommentEntity],
    debug: false,
    allowGlobalContext: true,
    ...connectTimeouts(5000),
  };
  const results: BenchResult[] = [];
  const sqlite = await MikroORM.init({ ...common, driver: SqliteDriver, dbName: ':memory:' } as Options);
  try {
    await sqlite.schema.createSchema();
    await seed(sqlite);
    results.push(...(await measure('SQLite', sqlite, ['window'])));
  } finally {
    await sqlite.close(true);
  }

  const port = Number(process.env['PGPORT'] ?? 5432);
  if (!(await answers(port))) {
    console.error(`nested: PostgreSQL at 127.0.0.1:${port} did not answer; SQLite only.`);
    return results;
  }
  const schema = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const pg = await MikroORM.init({
    ...common,
    driver: PostgreSqlDriver,
    host: '127.0.0.1',
    port,
    user: process.env['PGUSER'] ?? 'postgres',
    dbName: 'test',
    schema,
  } as Options);
  try {
    await pg.em.getConnection().execute(`create schema "${schema}"`);
    await pg.schema.createSchema({ schema });
    await seed(pg);
    await pg.em.getConnection().execute(`analyze "${schema}"."bench_article"`);
    await pg.em.getConnection().execute(`analyze "${schema}"."bench_comment"`);
    results.push(...(await measure('PostgreSQL', pg, ['window', 'lateral'])));
  } finally {
    await pg.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
    await pg.close(true);
  }
  return results;
}
