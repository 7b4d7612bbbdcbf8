// The SQL of the count strategies (docs/counts.md), as text around the text of a builder's own query:
// every SQL source (MikroORM, Kysely, Drizzle) builds the list's `select 1 … where <filter>` its way
// and wraps it here. The text is the builder's, placeholders and all: the wrappers add none, so `?`
// placeholders stay in order; a builder that numbers them (`$1`, PostgreSQL) nests the fragment with
// its own raw-SQL API instead (the folded subquery precedes the page's own parameters).

import { cappedCount, type PageCount, type SourceCountStrategy } from '../../core/internal';
import type { SqlDialect } from './dialect';

/** The column a folded page statement carries the whole list's count in. */
export const FOLDED_COUNT_COLUMN = 'pw_total';

/**
 * The select that folds the count into a page's statement: `(select count(*) from (<rows>) as
 * pw_rows) as "pw_total"`, where `rowsSql` is the list's `select 1 … where <filter>` (its bindings
 * go where this select goes). An uncorrelated subquery runs once (PostgreSQL plans it as an InitPlan,
 * a parallel count), so each row of the page carries the total at the cost of a COUNT. `COUNT(*)
 * OVER ()` says the same, but drags every row of the list through the page's ordered scan in one
 * process: 3.8× the two statements on 1M PostgreSQL rows (docs/counts.md).
 */
export const foldedCountSelect = (rowsSql: string, quote: (name: string) => string): string =>
  `(select count(*) from (${rowsSql}) as pw_rows) as ${quote(FOLDED_COUNT_COLUMN)}`;

/** Drivers give a count as a number, a numeric string (PostgreSQL's bigint) or a bigint. */
const countValue = (value: unknown): number | null => {
  const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
};

/** The folded count a page's raw rows carry (the rows keep the column); null for an empty page, which has no row to carry it. */
export function readFoldedCount(rows: ReadonlyArray<Record<string, unknown>>): number | null {
  return rows.length === 0 ? null : countValue(rows[0]![FOLDED_COUNT_COLUMN]);
}

/**
 * The capped count: `select count(*) as pw_count from (<rows>) as pw_capped`, where `rowsSql` is the
 * list's `select 1 … limit cap + 1` (its builder writes the limit, in its dialect). Bindings unchanged.
 */
export const cappedCountSql = (rowsSql: string): string => `select count(*) as pw_count from (${rowsSql}) as pw_capped`;

/** The result of {@link cappedCountSql} as the page's total: more than `cap` rows is "at least cap". */
export function readCappedCount(rows: ReadonlyArray<Record<string, unknown>>, cap: number): PageCount {
  return cappedCount(countValue(rows[0]?.['pw_count']) ?? 0, cap);
}

/** PostgreSQL's estimate of the rows of `rowsSql` (the list's `select 1 …`), from the planner alone. */
export const estimatedCountSql = (rowsSql: string): string => `explain (format json) ${rowsSql}`;

/**
 * The estimate in the result of {@link estimatedCountSql}: the top plan node's `Plan Rows`. The
 * driver gives the `QUERY PLAN` column parsed (json) or as text; null when it is neither.
 */
export function readEstimatedCount(rows: ReadonlyArray<Record<string, unknown>>): PageCount | null {
  let plan: unknown = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
  if (typeof plan === 'string') {
    try {
      plan = JSON.parse(plan);
    } catch {
      return null;
    }
  }
  const top = Array.isArray(plan) ? (plan[0] as { Plan?: { 'Plan Rows'?: unknown } } | undefined) : undefined;
  const estimate = top?.Plan?.['Plan Rows'];
  if (typeof estimate !== 'number' || !Number.isFinite(estimate) || estimate < 0) return null;
  return { value: Math.round(estimate), kind: 'estimated' };
}

/**
 * Runs the statement `wrap` makes of the list's `select 1 … where <filter>` (with `limit` when given:
 * the capped count's `cap + 1`, written by the builder) and returns its raw rows.
 */
export type RunCountStatement = (wrap: (rowsSql: string) => string, limit?: number) => Promise<ReadonlyArray<Record<string, unknown>>>;

/**
 * A SQL source's `countWith`: the capped count on every dialect, the planner's estimate on PostgreSQL
 * only. Null (core counts exactly) for an estimate elsewhere or a plan that cannot be read.
 */
export async function strategyCount(
  strategy: SourceCountStrategy,
  dialect: SqlDialect['name'],
  run: RunCountStatement,
): Promise<PageCount | null> {
  if (strategy === 'estimated') return dialect === 'postgresql' ? readEstimatedCount(await run(estimatedCountSql)) : null;
  return readCappedCount(await run(cappedCountSql, strategy.capped + 1), strategy.capped);
}
