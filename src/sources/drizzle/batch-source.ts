import { assertConfig, type BatchPageSource } from '../../core/internal';
import { sqlBatchSource, type BatchStrategy, type ParentKey } from '../sql/batch-source';
import { readTexts, rememberTexts } from '../sql/datetime-text';
import { toDrizzleSql, type DrizzleDatabase } from './drizzle-database';
import { drizzleRows, type DrizzleQuery, type DrizzleRow } from './drizzle-rows';
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
      query: (window) => Promise.resolve(rows.windowText(window)),
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
            const row = rows.rowOf(record);
            rememberTexts(row, texts[index]!);
            return row as T;
          }),
        );
      },
    },
  });
}
