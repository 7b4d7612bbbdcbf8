// Parent keys that name one parent in different types (1, '1', 1n) get that parent's rows once each,
// as rows are grouped by the key's text; and a batch of more parents than SQLite's 500 compound terms,
// each seeking from its own bound, still gets each parent's own window.
import { EntitySchema } from '@mikro-orm/core';
import { runBatch } from 'pagewise/internal';
import { mikroOrmBatchSource, type BatchStrategy, type ParentKey } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Leaf {
  id: number;
  parent: number;
}

const LeafEntity = new EntitySchema<Leaf>({
  name: 'Leaf',
  tableName: 'leaf',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
  },
});

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM batch parent keys on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `batch parent keys on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [LeafEntity], captureSql: false });
      const em = db.orm.em.fork();
      for (let id = 1; id <= 6; id += 1) em.create(LeafEntity, { id, parent: id <= 3 ? 1 : 2 });
      // Parents 100..699 with four leaves each: ids 1000p .. 1000p + 3.
      for (let parent = 100; parent < 700; parent += 1)
        for (let n = 0; n < 4; n += 1) em.create(LeafEntity, { id: parent * 1000 + n, parent });
      await em.flush();
    });
    afterAll(() => db?.close());

    const keys: ParentKey[] = [1, '1', 1n, 2];
    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    it.each(strategies)('keys equal as text but of different types get their rows once (%s)', async (strategy) => {
      const batch = mikroOrmBatchSource(db.orm.em.fork(), LeafEntity, { key: 'parent', strategy });
      const pages = await batch.sliceMany(keys, 0, 10);
      expect(pages.map((rows) => rows.map((row) => row.id))).toEqual([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
        [4, 5, 6],
      ]);
      expect(await batch.countMany(keys)).toEqual([3, 3, 3, 3]);
      const request = { ordering: [{ field: 'id', descending: false }], direction: 'forward' as const, offset: 0, limit: 10 };
      const seeks = await batch.seekMany(keys.map((key) => ({ key, request })));
      expect(seeks.map((result) => result.rows.map((row) => row.id))).toEqual([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2, 3],
        [4, 5, 6],
      ]);
    });

    it.each(strategies)('600 parents, each from its own bound, get their own windows in one call (%s)', async (strategy) => {
      const batch = mikroOrmBatchSource(db.orm.em.fork(), LeafEntity, { key: 'parent', strategy });
      const parents = Array.from({ length: 600 }, (_, index) => 100 + index);
      const ordering = [{ field: 'id', descending: false }];
      // Parent p continues after its leaf p % 3: a bound per parent, three distinct offsets into it.
      const seeks = await batch.seekMany(
        parents.map((key) => ({
          key,
          request: {
            ordering,
            direction: 'forward' as const,
            offset: 0,
            limit: 2,
            after: { kind: 'key' as const, values: [key * 1000 + (key % 3)] },
          },
        })),
      );
      expect(seeks.map((result) => result.rows.map((row) => row.id))).toEqual(
        parents.map((key) => [key * 1000 + (key % 3) + 1, key * 1000 + (key % 3) + 2].filter((id) => id < key * 1000 + 4)),
      );
    });

    it.each(strategies)('a parent asked at two offsets under keys 1 and "1" gets each window (%s)', async (strategy) => {
      const batch = mikroOrmBatchSource(db.orm.em.fork(), LeafEntity, { key: 'parent', strategy });
      const answers = await runBatch(batch, [
        { kind: 'slice', key: 100, offset: 0, limit: 2 },
        { kind: 'slice', key: '100', offset: 2, limit: 2 },
      ]);
      expect(answers).toEqual([
        [expect.objectContaining({ id: 100_000 }), expect.objectContaining({ id: 100_001 })],
        [expect.objectContaining({ id: 100_002 }), expect.objectContaining({ id: 100_003 })],
      ]);
    });

    it.each(strategies)('600 parents at 600 different offsets get their own slices (%s)', async (strategy) => {
      const batch = mikroOrmBatchSource(db.orm.em.fork(), LeafEntity, { key: 'parent', strategy });
      const parents = Array.from({ length: 600 }, (_, index) => 100 + index);
      // Parent p from offset (p - 100) % 5 ... and from every other offset up to 599 (past its four rows).
      const offsetOf = (parent: number) => (parent < 110 ? parent % 5 : parent - 100);
      const pages = await batch.sliceEach!(
        parents.map((key) => ({ key, offset: offsetOf(key) })),
        2,
      );
      expect(pages.map((rows) => rows.map((row) => row.id))).toEqual(
        parents.map((key) => [0, 1].map((n) => key * 1000 + offsetOf(key) + n).filter((id) => id < key * 1000 + 4)),
      );
    });
  });
});
