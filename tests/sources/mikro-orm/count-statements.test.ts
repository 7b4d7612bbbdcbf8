// The count strategies on the MikroORM source, on every database (tests/support/count-strategy-suite.ts):
// the SQL each one sends (folded: one statement, the count a subquery of it; capped: a count over
// `limit N+1`; estimated: PostgreSQL's EXPLAIN) and what it reports; a QueryBuilder source's own.
import { EntitySchema } from '@mikro-orm/core';
import { limitOffsetPagination, paginate, type Page } from 'pagewise';
import { mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import { COUNTED_ITEMS, countStrategySuite, type CountedItem, type CountedRig } from '../../support/count-strategy-suite';
import { openTestDatabase, type TestDatabase } from '../../support/databases';

const ItemEntity = new EntitySchema<CountedItem>({
  name: 'CountedItem',
  tableName: 'counted_item',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    kind: { type: 'string', length: 8 },
  },
});

const TOTAL = COUNTED_ITEMS.filter((item) => item.kind === 'a').length;

const statements = (db: TestDatabase): string[] =>
  db.queries.map((line) => line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, ''));

const paged = (page: Awaited<ReturnType<typeof paginate>>): Page<unknown> => {
  if (page.style === 'whole') throw new Error('expected a page');
  return page;
};

interface MikroRig extends CountedRig {
  readonly db: TestDatabase;
}

countStrategySuite<MikroRig>(
  'MikroORM',
  async (dialect) => {
    const db = await openTestDatabase(dialect, { entities: [ItemEntity] });
    const em = db.orm.em.fork();
    for (const item of COUNTED_ITEMS) em.create(ItemEntity, { ...item });
    await em.flush();
    // The planner's statistics, as autovacuum would gather them on a real table.
    if (dialect === 'postgresql') await em.getConnection().execute(`analyze "${db.namespace}"."counted_item"`);
    return {
      db,
      source: (aboveFour = false, deferredOffset?: number) =>
        mikroOrmSource(db.orm.em.fork(), ItemEntity, {
          where: aboveFour ? { kind: 'a', id: { $gt: 4 } } : { kind: 'a' },
          ordering: 'id',
          ...(deferredOffset !== undefined && { deferredOffset }),
        }),
      statements: () => statements(db),
      reset: () => {
        db.queries.length = 0;
      },
      close: () => db.close(),
    };
  },
  (rig) => {
    it('caps over a QueryBuilder source, and counts its folded page apart (its own builder runs the page)', async () => {
      const { db } = rig();
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
  },
);
