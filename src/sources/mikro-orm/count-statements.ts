import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import type { PageCount, SourceCountStrategy } from '../../core/internal';
import { foldedCountSelect, strategyCount } from '../sql/counts';
import { joinsCollection } from './entity-rows';
import { platformDialectName } from './platform';
import type { SqlFragment } from '../sql/window';
import { applyWindow, rawSql } from './query-window';

/** Runs a statement of the source's (flushing first, under its timeout) and returns its raw rows. */
export type RunStatement = (query: Knex.Raw) => Promise<Array<Record<string, unknown>>>;

/**
 * The list's `select 1 … where <filter>` of `qb`, as text and bindings, from a copy: `qb` stays open,
 * as long as it was not compiled yet (a copy of a compiled builder shares its knex query).
 */
function rowsSql<T extends object>(qb: QueryBuilder<T>, em: SqlEntityManager, limit?: number): Knex.Sql {
  const knex = em.getKnex();
  const window = { where: [], select: [{ sql: '1', params: [] }], only: true, ...(limit !== undefined && { limit }) };
  return applyWindow(knex, qb.clone().getKnexQuery(), window).toSQL();
}

/** The select that folds the count of `qb`'s rows into a page of them (see foldedCountSelect). */
export function foldedSelect<T extends object>(qb: QueryBuilder<T>, em: SqlEntityManager): SqlFragment {
  const rows = rowsSql(qb, em);
  return { sql: foldedCountSelect(rows.sql, (name) => em.getPlatform().quoteIdentifier(name)), params: rows.bindings };
}

/**
 * A count by `strategy` over the rows of `qb` (the source's filter) in one statement: the capped
 * count, or PostgreSQL's planner estimate. Null where the source counts exactly instead: an estimate
 * on another dialect, rows that join a collection (repeated rows: MikroORM's own count is right),
 * a plan that cannot be read.
 */
export function countStatement<T extends object>(
  qb: QueryBuilder<T>,
  em: SqlEntityManager,
  strategy: SourceCountStrategy,
  run: RunStatement,
): Promise<PageCount | null> {
  if (joinsCollection(qb)) return Promise.resolve(null);
  const knex = em.getKnex();
  return strategyCount(strategy, platformDialectName(em.getPlatform()), (wrap, limit) => {
    const rows = rowsSql(qb, em, limit);
    return run(rawSql(knex, wrap(rows.sql), rows.bindings));
  });
}
