import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import type { PageCount, SourceCountStrategy } from '../../core/internal';
import { foldedCountSelect, strategyCount } from '../sql/counts';
import { platformDialectName } from './platform';
import type { SqlFragment } from '../sql/window';
import { applyWindow, rawSql } from './query-window';

/** Runs a statement of the source's (flushing first, under its timeout) and returns its raw rows. */
export type RunStatement = (query: Knex.Raw) => Promise<Array<Record<string, unknown>>>;

/** The rows a count is over: a new knex query of them at each call, and whether they join a collection. */
export interface CountedRows {
  readonly query: () => Knex.QueryBuilder;
  readonly joins: () => boolean;
}

/** The list's `select 1 … where <filter>` of the rows, as text and bindings. */
function rowsSql(query: Knex.QueryBuilder, em: SqlEntityManager, limit?: number): Knex.Sql {
  const window = { where: [], select: [{ sql: '1', params: [] }], only: true, ...(limit !== undefined && { limit }) };
  return applyWindow(em.getKnex(), query, window).toSQL();
}

/** The select that folds the count of the rows of `query` into a page of them (see foldedCountSelect). */
export function foldedSelect(query: Knex.QueryBuilder, em: SqlEntityManager): SqlFragment {
  const rows = rowsSql(query, em);
  return { sql: foldedCountSelect(rows.sql, (name) => em.getPlatform().quoteIdentifier(name)), params: rows.bindings };
}

/**
 * A count by `strategy` over `rows` (the source's filter) in one statement: the capped count, or
 * PostgreSQL's planner estimate. Null where the source counts exactly instead: an estimate on
 * another dialect, rows that join a collection (repeated rows: MikroORM's own count is right), a
 * plan that cannot be read.
 */
export function countStatement(
  rows: CountedRows,
  em: SqlEntityManager,
  strategy: SourceCountStrategy,
  run: RunStatement,
): Promise<PageCount | null> {
  if (rows.joins()) return Promise.resolve(null);
  const knex = em.getKnex();
  return strategyCount(strategy, platformDialectName(em.getPlatform()), (wrap, limit) => {
    const sql = rowsSql(rows.query(), em, limit);
    return run(rawSql(knex, wrap(sql.sql), sql.bindings));
  });
}

/** `select count(*) as "count"` over the rows of `query`, as MikroORM's getCount writes it for rows that join no collection. */
export function exactCountQuery(query: Knex.QueryBuilder, em: SqlEntityManager): Knex.QueryBuilder {
  const select = { sql: `count(*) as ${em.getPlatform().quoteIdentifier('count')}`, params: [] };
  return applyWindow(em.getKnex(), query, { where: [], select: [select], only: true });
}
