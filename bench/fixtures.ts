// The benchmarks' own data (never the demo's): an `article` table of `rows` rows in SQLite, written in
// one INSERT … SELECT over a recursive series. Each creation time is shared by a pair of rows, so the
// id tiebreaker matters. `created` is an integer (epoch seconds), which the DRF app reads too:
// both sides read, compare and print the same column, with no date conversion on either.
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { SqliteDriver } from '@mikro-orm/sqlite';

/** One article row. */
export interface Article {
  id: number;
  title: string;
  views: number;
  created: number;
}

/** The article table, with an index on `(created, id)` for the keyset pages. */
export const ArticleEntity = new EntitySchema<Article>({
  name: 'BenchArticle',
  tableName: 'article',
  indexes: [{ properties: ['created', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    title: { type: 'string' },
    views: { type: 'integer' },
    created: { type: 'integer' },
  },
});

/** Where the table starts in time (epoch seconds); row n is created `n / 2` seconds (integer division) after it. */
export const ARTICLE_EPOCH = Date.UTC(2024, 0, 1) / 1000;

/** What a response shows of an article, on every side (pagewise, hand-written and DRF alike). */
export const serializeArticle = (row: Article): { id: number; title: string; views: number; created: number } => ({
  id: row.id,
  title: row.title,
  views: row.views,
  created: row.created,
});

/** Opens (and with `rows`, creates and fills) the article table in SQLite `file` (`:memory:` too). */
export async function articleDatabase(file: string, rows?: number, options: Partial<Options> = {}): Promise<MikroORM> {
  const orm = await MikroORM.init({
    driver: SqliteDriver,
    dbName: file,
    entities: [ArticleEntity],
    debug: false,
    allowGlobalContext: true,
    ...options,
  } as Options);
  if (rows !== undefined) {
    await orm.schema.createSchema();
    await (orm.em as SqlEntityManager).getConnection().execute(
      `insert into article (id, title, views, created)
       with recursive series(n) as (select 1 union all select n + 1 from series where n < ${rows})
       select n, 'article ' || n, (n * 7919) % 1000, ${ARTICLE_EPOCH} + n / 2 from series`,
    );
    await (orm.em as SqlEntityManager).getConnection().execute('analyze');
  }
  return orm;
}

// ESC, spelled out: a control character in a regex literal is a lint error.
const COLORS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The statement of a MikroORM query log line: colors and the "[took 1 ms, 101 results]" suffix differ between runs. */
export const statementOf = (line: string): string =>
  line
    .replace(COLORS, '')
    .replace(/^\[query\] /, '')
    .replace(/ \[took .*$/, '');
