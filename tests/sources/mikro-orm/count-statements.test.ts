// The count strategies on the MikroORM source, on every database: the SQL each one sends (folded:
// one statement, the count a subquery of it; capped: a count over `limit N+1`; estimated: PostgreSQL's EXPLAIN) and what it reports.
import { EntitySchema } from '@mikro-orm/core';
import { limitOffsetPagination, pageNumberPagination, paginate, type Page } from 'pagewise';
import { mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import type { CountStrategy, PageCount } from '../../../src/core/internal';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Item {
  id: number;
  kind: string;
}

const ItemEntity = new EntitySchema<Item>({
  name: 'CountedItem',
  tableName: 'counted_item',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    kind: { type: 'string', length: 8 },
  },
});

/** 40 rows, 25 of kind `a`: the source's filter is `kind = 'a'`. */
const ITEMS: readonly Item[] = Array.from({ length: 40 }, (_, index) => ({ id: index + 1, kind: index % 8 < 5 ? 'a' : 'b' }));
const TOTAL = ITEMS.filter((item) => item.kind === 'a').length;

const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

const paged = (page: Awaited<ReturnType<typeof paginate>>): Page<unknown> => {
  if (page.style === 'whole') throw new Error('expected a page');
  return page;
};

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('count strategies on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `count strategies on ${dialect}`, () => {
    let db: TestDatabase;
    const source = () => mikroOrmSource(db.orm.em.fork(), ItemEntity, { where: { kind: 'a' }, ordering: 'id' });

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [ItemEntity] });
      const em = db.orm.em.fork();
      for (const item of ITEMS) em.create(ItemEntity, { ...item });
      await em.flush();
      // The planner's statistics, as autovacuum would gather them on a real table.
      if (dialect === 'postgresql') await em.getConnection().execute(`analyze "${db.namespace}"."counted_item"`);
    });
    afterAll(async () => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });

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
        [/^select count\(\*\) as pw_count from \(select 1 .* limit .*\) as pw_capped/i, /limit/i],
      ],
      ['capped above the total', { capped: 100 }, 5, { value: TOTAL, kind: 'exact' }, [/as pw_capped/i, /limit/i]],
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
      const page = paged(await paginate(source(), pagination, { via: 'query', offset: String(offset) }, { withCount: true }));
      const answer = await page.total();
      if (total === 'estimate') {
        expect(answer.kind).toEqual('estimated');
        expect(answer.value).toBeGreaterThanOrEqual(TOTAL / 2);
        expect(answer.value).toBeLessThanOrEqual(TOTAL * 2);
      } else {
        expect(answer).toEqual(total);
      }
      expect(page.items).toHaveLength(offset < TOTAL ? 5 : 0);
      const ran = statements(db);
      expect(ran).toHaveLength(sql.length);
      for (const pattern of sql) expect(ran.some((statement) => pattern.test(statement))).toBe(true);
    });

    it('folds a page-number page with the rows and their values intact', async () => {
      const pagination = pageNumberPagination({ pageSize: 5, count: 'folded' });
      const page = paged(await paginate(source(), pagination, { via: 'query', page: '2' }, { withCount: true }));
      expect((page.items as Item[]).map((item) => item.id)).toEqual([9, 10, 11, 12, 13]);
      expect(page.items[0]).not.toHaveProperty('pw_total');
      expect(await page.totalPages()).toEqual(5);
      expect(statements(db)).toHaveLength(1);
    });

    it('caps over a QueryBuilder source, and counts its folded page apart (its own builder runs the page)', async () => {
      const qb = () => db.orm.em.fork().createQueryBuilder(ItemEntity, 'i').where({ kind: 'a' });
      const capped = paged(
        await paginate(
          queryBuilderSource(qb()),
          limitOffsetPagination({ defaultLimit: 5, count: { capped: 3 } }),
          { via: 'query' },
          { withCount: true },
        ),
      );
      expect(await capped.total()).toEqual({ value: 3, kind: 'capped' });
      db.queries.length = 0;
      const folded = paged(
        await paginate(
          queryBuilderSource(qb()),
          limitOffsetPagination({ defaultLimit: 5, count: 'folded' }),
          { via: 'query' },
          { withCount: true },
        ),
      );
      expect(await folded.total()).toEqual({ value: TOTAL, kind: 'exact' });
      expect(statements(db)).toHaveLength(2);
    });
  });
});
