import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import type { PageCount, SourceCountStrategy } from '../../core/internal';
import { cappedCountSql, estimatedCountSql, readCappedCount, readEstimatedCount } from '../sql/counts';
import { joinsCollection } from './entity-rows';
import { platformKind } from './platform';
import { applyWindow, rawSql } from './query-window';

/** Runs a statement of the source's (flushing first, under its timeout) and returns its raw rows. */
export type RunStatement = (query: Knex.Raw) => Promise<Array<Record<string, unknown>>>;

/**
 * A count by `strategy` over the rows of `qb` (the source's filter) in one statement: the capped
 * count, or PostgreSQL's planner estimate. Null where the source counts exactly instead: an estimate
 * on another dialect, rows that join a collection (repeated rows: MikroORM's own count is right),
 * a plan that cannot be read.
 */
export async function countStatement<T extends object>(
  qb: QueryBuilder<T>,
  em: SqlEntityManager,
  strategy: SourceCountStrategy,
  run: RunStatement,
): Promise<PageCount | null> {
  const estimate = strategy === 'estimated';
  if (joinsCollection(qb) || (estimate && platformKind(em.getPlatform()) !== 'postgresql')) return null;
  const knex = em.getKnex();
  const window = { where: [], select: [knex.raw('1')], only: true, ...(!estimate && { limit: strategy.capped + 1 }) };
  const rows = applyWindow(knex, qb.getKnexQuery(), window).toSQL();
  if (estimate) return readEstimatedCount(await run(rawSql(knex, estimatedCountSql(rows.sql), rows.bindings)));
  return readCappedCount(await run(rawSql(knex, cappedCountSql(rows.sql), rows.bindings)), strategy.capped);
}
