import type { Knex } from '@mikro-orm/knex';
import type { SqlCondition } from './keyset';

/**
 * What a statement adds to the query of an entity's rows (its filter, from MikroORM), as data: a
 * page, each parent's window in a batch, a probe. Built from the keyset conditions and the ordering;
 * {@link applyWindow} is the one place that writes it into a query.
 */
export interface QueryWindow {
  /** Conditions ANDed to the rows' filter: keyset bounds, the parent's key, a branch's group. */
  readonly where: readonly SqlCondition[];
  /** Columns besides the row's (an exact datetime's text, a flag, a probe). */
  readonly select?: readonly Knex.Raw[];
  /** Select only `select`, not the row (a subquery of primary keys, an EXISTS). */
  readonly only?: boolean;
  /** The window's `ORDER BY` (see EntityOrdering.orderBy); absent: none, the rows' own cleared. */
  readonly orderBy?: string;
  readonly limit?: number;
  /** Rows skipped: a number, or the SQL that reads it (a column of a LATERAL keys relation). */
  readonly offset?: number | string;
}

/**
 * SQL with `?` placeholders and its bindings as one knex raw: parameters, or knex builders and raws
 * written in as parenthesized subqueries. The one place the sources' bindings meet knex's types.
 */
export function rawSql(knex: Knex, sql: string, bindings: readonly unknown[] = []): Knex.Raw {
  return knex.raw(sql, bindings as readonly Knex.RawBinding[]);
}

/** Writes `window` into `query` (a knex query of the rows, changed in place) and returns it. */
export function applyWindow(knex: Knex, query: Knex.QueryBuilder, window: QueryWindow): Knex.QueryBuilder {
  if (window.only) query.clearSelect();
  for (const column of window.select ?? []) query.select(column);
  for (const condition of window.where) query.whereRaw(rawSql(knex, `(${condition.sql})`, condition.params));
  if (window.orderBy === undefined) query.clearOrder();
  else query.orderByRaw(window.orderBy);
  if (window.limit !== undefined) query.limit(window.limit);
  // knex takes a raw offset, though its types say number.
  if (typeof window.offset === 'string') query.offset(knex.raw(window.offset) as unknown as number);
  else if (window.offset !== undefined && window.offset > 0) query.offset(window.offset);
  return query;
}
