// A whole-table walk by cursor while another connection inserts and deletes rows: no row comes back
// twice, and no row that existed throughout the walk is skipped (exact mode, forward and backward).
import { EntitySchema } from '@mikro-orm/core';
import { cursorPagination, paginateRelay, type CursorPage } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { describeDatabase, openTestDatabase, type TestDatabase } from '../../support/databases';

interface Item {
  id: number;
  score: number | null;
  created: Date;
}

const ItemEntity = new EntitySchema<Item>({
  name: 'Item',
  tableName: 'item',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    score: { type: 'integer', nullable: true },
    created: { type: 'datetime' },
  },
});

const ORIGINALS = 600;
const EPOCH = Date.UTC(2024, 0, 1);

function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
}

const item = (id: number, pick: (n: number) => number): Item => ({
  id,
  score: pick(5) === 0 ? null : pick(20),
  created: new Date(EPOCH + pick(50) * 1000),
});

describe.each(['postgresql', 'mariadb', 'sqlite'] as const)('concurrent walk on %s', (dialect) => {
  describeDatabase(dialect, `a cursor walk on ${dialect} while rows come and go`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      // SQLite in memory is one connection, so there the writer's statements interleave with the walk's.
      db = await openTestDatabase(dialect, { entities: [ItemEntity], captureSql: false });
    });
    afterAll(async () => db?.close());

    it.each(['forward', 'backward'] as const)('walking %s returns no row twice and skips none that stayed', async (direction) => {
      const em = db.orm.em.fork();
      await em.nativeDelete(ItemEntity, {});
      const pick = random(direction === 'forward' ? 11 : 29);
      for (let id = 1; id <= ORIGINALS; id += 1) em.create(ItemEntity, item(id, pick));
      await em.flush();

      const deletedOriginals = new Set<number>();
      let inserted = 0;
      let done = false;
      const writer = (async () => {
        let next = 10_000;
        const born: number[] = [];
        while (!done) {
          const fork = db.orm.em.fork();
          for (let i = 0; i < 3; i += 1) {
            fork.create(ItemEntity, item(next, pick));
            born.push(next);
            next += 1;
            inserted += 1;
          }
          await fork.flush();
          const victims = [born.splice(pick(born.length), 1)[0]!, 1 + pick(ORIGINALS)];
          await fork.nativeDelete(ItemEntity, { id: { $in: victims } });
          deletedOriginals.add(victims[1]!);
        }
      })();

      const pagination = cursorPagination({ pageSize: 25, ordering: ['-score', 'created'] });
      const seen: number[] = [];
      try {
        let cursor: string | null = null;
        for (let step = 0; step < 200; step += 1) {
          const source = mikroOrmSource<Item>(db.orm.em.fork(), ItemEntity);
          const page: CursorPage<Item> =
            direction === 'forward'
              ? await paginateRelay(source, pagination, { first: 25, after: cursor })
              : await paginateRelay(source, pagination, { last: 25, before: cursor });
          seen.push(...page.items.map((row) => row.id));
          cursor = direction === 'forward' ? page.endCursor : page.startCursor;
          if (!(direction === 'forward' ? page.hasNext : page.hasPrevious)) break;
          // Let the writer in between pages as well as during them.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        done = true;
        await writer;
      }

      expect(inserted).toBeGreaterThan(0);
      expect(seen.length).toBe(new Set(seen).size);
      const stayed = Array.from({ length: ORIGINALS }, (_, index) => index + 1).filter((id) => !deletedOriginals.has(id));
      const seenSet = new Set(seen);
      expect(stayed.filter((id) => !seenSet.has(id))).toEqual([]);
    });
  });
});
