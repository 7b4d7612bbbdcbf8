import type { SelectQueryBuilder } from 'kysely';
import { assertConfig, type BatchPageSource } from '../../core/internal';
import { sqlBatchSource, type BatchStrategy, type ParentKey } from '../sql/batch-source';
import { compiledFragment, kyselySql } from './fragments';
import { kyselyRows, type KyselySourceOptions } from './rows';

export type { BatchStrategy, ParentKey } from '../sql/batch-source';

/** Options of {@link kyselyBatchSource}: those of `kyselySource`, plus the parent key. */
export interface KyselyBatchSourceOptions<DB> extends KyselySourceOptions<DB> {
  /** The field naming each row's parent (declared in `fields`): pages are windows per value of it. */
  readonly key: string;
  /**
   * How the windows of a batch are asked, always in one statement: `lateral` (PostgreSQL's default: a
   * LATERAL subquery per key; on SQLite with a one-field unique key, its default, a join of the keys
   * as json_each), `union` (`(… where key = k1 order by … limit n) union all (…)`, MySQL/MariaDB's
   * default) or `window` (ROW_NUMBER() OVER (PARTITION BY key …), which reads every row of every parent).
   */
  readonly strategy?: BatchStrategy;
}

/**
 * A BatchPageSource over a Kysely select query, for a paginated field under a list of parents: the
 * pages of all parents are one SQL statement (per-parent index seeks; see {@link BatchStrategy}), their
 * counts one `COUNT(*) ... GROUP BY key`, as the MikroORM batch source asks them. Parent keys compare
 * as text (`1` and `'1'` are one parent).
 */
export function kyselyBatchSource<DB, TB extends keyof DB, O extends object>(
  query: SelectQueryBuilder<DB, TB, O>,
  options: KyselyBatchSourceOptions<DB>,
): BatchPageSource<ParentKey, O> {
  const rows = kyselyRows<DB, TB, O>(query, options, 'kyselyBatchSource');
  const { dialect, ordering, windowed, run, db } = rows;
  // The batch writes the query into its statements as text with `?` placeholders: a `?` of its own
  // (PostgreSQL's jsonb `?`, `?|`, `?&`, or one inside a literal) would bind the wrong values.
  const own = rows.source();
  assertConfig(
    own.sql.split('?').length === own.params.length + 1,
    'kyselyBatchSource: the query contains a `?` that is not a parameter (a jsonb operator such as `?|`, or one inside a string literal); write the operator as a function (jsonb_exists_any) or page it with kyselySource',
  );
  const key = ordering.columnOf(options.key);
  const quote = dialect.quote;
  const source = sqlBatchSource<O>({
    ordering,
    key,
    ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
    rows: {
      query: (window) => Promise.resolve(compiledFragment(windowed(window), dialect)),
      relation: (alias) => {
        const own = rows.source();
        return { from: { sql: `(${own.sql}) as ${quote(alias)}`, params: own.params }, select: [`${quote(alias)}.*`] };
      },
      execute: async (what, statement) =>
        (await run(what, () => kyselySql<Record<string, unknown>>(statement).execute(db))).rows as Array<Record<string, unknown>>,
      hydrate: (raw, textFields, columns) => Promise.resolve(rows.rows(raw, textFields, columns)),
    },
  });
  return { ...source, valueOf: rows.valueOf };
}
