import { is, sql, type SQL, type Subquery } from 'drizzle-orm';
import { MySqlDatabase, type MySqlQueryResultHKT, type PreparedQueryHKTBase } from 'drizzle-orm/mysql-core';
import { PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { assertConfig } from '../../core/internal';

/** The SQL family of a Drizzle database, as pagewise writes its statements. */
export type DrizzleKind = 'postgresql' | 'mysql' | 'sqlite';

/**
 * A Drizzle database of one of the three SQL families: `drizzle(...)` of node-postgres, postgres.js,
 * mysql2, better-sqlite3, libsql and the other drivers built on pg-core, mysql-core or sqlite-core
 * (a transaction's `tx` too), with or without a schema.
 */
export type DrizzleDatabase =
  | PgDatabase<PgQueryResultHKT, Record<string, unknown>>
  | MySqlDatabase<MySqlQueryResultHKT, PreparedQueryHKTBase, Record<string, unknown>>
  | BaseSQLiteDatabase<'sync' | 'async', unknown, Record<string, unknown>>;

/**
 * The part of a Drizzle select builder pagewise calls (the same names in every dialect): each call
 * returns the builder, and awaiting it runs the statement.
 */
export interface SelectBuilder extends PromiseLike<Array<Record<string, unknown>>> {
  where(condition: SQL | undefined): SelectBuilder;
  orderBy(...columns: SQL[]): SelectBuilder;
  limit(limit: number): SelectBuilder;
  offset(offset: number): SelectBuilder;
  as(alias: string): Subquery;
  toSQL(): { readonly sql: string; readonly params: unknown[] };
  /** The statement as a Drizzle SQL value, to write into another (no parentheses of its own). */
  getSQL(): SQL;
}

/** `db.select(fields).from(source)`, the one entry point pagewise builds statements from. */
interface Selecting {
  select(fields?: Record<string, unknown>): { from(source: unknown): SelectBuilder };
}

/** A Drizzle database as pagewise uses it: its family, identifier quoting and select. */
export interface DrizzleDb {
  readonly kind: DrizzleKind;
  /** A quoted identifier (`"e"`, `` `e` ``), for names pagewise writes (aliases, columns from metadata). */
  readonly quote: (name: string) => string;
  /** `db.select(fields).from(source)`; without fields, the source's own. */
  readonly select: (source: unknown, fields?: Record<string, unknown>) => SelectBuilder;
  /** The driver client behind the database (`db.$client`): a pool, a client or an SQLite handle. */
  readonly client: unknown;
}

/** Which family `db` belongs to, from Drizzle's own class chain (`is`), or a PaginationConfigError. */
export function drizzleKind(db: unknown): DrizzleKind {
  if (is(db, PgDatabase)) return 'postgresql';
  if (is(db, MySqlDatabase)) return 'mysql';
  if (is(db, BaseSQLiteDatabase)) return 'sqlite';
  assertConfig(false, 'drizzleSource needs a Drizzle database of pg-core, mysql-core or sqlite-core (the result of drizzle(...))');
}

/** The database `db` as pagewise uses it. */
export function drizzleDb(db: DrizzleDatabase): DrizzleDb {
  const kind = drizzleKind(db);
  const mark = kind === 'mysql' ? '`' : '"';
  return {
    kind,
    quote: (name) => `${mark}${name.split(mark).join(mark + mark)}${mark}`,
    select: (source, fields) => (db as unknown as Selecting).select(fields).from(source),
    client: (db as { $client?: unknown }).$client,
  };
}

/** A statement with `?` placeholders and its parameters. */
export interface SqlText {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * `?`-placeholder SQL as a Drizzle `sql` fragment: the text between placeholders raw, each value a
 * parameter (a value that is itself SQL, such as `sql.param(value, column)`, written in as it is).
 * The text is pagewise's own (quoted names from metadata, operators), never a client's.
 */
export function toDrizzleSql({ sql: text, params }: SqlText): SQL {
  const pieces = text.split('?');
  assertConfig(pieces.length === params.length + 1, `pagewise wrote ${pieces.length - 1} placeholders for ${params.length} values`);
  // One SQL of the pieces and values, as the `sql` tag makes of a template (Drizzle binds a value and
  // writes in one that is SQL), rather than a node per piece and per value joined.
  const strings = Object.assign([...pieces], { raw: pieces }) as unknown as TemplateStringsArray;
  return sql(strings, ...params);
}
