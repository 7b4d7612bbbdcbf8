// The count strategies of a builder's source (Kysely, Drizzle) on every database, as the MikroORM
// suite checks them (tests/sources/mikro-orm/count-statements.test.ts): the statements each one sends,
// counted in the builder's own log, and the count it reports, in core and through REST.
import { limitOffsetPagination, pageNumberPagination, paginate, type Page, type PageSource } from 'pagewise';
import { restResponse } from 'pagewise/rest';
import type { CountStrategy, PageCount } from '../../src/core/internal';
import { describeDatabase, type Dialect } from './databases';

/** A row of the suite's table `counted_item (id, kind)`. */
export interface CountedItem {
  id: number;
  kind: string;
}

/** 40 rows, 25 of kind `a`: every source's filter is `kind = 'a'` (a bound parameter). */
export const COUNTED_ITEMS: readonly CountedItem[] = Array.from({ length: 40 }, (_, index) => ({
  id: index + 1,
  kind: index % 8 < 5 ? 'a' : 'b',
}));
const TOTAL = COUNTED_ITEMS.filter((item) => item.kind === 'a').length;
/** Kind `a` with `id > 4`: the filter of two parameters. */
const ABOVE_FOUR = COUNTED_ITEMS.filter((item) => item.kind === 'a' && item.id > 4);

/** The DDL and rows of the suite's table, for a database's own client. */
export const countedItemsSql = (dialect: Dialect): readonly string[] => [
  `create table counted_item (id ${dialect === 'mariadb' ? 'int' : 'integer'} primary key, kind varchar(8) not null)`,
  `insert into counted_item (id, kind) values ${COUNTED_ITEMS.map((item) => `(${item.id}, '${item.kind}')`).join(', ')}`,
  // The planner's statistics, as autovacuum would gather them on a real table.
  ...(dialect === 'postgresql' ? ['analyze counted_item'] : []),
];

/** A builder's test database with the suite's table: its sources and the statements it logged. */
export interface CountedRig {
  /**
   * The source of `kind = 'a'` ordered by id; with `aboveFour`, also `id > 4` (two parameters); with
   * `deferredOffset`, that option of the source (deep slices read their keys first).
   */
  readonly source: (aboveFour?: boolean, deferredOffset?: number) => PageSource<CountedItem>;
  /** Every statement the builder logged since the last {@link CountedRig.reset}. */
  readonly statements: () => readonly string[];
  readonly reset: () => void;
  close(): Promise<void>;
}

const paged = (page: Awaited<ReturnType<typeof paginate>>): Page<unknown> => {
  if (page.style === 'whole') throw new Error('expected a page');
  return page;
};

const ids = (page: Page<unknown>): number[] => (page.items as CountedItem[]).map((item) => Number(item.id));

/**
 * The suite of `builder`'s source on SQLite, PostgreSQL and MariaDB, each opened by `open`; `more`
 * adds a builder's own tests on the same rig.
 */
