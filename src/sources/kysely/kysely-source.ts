import { CompiledQuery, sql, type SelectQueryBuilder } from 'kysely';
import type { PageSource } from '../../core/internal';
import { strategyCount, readFoldedCount, FOLDED_COUNT_COLUMN } from '../sql/counts';
import type { SqlCondition } from '../sql/keyset';
import { AT_COLUMN, atSelect, firstAt, sqlPageSource } from '../sql/page-source';
import { kyselyRows, type KyselySourceOptions } from './rows';

/**
 * A PageSource over a Kysely select query: every page wraps it as a subquery
 * (`select "e".* from (<query>) as "e" where <keyset> order by … limit n+1 offset k`; two when a
 * cursor's own row was deleted), and `COUNT(*)` over the same query runs only when asked: folded
 * into a page's statement, capped or estimated as `count` says (docs/counts.md). Field types come
 * from `fields` (declared, or read from the database with `kyselyFields`).
 */
export function kyselySource<DB, TB extends keyof DB, O extends object>(
  query: SelectQueryBuilder<DB, TB, O>,
  options: KyselySourceOptions<DB>,
): PageSource<O> {
  const rows = kyselyRows<DB, TB, O>(query, options, 'kyselySource');
  const { ordering, dialect, windowed, run, db } = rows;
  /** The list's `select 1 from (<query>) as "e" where …`, which the count strategies wrap and the probe asks. */
  const listed = (where: readonly SqlCondition[], limit?: number) =>
    windowed({ where, select: [{ sql: '1', params: [] }], only: true, ...(limit !== undefined && { limit }) });
  return sqlPageSource<O>({
    ordering,
    count: async () => {
      const [row] = await run('count', () =>
        db
          .selectFrom(query.as('e') as never)
          .select(sql<number | string | bigint>`count(*)`.as('pw_count'))
          .execute(),
      );
      return Number((row as { pw_count?: unknown } | undefined)?.pw_count ?? 0);
    },
    // A statement of its own: the wrappers add no parameter, so the compiled text keeps its numbering.
    countWith: (strategy) =>
      strategyCount(strategy, dialect.name, async (wrap, limit) => {
        const rowsSql = listed([], limit);
        return (
          await run('count', () => db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(wrap(rowsSql.sql), [...rowsSql.parameters])))
        ).rows;
      }),
    foldsCount: true,
    exists: async (conditions) => {
      const found = await run('page', () => db.executeQuery(listed(conditions, 1)));
      return found.rows.length > 0;
    },
    run: async (page) => {
      const at = page.at ? atSelect(page.at, dialect.quote) : null;
      const { rows: raw } = await run('page', () =>
        db.executeQuery<Record<string, unknown>>(
          windowed({
            where: page.conditions,
            select: [...page.texts.map(({ select }) => ({ sql: select, params: [] })), ...(at ? [at] : [])],
            orderBy: ordering.orderBy(page.ordering, page.reversed),
            limit: page.limit,
            offset: page.offset,
            total: page.total === true,
            ...(page.deferred && { deferred: page.deferred }),
          }),
        ),
      );
      const found = rows.rows(
        raw,
        page.texts.map(({ field }) => field),
        [...(at ? [AT_COLUMN] : []), ...(page.total ? [FOLDED_COUNT_COLUMN] : [])],
      );
      return { rows: found, ...(at && { firstAt: firstAt(raw) }), ...(page.total && { total: readFoldedCount(raw) }) };
    },
    keyOf: rows.valueOf,
    plainRows: true,
  });
}
