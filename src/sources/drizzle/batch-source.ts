import { Column, is, SQL } from 'drizzle-orm';
import { assertConfig, type BatchPageSource } from '../../core/internal';
import { sqlBatchSource, type BatchStrategy, type ParentKey } from '../sql/batch-source';
import { readTexts, rememberTexts } from '../sql/datetime-text';
import type { SqlFragment, SqlWindow } from '../sql/window';
import { toDrizzleSql, type DrizzleDatabase } from './drizzle-database';
import { ALIAS, drizzleRows, type DrizzleQuery, type DrizzleRow, type DrizzleRows } from './drizzle-rows';
import type { DrizzleSourceOptions } from './source-options';

/** Options of {@link drizzleBatchSource}: those of `drizzleSource`, plus the parent key. */
export interface DrizzleBatchSourceOptions extends DrizzleSourceOptions {
  /**
   * The field of the selection naming each row's parent (`authorId`), a column: pages are windows
   * per value of it, within the query's own filter.
   */
  readonly key: string;
  /**
   * How the windows of a batch are asked, always in one statement: `lateral` (PostgreSQL, and SQLite
   * through json_each: a subquery per key, each an index seek; the default there), `union` (a
   * branch per key, each an index seek; the default on MySQL/MariaDB) or `window` (ROW_NUMBER() per
   * key, which reads every row of every parent).
   */
  readonly strategy?: BatchStrategy;
}

/**
 * A raw row of the query's columns as the row Drizzle would give: each column's driver value
 * mapped by the column itself (dates, booleans, bigints, custom types), under its field name.
 */
function rowFrom(raw: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (is(value, Column)) {
      const driver = raw[value.name];
      row[field] = driver === null || driver === undefined ? null : value.mapFromDriverValue(driver);
    } else if (is(value, SQL.Aliased)) {
      row[field] = raw[value.fieldAlias] ?? null;
    }
  }
  return row;
}

/** The SQL of the query's rows with a batch statement's window written in: `select "e".*, … from (<query>) as "e" where …`. */
function windowQuery<T extends object>(rows: DrizzleRows<T>, window: SqlWindow): SqlFragment {
  const e = rows.db.quote(ALIAS);
  const selects: SqlFragment[] = [...(window.only ? [] : [{ sql: `${e}.*`, params: [] }]), ...(window.select ?? [])];
  const parts: SqlFragment[] = [
    { sql: `select ${selects.map((select) => select.sql).join(', ')}`, params: selects.flatMap((select) => select.params) },
    // The user's query is a Drizzle SQL value among the parameters: toDrizzleSql writes it in as it is.
    { sql: ` from (?) as ${e}`, params: [rows.subquery._.sql] },
  ];
  if (window.where.length > 0)
    parts.push({
      sql: ` where ${window.where.map((condition) => `(${condition.sql})`).join(' and ')}`,
      params: window.where.flatMap((condition) => condition.params),
    });
  if (window.groupBy !== undefined) parts.push({ sql: ` group by ${window.groupBy}`, params: [] });
  if (window.orderBy !== undefined) parts.push({ sql: ` order by ${window.orderBy}`, params: [] });
  if (window.limit !== undefined) parts.push({ sql: ' limit ?', params: [window.limit] });
  if (typeof window.offset === 'string') parts.push({ sql: ` offset ${window.offset}`, params: [] });
  else if (window.offset !== undefined && window.offset > 0) parts.push({ sql: ' offset ?', params: [window.offset] });
  return { sql: parts.map((part) => part.sql).join(''), params: parts.flatMap((part) => part.params) };
}

/**
 * A BatchPageSource over a Drizzle table or select, for a paginated field under a list of parents
 * (`key`: the field naming each row's parent): the pages of all parents are one SQL statement
 * (per-parent index seeks, see {@link DrizzleBatchSourceOptions.strategy}), their counts one
 * `COUNT(*) … GROUP BY key`, each over the query as a subquery; rows are mapped by Drizzle's
 * columns as `drizzleSource`'s are. Parent keys compare as text (`1` and `'1'` are one parent).
 */
export function drizzleBatchSource<Q extends DrizzleQuery>(
  db: DrizzleDatabase,
  query: Q,
  options: DrizzleBatchSourceOptions,
): BatchPageSource<ParentKey, DrizzleRow<Q> & object> {
  type T = DrizzleRow<Q> & object;
  const rows = drizzleRows<T>(db, query, options);
  const key = rows.columns.get(options.key);
  assertConfig(key, `key ${JSON.stringify(options.key)} is not a column of the selection`);
  return sqlBatchSource<T>({
    ordering: rows.ordering,
    key: { column: key.name, type: key.sqlType },
    ...(options.strategy ? { strategy: options.strategy } : {}),
    rows: {
      query: (window) => Promise.resolve(windowQuery(rows, window)),
      relation: (alias) => ({
        from: { sql: `(?) as ${rows.db.quote(alias)}`, params: [rows.subquery._.sql] },
        select: [`${rows.db.quote(alias)}.*`],
      }),
      execute: (what, statement) => rows.execute(what, toDrizzleSql(statement)),
      // Each row is built from the table's own fields: the strategy's columns are never copied in.
      hydrate: (raw, textFields) => {
        const texts = readTexts(raw, textFields);
        return Promise.resolve(
          raw.map((record, index) => {
            const row = rowFrom(record, rows.fields);
            rememberTexts(row, texts[index]!);
            return row as T;
          }),
        );
      },
    },
  });
}
