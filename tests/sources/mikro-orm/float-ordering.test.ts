// Single-precision float columns (PostgreSQL real, MariaDB FLOAT): a cursor's number is a double, so
// the bound is cast to the column's type; walks by such a column see every row once.
import { EntitySchema } from '@mikro-orm/core';
import { batchLoader, cursorPagination, keyedPageSource, paginateRelay, type CursorPage, type PageSource } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Measure {
  id: number;
  parent: number;
  score: number;
}

const MeasureEntity = new EntitySchema<Measure>({
  name: 'Measure',
  tableName: 'measure',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    score: { type: 'float' },
  },
});

// None of these is exact in binary, so each single-precision value differs from its double.
const scores = [0.1, 0.2, 0.3, 1.1, 2.2, 0.1, 3.3];

async function walk(
  make: () => PageSource<Measure>,
  ordering: string,
  direction: 'forward' | 'backward',
  mode: 'exact' | 'drf',
): Promise<number[]> {
  const pagination = cursorPagination({ pageSize: 2, ordering, mode });
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const page: CursorPage<Measure> =
      direction === 'forward'
        ? await paginateRelay(make(), pagination, { first: 2, ...(cursor ? { after: cursor } : {}) })
        : await paginateRelay(make(), pagination, { last: 2, ...(cursor ? { before: cursor } : {}) });
    const got = page.items.map((row) => row.id);
    ids.unshift(...(direction === 'forward' ? [] : got));
    ids.push(...(direction === 'forward' ? got : []));
    if (!(direction === 'forward' ? page.hasNext : page.hasPrevious)) return ids;
    cursor = direction === 'forward' ? page.endCursor : page.startCursor;
  }
  return ids;
}

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM float ordering on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `float ordering on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [MeasureEntity], captureSql: false });
      const em = db.orm.em.fork();
      scores.forEach((score, index) => em.create(MeasureEntity, { id: index + 1, parent: 1, score }));
      await em.flush();
    });
    afterAll(() => db?.close());

    const byScore = [1, 6, 2, 3, 4, 5, 7];
    it.each([
      ['score', 'forward', 'exact', byScore],
      ['score', 'backward', 'exact', byScore],
      ['-score', 'forward', 'exact', [7, 5, 4, 3, 2, 6, 1]],
      ['-score', 'backward', 'exact', [7, 5, 4, 3, 2, 6, 1]],
      ['score', 'forward', 'drf', byScore],
      ['-score', 'forward', 'drf', [7, 5, 4, 3, 2, 6, 1]],
    ] as const)('a single-precision float ordered by %s walks %s (%s), every row once', async (ordering, direction, mode, expected) => {
      expect(await walk(() => mikroOrmSource(db.orm.em.fork(), MeasureEntity), ordering, direction, mode)).toEqual(expected);
    });

    it('a batch of parents ordered by a single-precision float walks every row once', async () => {
      const make = () => {
        const batch = mikroOrmBatchSource(db.orm.em.fork(), MeasureEntity, { key: 'parent' });
        return keyedPageSource(batch, batchLoader(batch), 1);
      };
      expect(await walk(make, 'score', 'forward', 'exact')).toEqual(byScore);
    });
  });
});