export function countStrategySuite<R extends CountedRig>(
  builder: string,
  open: (dialect: Dialect) => Promise<R>,
  more?: (rig: () => R, dialect: Dialect) => void,
): void {
  describe.each(['sqlite', 'postgresql', 'mariadb'] as const)(`${builder} count strategies on %s`, (dialect: Dialect) => {
    describeDatabase(dialect, `${builder} count strategies on ${dialect}`, () => {
      let rig: R;
      beforeAll(async () => {
        rig = await open(dialect);
      });
      afterAll(async () => rig?.close());
      beforeEach(() => rig.reset());

      const estimated = dialect === 'postgresql';
      type Case = readonly [name: string, count: CountStrategy, offset: number, total: PageCount | 'estimate', sql: readonly RegExp[]];
      const cases: readonly Case[] = [
        ['exact', 'exact', 5, { value: TOTAL, kind: 'exact' }, [/^select count\(/i, /limit/i]],
        [
          'folded: one statement',
          'folded',
          5,
          { value: TOTAL, kind: 'exact' },
          [/\(select count\(\*\) from \(select 1 .*\) as pw_rows\) as .pw_total. .* limit/i],
        ],
        ['folded past the end: the separate count', 'folded', 100, { value: TOTAL, kind: 'exact' }, [/as pw_rows/i, /^select count\(/i]],
        [
          'capped below the total',
          { capped: 10 },
          5,
          { value: 10, kind: 'capped' },
          [/^select count\(\*\) as pw_count from \(select 1 .* limit .*\) as pw_capped$/i, /limit/i],
        ],
        ['capped at the total: exact', { capped: TOTAL }, 5, { value: TOTAL, kind: 'exact' }, [/as pw_capped$/i, /limit/i]],
        ['capped above the total', { capped: 100 }, 5, { value: TOTAL, kind: 'exact' }, [/as pw_capped$/i, /limit/i]],
        [
          estimated ? 'estimated: the planner' : 'estimated: exact on this dialect',
          'estimated',
          5,
          estimated ? 'estimate' : { value: TOTAL, kind: 'exact' },
          [estimated ? /^explain \(format json\) select 1 /i : /^select count\(/i, /limit/i],
        ],
      ];

      it.each(cases)('%s', async (_, count, offset, total, sql) => {
        const pagination = limitOffsetPagination({ defaultLimit: 5, count });
        const page = paged(await paginate(rig.source(), pagination, { via: 'query', offset: String(offset) }, { withCount: true }));
        const answer = await page.total();
        if (total === 'estimate') {
          expect(answer.kind).toEqual('estimated');
          expect(answer.value).toBeGreaterThanOrEqual(TOTAL / 2);
          expect(answer.value).toBeLessThanOrEqual(TOTAL * 2);
        } else {
          expect(answer).toEqual(total);
        }
        expect(page.items).toHaveLength(offset < TOTAL ? 5 : 0);
        const ran = rig.statements();
        expect(ran).toHaveLength(sql.length);
        for (const pattern of sql) expect(ran.some((statement) => pattern.test(statement))).toBe(true);
      });

      it('folds a page-number page into one statement, the rows and their values intact', async () => {
        const pagination = pageNumberPagination({ pageSize: 5, count: 'folded' });
        const page = paged(await paginate(rig.source(), pagination, { via: 'query', page: '2' }, { withCount: true }));
        expect(ids(page)).toEqual([9, 10, 11, 12, 13]);
        expect(page.items[0]).not.toHaveProperty('pw_total');
        expect(Object.keys(page.items[0] as object).sort()).toEqual(['id', 'kind']);
        expect(await page.totalPages()).toEqual(5);
        expect(rig.statements()).toHaveLength(1);
      });

      it('binds the folded subquery’s parameters and the page’s own, each where it stands', async () => {
        const pagination = limitOffsetPagination({ defaultLimit: 4, count: 'folded' });
        const page = paged(await paginate(rig.source(true), pagination, { via: 'query', offset: '3' }, { withCount: true }));
        expect(await page.total()).toEqual({ value: ABOVE_FOUR.length, kind: 'exact' });
        expect(ids(page)).toEqual(ABOVE_FOUR.slice(3, 7).map((item) => item.id));
        const [statement, ...others] = rig.statements();
        expect(others).toEqual([]);
        if (dialect !== 'postgresql') return;
        // The subquery's filter is $1, $2; the page's own copy of the filter is $3, $4 or (Kysely, which
        // writes the query once compiled) $1, $2 again; then its limit and offset. Every one is bound.
        const numbers = [...statement!.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
        const folded = statement!.indexOf('as pw_rows');
        expect(statement!.indexOf('$2')).toBeLessThan(folded);
        expect(numbers.slice(0, 2)).toEqual([1, 2]);
        expect([
          [1, 2, 3, 4, 5, 6],
          [1, 2, 1, 2, 3, 4],
        ]).toContainEqual(numbers);
      });

      describe('through REST', () => {
        const body = async (count: CountStrategy): Promise<Record<string, unknown>> => {
          const response = await restResponse(
            { url: '/items/?page=2', headers: { host: 'api.test' } },
            { pagination: pageNumberPagination({ pageSize: 5 }), source: () => rig.source(), count },
          );
          expect(response.status).toBe(200);
          return JSON.parse(response.body) as Record<string, unknown>;
        };

        it('says a capped count is capped, beside DRF’s count', async () => {
          const answer = await body({ capped: 10 });
          expect(Object.keys(answer).slice(0, 2)).toEqual(['count', 'count_capped']);
          expect(answer).toMatchObject({ count: 10, count_capped: true });
          expect(await body({ capped: 100 })).not.toHaveProperty('count_capped');
        });

        it(estimated ? 'says an estimated count is estimated' : 'gives the exact count for an estimate on this dialect', async () => {
          const answer = await body('estimated');
          expect(answer).toMatchObject(estimated ? { count: expect.any(Number), count_estimated: true } : { count: TOTAL });
          expect('count_estimated' in answer).toBe(estimated);
        });

        it('gives a folded count as DRF’s, in one statement', async () => {
          const answer = await body('folded');
          expect(answer).toMatchObject({ count: TOTAL });
          expect(Object.keys(answer)).toEqual(['count', 'next', 'previous', 'results']);
          expect(rig.statements()).toHaveLength(1);
        });
      });

      describe('deep slices read their keys first (deferredOffset)', () => {
        const deferredSql = /in \(select .?pw_k.?\..?id.? from \(select .* limit .* offset .*\) as .?pw_k.?\)/i;
        const slice = async (source: PageSource<CountedItem>, limit: number, offset: number, count?: CountStrategy) => {
          const page = paged(
            await paginate(
              source,
              limitOffsetPagination({ defaultLimit: 4, ...(count && { count }) }),
              {
                via: 'query',
                size: String(limit),
                offset: String(offset),
              },
              { withCount: true },
            ),
          );
          return { ids: ids(page), total: await page.total(), keys: Object.keys(page.items[0] ?? {}).sort() };
        };

        it.each([false, true])('every window equals the plain OFFSET’s (filter of two parameters: %s)', async (aboveFour) => {
          const expected = (aboveFour ? ABOVE_FOUR : COUNTED_ITEMS.filter((item) => item.kind === 'a')).map((item) => item.id);
          for (const [limit, offset] of [
            [4, 1],
            [3, 7],
            [10, 15],
            [5, expected.length - 2],
            [4, expected.length],
            [2, 100],
          ] as const) {
            rig.reset();
            const deferred = await slice(rig.source(aboveFour, 1), limit, offset);
            expect(rig.statements().some((statement) => deferredSql.test(statement))).toBe(true);
            const plain = await slice(rig.source(aboveFour, Infinity), limit, offset);
            expect({ limit, offset, ...deferred }).toEqual({ limit, offset, ...plain });
            expect(deferred.ids).toEqual(expected.slice(offset, offset + limit));
          }
        });

        it('folds the count into a deferred slice, each parameter where it stands', async () => {
          const answer = await slice(rig.source(true, 1), 4, 3, 'folded');
          expect(answer.ids).toEqual(ABOVE_FOUR.slice(3, 7).map((item) => item.id));
          expect(answer.total).toEqual({ value: ABOVE_FOUR.length, kind: 'exact' });
          expect(answer.keys).toEqual(['id', 'kind']);
          const [statement, ...others] = rig.statements();
          expect(others).toEqual([]);
          expect(statement).toMatch(deferredSql);
          expect(statement).toMatch(/as pw_rows/i);
        });

        it('keeps a plain OFFSET below the default of 1,000 rows', async () => {
          await slice(rig.source(), 4, 20);
          expect(rig.statements().some((statement) => deferredSql.test(statement))).toBe(false);
        });
      });

      more?.(() => rig, dialect);
    });
  });
}
