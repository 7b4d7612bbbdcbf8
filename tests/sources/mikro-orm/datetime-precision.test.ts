// Datetime columns finer than a millisecond (PostgreSQL timestamps, MariaDB datetime(6)): a JS Date
// rounds them, so cursors key them by the database's own text; every row comes once either way.
import { EntitySchema } from '@mikro-orm/core';
import { batchLoader, cursorPagination, keyedPageSource, paginateRelay, type CursorPage, type PageSource } from 'pagewise';
import { mikroOrmBatchSource, mikroOrmSource, queryBuilderSource, type BatchStrategy } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type Dialect, type TestDatabase } from '../../support/databases';

interface Stamp {
  id: number;
  parent: number;
  created: Date;
}

const StampEntity = new EntitySchema<Stamp>({
  name: 'Stamp',
  tableName: 'stamp',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    parent: { type: 'integer' },
    created: { type: 'datetime', length: 6 },
  },
});

interface Coarse {
  id: number;
  created: Date;
}

/** Milliseconds at most: a JS Date holds it, so its cursors keep Date values. */
const CoarseEntity = new EntitySchema<Coarse>({
  name: 'Coarse',
  tableName: 'coarse',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    created: { type: 'datetime', length: 3 },
  },
});

/** Rows 1..5 at .000100 … .000500 of the same millisecond, written as SQL text (a Date cannot hold them). */
async function fill(db: TestDatabase): Promise<void> {
  const table = db.dialect === 'postgresql' ? `"${db.namespace!}"."stamp"` : '`stamp`';
  const zone = db.dialect === 'postgresql' ? '+00' : '';
  const values = [1, 2, 3, 4, 5].map((id) => `(${id}, 1, '2024-01-01 00:00:00.000${id}00${zone}')`).join(', ');
  await db.orm.em.getConnection().execute(`insert into ${table} (id, parent, created) values ${values}`);
}

type Make = (db: TestDatabase) => PageSource<Stamp>;
const entitySource: Make = (db) => mikroOrmSource(db.orm.em.fork(), StampEntity);
const builderSource: Make = (db) => queryBuilderSource(db.orm.em.fork().createQueryBuilder(StampEntity, 's'));

/** Follows the cursors of `ordering` in one direction to the end, at most 20 pages. */
async function walk(
  db: TestDatabase,
  ordering: string,
  direction: 'forward' | 'backward',
  make: Make = entitySource,
  mode: 'exact' | 'drf' = 'exact',
): Promise<number[]> {
  const pagination = cursorPagination({ pageSize: 2, ordering, mode });
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const source = make(db);
    const page: CursorPage<Stamp> =
      direction === 'forward'
        ? await paginateRelay(source, pagination, { first: 2, ...(cursor ? { after: cursor } : {}) })
        : await paginateRelay(source, pagination, { last: 2, ...(cursor ? { before: cursor } : {}) });
    const got = page.items.map((row) => row.id);
    ids.push(...(direction === 'forward' ? got : got.reverse()));
    const more = direction === 'forward' ? page.hasNext : page.hasPrevious;
    if (!more) return ids;
    cursor = direction === 'forward' ? page.endCursor : page.startCursor;
  }
  return ids;
}

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('MikroORM sub-millisecond datetimes on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `sub-millisecond datetimes on ${dialect}`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await openTestDatabase(dialect, { entities: [StampEntity, CoarseEntity] });
      if (dialect === 'sqlite') {
        const em = db.orm.em.fork();
        for (let id = 1; id <= 5; id += 1) em.create(StampEntity, { id, parent: 1, created: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, id)) });
        await em.flush();
      } else {
        await fill(db);
      }
    });
    afterAll(() => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });

    it.each([
      ['created', 'forward', [1, 2, 3, 4, 5]],
      ['created', 'backward', [1, 2, 3, 4, 5]],
      ['-created', 'forward', [5, 4, 3, 2, 1]],
      ['-created', 'backward', [5, 4, 3, 2, 1]],
    ] as const)('sub-millisecond timestamps ordered by %s walk %s, every row once', async (ordering, direction, expected) => {
      const ids = await walk(db, ordering, direction);
      expect(direction === 'backward' ? ids.reverse() : ids).toEqual(expected);
    });

    it('keys microsecond columns by the database text and millisecond columns by Date', () => {
      const em = db.orm.em.fork();
      expect([mikroOrmSource(em, StampEntity).fieldType('created'), mikroOrmSource(em, CoarseEntity).fieldType('created')]).toEqual(
        dialect === 'sqlite' ? ['date', 'date'] : ['string', 'date'],
      );
    });

    // SQLite keeps epoch milliseconds: nothing to cast there.
    if (dialect !== 'sqlite')
      it('compares a sub-millisecond key through a cast to the column type, and a key that is no datetime is INVALID_CURSOR before SQL', async () => {
        const source = mikroOrmSource(db.orm.em.fork(), StampEntity);
        const ordering = [
          { field: 'created', descending: false },
          { field: 'id', descending: false },
        ];
        const request = (created: string) =>
          source.seek({ ordering, direction: 'forward', offset: 0, limit: 3, after: { kind: 'key', values: [created, 2] } });
        db.queries.length = 0;
        const text = dialect === 'postgresql' ? '2024-01-01 00:00:00.0002+00' : '2024-01-01 00:00:00.000200';
        expect((await request(text)).rows.map((row) => row.id)).toEqual([3, 4, 5]);
        expect(db.queries.join('\n')).toMatch(dialect === 'postgresql' ? /as timestamptz\)/ : /as datetime\(6\)\)/);
        db.queries.length = 0;
        for (const forged of ['yesterday', '2024-01-01', "2024-01-01 00:00:00' or 1=1 --"]) {
          await expect(request(forged)).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
        }
        expect(db.queries).toEqual([]);
      });

    it.each([
      ['a QueryBuilder source', builderSource, 'exact'],
      ['DRF-mode cursors', entitySource, 'drf'],
    ] as const)('sub-millisecond timestamps walk through %s, every row once', async (_, make, mode) => {
      expect(await walk(db, 'created', 'forward', make, mode)).toEqual([1, 2, 3, 4, 5]);
      expect(await walk(db, '-created', 'forward', make, mode)).toEqual([5, 4, 3, 2, 1]);
    });

    const strategies: BatchStrategy[] = dialect === 'mariadb' ? ['union', 'window'] : ['lateral', 'union', 'window'];
    it.each(strategies)('a batch of parents walks sub-millisecond timestamps, every row once (%s)', async (strategy) => {
      const pagination = cursorPagination({ pageSize: 2, ordering: 'created' });
      const ids: number[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const batch = mikroOrmBatchSource(db.orm.em.fork(), StampEntity, { key: 'parent', strategy });
        const page: CursorPage<Stamp> = await paginateRelay(keyedPageSource(batch, batchLoader(batch), 1), pagination, {
          first: 2,
          ...(after ? { after } : {}),
        });
        ids.push(...page.items.map((row) => row.id));
        if (!page.hasNext) break;
        after = page.endCursor;
      }
      expect(ids).toEqual([1, 2, 3, 4, 5]);
    });
  });
});
