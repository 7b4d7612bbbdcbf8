import type { Knex } from '@mikro-orm/knex';
import type { SqlWindow } from '../sql/window';

/**
 * SQL with `?` placeholders and its bindings as one knex raw: parameters, or knex builders and raws
 * written in as parenthesized subqueries. The one place the sources' bindings meet knex's types.
 */
export function rawSql(knex: Knex, sql: string, bindings: readonly unknown[] = []): Knex.Raw {
  return knex.raw(sql, bindings as readonly Knex.RawBinding[]);
}

/** Writes `window` into `query` (a knex query of the rows, changed in place) and returns it: the one place a window meets knex. */
export function applyWindow(knex: Knex, query: Knex.QueryBuilder, window: SqlWindow): Knex.QueryBuilder {
  if (window.only) query.clearSelect();
  for (const column of window.select ?? []) query.select(rawSql(knex, column.sql, column.params));
  for (const condition of window.where) query.whereRaw(rawSql(knex, `(${condition.sql})`, condition.params));
  if (window.orderBy === undefined) query.clearOrder();
  else query.orderByRaw(window.orderBy);
  if (window.groupBy !== undefined) query.groupByRaw(window.groupBy);
  if (window.limit !== undefined) query.limit(window.limit);
  // knex takes a raw offset, though its types say number.
  if (typeof window.offset === 'string') query.offset(knex.raw(window.offset) as unknown as number);
  else if (window.offset !== undefined && window.offset > 0) query.offset(window.offset);
  return query;
}
