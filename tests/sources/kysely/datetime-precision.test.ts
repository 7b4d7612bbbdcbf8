// A `datetime` field declared without its SQL type, over a column finer than milliseconds
// (PostgreSQL's timestamptz, MariaDB's datetime(6)): keyed by the database's text, so a walk over
// rows a few microseconds apart shows every row once, forward and back.
import { cursorPagination, paginateCursor, type CursorPage } from 'pagewise';
import { kyselySource } from 'pagewise/kysely';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openKyselyDatabase, type KyselyTestDatabase } from '../../support/kysely-databases';

interface Tick {
  id: number;
  created: Date | string;
}

const DDL: Record<'postgresql' | 'mariadb', string> = {
  postgresql: 'create table tick (id integer primary key, created timestamptz not null)',
  mariadb: 'create table tick (id int primary key, created datetime(6) not null)',
};

// 30 rows, ten in each of three milliseconds, one microsecond apart, inserted in a shuffled order.
const VALUES = Array.from({ length: 30 }, (_, index) => {
  const id = ((index * 7) % 30) + 1;
  const micros = Math.floor((id - 1) / 10) * 1000 + ((id - 1) % 10);
  return { id, text: `2024-01-01 00:00:00.${String(micros).padStart(6, '0')}` };
});

describe.each(['postgresql', 'mariadb'] as const)('Kysely datetime keys on %s', (dialect: Dialect & keyof typeof DDL) => {
  describeDatabase(dialect, `datetime keys on ${dialect}`, () => {
    let db: KyselyTestDatabase<{ tick: Tick }>;
    beforeAll(async () => {
      db = await openKyselyDatabase<{ tick: Tick }>(dialect);
      await db.exec(DDL[dialect]);
      const zone = dialect === 'postgresql' ? '+00' : '';
      await db.exec(`insert into tick (id, created) values ${VALUES.map(({ id, text }) => `(${id}, '${text}${zone}')`).join(', ')}`);
    });
    afterAll(() => db?.close());

    it.each(['created', '-created'])('a walk ordered by %s shows every row once, and the way back too', async (ordering) => {
      const pagination = cursorPagination({ pageSize: 4, ordering });
      const source = () =>
        kyselySource(db.db.selectFrom('tick').selectAll(), { db: db.db, fields: { id: 'integer', created: 'datetime' } });
      const seen: number[] = [];
      const cursors: Array<string | null> = [];
      let cursor: string | null = null;
      do {
        const page: CursorPage<Tick> | null = await paginateCursor(source(), pagination, { cursor });
        seen.push(...page!.items.map((row) => row.id));
        cursors.push(page!.previousCursor);
        cursor = page!.nextCursor;
      } while (cursor !== null && seen.length <= 40);
      const expected = [...VALUES].sort((a, b) => a.id - b.id).map(({ id }) => id);
      expect(seen).toEqual(ordering === 'created' ? expected : [...expected].reverse());
      // Back from the last page by its previous link: the page before it.
      const back = await paginateCursor(source(), pagination, { cursor: cursors[cursors.length - 1] ?? null });
      expect(back!.items.map((row) => row.id)).toEqual(seen.slice(-6, -2));
    });
  });
});
