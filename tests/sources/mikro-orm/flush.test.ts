// Pending changes are flushed before a count as before a page (MikroORM's AUTO flush mode, as
// em.find and em.count do), once for a page and a count started together.
import { EntitySchema } from '@mikro-orm/core';
import { paginatePageNumber, pageNumberPagination } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Entry {
  id: number;
  parent: number;
}

const EntryEntity = new EntitySchema<Entry>({
  name: 'Entry',
  tableName: 'entry',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
  },
});

const inserts = (db: TestDatabase): string[] => db.queries.filter((line) => /\binsert into\b/i.test(line));

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM flush before count on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `flush before count on ${dialect}`, () => {
    let db: TestDatabase;
    let next = 100;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [EntryEntity] });
      const em = db.orm.em.fork();
      for (let id = 1; id <= 3; id += 1) em.create(EntryEntity, { id, parent: 1 });
      await em.flush();
    });
    afterAll(() => db?.close());

    /** A fork holding one new, unflushed entry, and how many rows the table has with it. */
    const pending = async () => {
      const em = db.orm.em.fork();
      const total = (await em.count(EntryEntity, {})) + 1;
      em.create(EntryEntity, { id: (next += 1), parent: 1 });
      db.queries.length = 0;
      return { em, total };
    };

    it('count() flushes pending changes first, as a page does', async () => {
      const { em, total } = await pending();
      expect(await mikroOrmSource(em, EntryEntity).count()).toBe(total);
      expect(inserts(db)).toHaveLength(1);
    });

    it('count() of a QueryBuilder source flushes pending changes first', async () => {
      const { em, total } = await pending();
      expect(await queryBuilderSource(em.createQueryBuilder(EntryEntity, 'x')).count()).toBe(total);
      expect(inserts(db)).toHaveLength(1);
    });

    it('a page and its count started together flush once and both see the pending row', async () => {
      const { em, total } = await pending();
      const page = await paginatePageNumber(
        mikroOrmSource(em, EntryEntity),
        pageNumberPagination({ pageSize: 1000 }),
        { page: '1' },
        { withCount: true },
      );
      expect({ items: page!.items.length, count: await page!.count() }).toEqual({ items: total, count: total });
      expect(inserts(db)).toHaveLength(1);
    });

    it('a batch count and a batch page started together flush once and both see the pending row', async () => {
      const { em, total } = await pending();
      const batch = mikroOrmBatchSource(em, EntryEntity, { key: 'parent' });
      const [counts, pages] = await Promise.all([batch.countMany([1]), batch.sliceMany([1], 0, 1000)]);
      expect({ count: counts[0], rows: pages[0]!.length }).toEqual({ count: total, rows: total });
      expect(inserts(db)).toHaveLength(1);
    });
  });
});
