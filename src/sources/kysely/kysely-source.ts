import { sql, type SelectQueryBuilder } from 'kysely';
import type { PageSource } from '../../core/internal';
import { AT_COLUMN, atSelect, firstAt, sqlPageSource } from '../sql/page-source';
import { kyselyRows, type KyselySourceOptions } from './rows';

/**
 * A PageSource over a Kysely select query: every page wraps it as a subquery
 * (`select "e".* from (<query>) as "e" where <keyset> order by … limit n+1 offset k`; two when a
 * cursor's own row was deleted), and `COUNT(*)` over the same query runs only when asked. Field
 * types come from `fields` (declared, or read from the database with `kyselyFields`).
 */
export function kyselySource<DB, TB extends keyof DB, O extends object>(
  query: SelectQueryBuilder<DB, TB, O>,
  options: KyselySourceOptions<DB>,
): PageSource<O> {
  const rows = kyselyRows<DB, TB, O>(query, options, 'kyselySource');
  const { ordering, dialect, windowed, run, db } = rows;
  return {
    ...sqlPageSource<O>({
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
      exists: async (conditions) => {
        const found = await run('page', () =>
          db.executeQuery(windowed({ where: conditions, select: [{ sql: '1', params: [] }], only: true, limit: 1 })),
        );
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
            }),
          ),
        );
        const found = rows.rows(
          raw,
          page.texts.map(({ field }) => field),
          at ? [AT_COLUMN] : [],
        );
        return at ? { rows: found, firstAt: firstAt(raw) } : { rows: found };
      },
    }),
    valueOf: rows.valueOf,
  };
}
