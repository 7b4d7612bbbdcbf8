import type { SqlCondition } from './keyset';

/** SQL text with `?` placeholders and its parameters, in order: what the strategies hand a builder and take back. */
export type SqlFragment = SqlCondition;

/**
 * What a statement adds to the query of a source's rows (its filter, from the builder), as data: a
 * page, each parent's window in a batch, a probe, a count. Built from the keyset conditions and the
 * ordering; each builder has one place that writes it into its query.
 */
export interface SqlWindow {
  /** Conditions ANDed to the rows' filter: keyset bounds, the parent's key, a branch's group. */
  readonly where: readonly SqlFragment[];
  /** Columns besides the row's (an exact datetime's text, a flag, a probe). */
  readonly select?: readonly SqlFragment[];
  /** Select only `select`, not the row (a subquery of primary keys, an EXISTS, a count). */
  readonly only?: boolean;
  /** Fields the rows must carry even under a source's projection: the ordering's, which cursors read. */
  readonly fields?: readonly string[];
  /** The window's `ORDER BY` (see SqlOrdering.orderBy); absent: none, the rows' own cleared. */
  readonly orderBy?: string;
  /** `GROUP BY` this SQL (a count per parent). */
  readonly groupBy?: string;
  readonly limit?: number;
  /** Rows skipped: a number, or the SQL that reads it (a column of a LATERAL keys relation). */
  readonly offset?: number | string;
}

/** `(a) and (b)`: conditions ANDed into one fragment, null when there are none. */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment | null {
  if (conditions.length === 0) return null;
  if (conditions.length === 1) return conditions[0]!;
  return { sql: conditions.map((part) => `(${part.sql})`).join(' and '), params: conditions.flatMap((part) => part.params) };
}
