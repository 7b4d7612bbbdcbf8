// Formula properties come with batched rows in every strategy, as they do with em.find (SQLite's
// lateral strategy reads the table itself, so it selects them on its own).
import { EntitySchema } from '@mikro-orm/core';
import { mikroOrmBatchSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Priced {
  id: number;
  parent: number;
  score: number;
  doubled?: number;
}

const PricedEntity = new EntitySchema<Priced>({
  name: 'Priced',
  tableName: 'priced',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    score: { type: 'integer' },
    doubled: { type: 'integer', formula: (table) => `${String(table)}.score * 2`, nullable: true },
  },
});

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM batch formulas on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `batch formulas on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [PricedEntity], captureSql: false });
      const em = db.orm.em.fork();
      for (let id = 1; id <= 6; id += 1) em.create(PricedEntity, { id, parent: (id % 2) + 1, score: id * 10 });
      await em.flush();
    });
    afterAll(() => db?.close());

    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    it.each(strategies)('batched rows carry their formula properties (%s)', async (strategy) => {
      const batch = mikroOrmBatchSource(db.orm.em.fork(), PricedEntity, { key: 'parent', strategy });
      const pages = await batch.sliceMany([1, 2], 0, 2);
      expect(pages.map((rows) => rows.map((row) => [row.id, Number(row.doubled)]))).toEqual([
        [
          [2, 40],
          [4, 80],
        ],
        [
          [1, 20],
          [3, 60],
        ],
      ]);
      const [seek] = await batch.seekMany([
        {
          key: 1,
          request: {
            ordering: [{ field: 'id', descending: false }],
            direction: 'forward',
            offset: 0,
            limit: 5,
            after: { kind: 'key', values: [2] },
          },
        },
      ]);
      expect(seek!.rows.map((row) => [row.id, Number(row.doubled)])).toEqual([
        [4, 80],
        [6, 120],
      ]);
    });
  });
});
