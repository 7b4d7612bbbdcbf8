// The SQL drizzleSource sends, captured by Drizzle's logger on each database: one statement a page
// (LIMIT/OFFSET, or a keyset WHERE with no OFFSET), COUNT only when asked, the probe in the page's
// own statement; sub-millisecond datetimes keyed by the database's text through a cast.
import { sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pgc from 'drizzle-orm/pg-core';
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  type CursorPage,
  type PageSource,
} from 'pagewise';
import { drizzleSource, type DrizzleDatabase, type DrizzleQuery } from 'pagewise/drizzle';
import { CONTRACT_ROWS, type ContractRow } from 'pagewise/testing';
import { describeDatabase, type Dialect } from '../../support/databases';
import { openDrizzle, type DrizzleTestDatabase } from './drizzle-databases';

const stamps = {
  postgresql: pgc.pgTable('stamp', {
    id: pgc.integer('id').primaryKey(),
    created: pgc.timestamp('created', { withTimezone: true }).notNull(),
  }),
  mariadb: my.mysqlTable('stamp', { id: my.int('id').primaryKey(), created: my.datetime('created', { fsp: 6 }).notNull() }),
};

describe.each(['sqlite', 'postgresql', 'mariadb'] as const)('drizzleSource SQL on %s', (dialect: Dialect) => {
  describeDatabase(dialect, `SQL on ${dialect}`, () => {
    let db: DrizzleTestDatabase;
    beforeAll(async () => {
      db = await openDrizzle(dialect);
      await db.fill(CONTRACT_ROWS);
    });
    afterAll(() => db?.close());
    beforeEach(() => {
      db.queries.length = 0;
    });

    const source = (options: { ordering?: string } = {}): PageSource<ContractRow> =>
      drizzleSource(db.db, db.dataset('mixed'), {
        ...options,
        ...(dialect === 'sqlite' ? { fieldTypes: { rank: 'bigint' } } : {}),
      }) as PageSource<ContractRow>;

    it('a page-number page is one LIMIT/OFFSET statement over the query, with the primary key as tiebreaker; COUNT only when asked', async () => {
      const page = await paginatePageNumber(source({ ordering: '-created' }), pageNumberPagination({ pageSize: 5 }), { page: '3' });
      expect(page?.items).toHaveLength(5);
      expect(db.queries).toHaveLength(1);
      expect(db.queries[0]).toMatch(
        /from \(select .* where .*dataset.* = .*\) as [`"]e[`"] order by [`"]e[`"]\.[`"]created[`"] desc, [`"]e[`"]\.[`"]id[`"] desc limit \S+ offset \S+$/,
      );
      expect(db.queries[0]).not.toMatch(/count\(/i);
      db.queries.length = 0;
      const counted = await paginatePageNumber(source(), pageNumberPagination({ pageSize: 5 }), {}, { withCount: true });
      expect(await counted?.count()).toBe(37);
      expect(db.queries.filter((query) => /count\(\*\)/.test(query))).toHaveLength(1);
      expect(db.queries).toHaveLength(2);
    });

    it('a limit-offset window is LIMIT n+1 OFFSET k', async () => {
      const page = await paginateLimitOffset(source(), limitOffsetPagination({ defaultLimit: 3 }), { limit: '4', offset: '10' });
      expect(page?.items.map((row) => row.id)).toHaveLength(4);
      expect(db.queries).toHaveLength(1);
      expect(db.queries[0]).toMatch(/limit \S+ offset \S+$/);
    });

    /** The one statement of an exact cursor page after the first, in `ordering`. */
    const secondPageStatement = async (ordering: string): Promise<string | undefined> => {
      const pagination = cursorPagination({ pageSize: 4, ordering });
      const first = await paginateCursor(source(), pagination, {});
      db.queries.length = 0;
      const second = await paginateCursor(source(), pagination, { cursor: first!.nextCursor });
      expect(second?.items).toHaveLength(4);
      expect(second?.hasPrevious).toBe(true);
      expect(db.queries).toHaveLength(1);
      return db.queries[0];
    };

    it('an exact cursor page is one keyset statement with no OFFSET, the cursor row told by its key (or flagged, SQLite)', async () => {
      const query = await secondPageStatement('-created');
      const column = (name: string) => `[\`"]e[\`"]\\.[\`"]${name}[\`"]`;
      // PostgreSQL and SQLite compare row values; MariaDB the expanded form its index can seek.
      expect(query).toMatch(
        dialect === 'mariadb'
          ? new RegExp(
              `${column('created')} <= \\S+ and .*${column('created')} < \\S+ or .*${column('created')} = \\S+ and .*${column('id')} < `,
            )
          : new RegExp(`\\(${column('created')}, ${column('id')}\\) <= \\(\\S+, \\S+\\)`),
      );
      // Datetimes to the millisecond and integers are equal in JavaScript exactly when SQL says so;
      // SQLite keeps datetimes as text, so SQL flags the cursor's row there.
      if (dialect === 'sqlite') expect(query).toMatch(/case when .* then 1 else 0 end/);
      else expect(query).not.toMatch(/case when/);
      expect(query).not.toMatch(/offset/);
    });

    it('a cursor page ordered by text flags the cursor row in SQL (collations decide what is equal)', async () => {
      expect(await secondPageStatement('title')).toMatch(/case when .* then 1 else 0 end/);
    });

    it('a cursor whose row was deleted asks one more statement for the rows behind it', async () => {
      const pagination = cursorPagination({ pageSize: 3, ordering: 'id' });
      const view = (of: DrizzleQuery) => drizzleSource(db.db, of) as PageSource<ContractRow>;
      // Rows 1..37 of `mixed` without id 10: the cursor of row 10 names a row the query does not hold.
      const holes = db.select((table) => sql`${table.dataset} = 'mixed' and ${table.id} <> 10`);
      const all = await paginateRelay(view(db.dataset('mixed')), pagination, { first: 10 });
      db.queries.length = 0;
      const page = await paginateRelay(view(holes), pagination, { first: 3, after: all.endCursor! });
      expect(page.items.map((row) => row.id)).toEqual([11, 12, 13]);
      expect(page.hasPrevious).toBe(true);
      expect(db.queries).toHaveLength(2);
      expect(db.queries[1]).toMatch(/select 1 from .* limit \S+$/);
    });

    it("a selection with nested objects pages through Drizzle's builder, the rows as Drizzle maps them", async () => {
      const table = db.table as typeof db.table & Record<string, unknown>;
      const nested = (db.db as unknown as { select(fields: object): { from(table: unknown): { where(condition: unknown): DrizzleQuery } } })
        .select({ id: table['id'], created: table['created'], more: { title: table['title'], rank: table['rank'] } })
        .from(table)
        .where(sql`${table['dataset']} = 'mixed'`);
      const flat = await paginateRelay(source({ ordering: 'created' }), cursorPagination({ pageSize: 5, ordering: 'created' }), {
        first: 5,
      });
      db.queries.length = 0;
      const pagination = cursorPagination({ pageSize: 5, ordering: 'created' });
      const first = await paginateRelay(drizzleSource(db.db, nested), pagination, { first: 5 });
      const second = await paginateRelay(drizzleSource(db.db, nested), pagination, { first: 5, after: first.endCursor! });
      const ids = (page: { items: readonly unknown[] }) => page.items.map((row) => (row as { id: number }).id);
      expect(ids(first)).toEqual(flat.items.map((row) => row.id));
      expect(second.hasPrevious).toBe(true);
      expect(ids(second)).not.toContain(ids(first)[4]);
      const [row] = first.items as Array<{ more: { title: string; rank: bigint } }>;
      expect(row!.more).toEqual({ title: flat.items[0]!.title, rank: flat.items[0]!.rank });
      // Drizzle's builder names the columns; a flat selection's page selects "e".*.
      expect(db.queries.every((query) => !/select [`"]e[`"]\.\*/.test(query))).toBe(true);
    });

    it("a selection with an SQL field of its own decoder pages through Drizzle's builder, decoded", async () => {
      const table = db.table as typeof db.table & Record<string, unknown>;
      const decoded = (
        db.db as unknown as { select(fields: object): { from(table: unknown): { where(condition: unknown): DrizzleQuery } } }
      )
        .select({
          id: table['id'],
          created: table['created'],
          label: sql`${table['title']}`.mapWith((text: unknown) => `<${String(text)}>`).as('label'),
        })
        .from(table)
        .where(sql`${table['dataset']} = 'mixed'`);
      const page = await paginateRelay(drizzleSource(db.db, decoded), cursorPagination({ pageSize: 3, ordering: 'created' }), { first: 3 });
      const flat = await paginateRelay(source({ ordering: 'created' }), cursorPagination({ pageSize: 3, ordering: 'created' }), {
        first: 3,
      });
      expect(page.items.map((row) => (row as { label: string }).label)).toEqual(flat.items.map((row) => `<${row.title}>`));
    });

    it('a forged cursor value the column cannot hold is INVALID_CURSOR before any SQL', async () => {
      const rows = source();
      for (const values of [
        [2 ** 70, 1],
        ['x\u0000', 1],
      ]) {
        const ordering = [
          { field: typeof values[0] === 'number' ? 'score' : 'title', descending: false },
          { field: 'id', descending: false },
        ];
        await expect(
          rows.seek({ ordering, direction: 'forward', offset: 0, limit: 3, after: { kind: 'key', values } }),
        ).rejects.toMatchObject({
          code: 'INVALID_CURSOR',
        });
      }
      expect(db.queries).toEqual([]);
    });

    // SQLite keeps epoch milliseconds in the contract's table: nothing finer to key.
    if (dialect !== 'sqlite') {
      describe('sub-millisecond datetimes', () => {
        const table = dialect === 'postgresql' ? stamps.postgresql : stamps.mariadb;
        beforeAll(async () => {
          await db.exec(
            dialect === 'postgresql'
              ? 'create table stamp (id integer primary key, created timestamptz not null)'
              : 'create table stamp (id int primary key, created datetime(6) not null)',
          );
          const zone = dialect === 'postgresql' ? '+00' : '';
          await db.exec(
            `insert into stamp (id, created) values ${[1, 2, 3, 4, 5].map((id) => `(${id}, '2024-01-01 00:00:00.000${id}00${zone}')`).join(', ')}`,
          );
        });
        const stampSource = () => drizzleSource(db.db as DrizzleDatabase, table);

        it.each([
          ['created', 'forward', [1, 2, 3, 4, 5]],
          ['created', 'backward', [1, 2, 3, 4, 5]],
          ['-created', 'forward', [5, 4, 3, 2, 1]],
          ['-created', 'backward', [5, 4, 3, 2, 1]],
        ] as const)('ordered by %s, walking %s, every row comes once', async (ordering, direction, expected) => {
          const pagination = cursorPagination({ pageSize: 2, ordering });
          const ids: number[] = [];
          let cursor: string | null = null;
          for (let step = 0; step < 10; step += 1) {
            const page: CursorPage<{ id: number }> =
              direction === 'forward'
                ? await paginateRelay(stampSource(), pagination, { first: 2, ...(cursor ? { after: cursor } : {}) })
                : await paginateRelay(stampSource(), pagination, { last: 2, ...(cursor ? { before: cursor } : {}) });
            const got = page.items.map((row) => row.id);
            ids.push(...(direction === 'forward' ? got : got.reverse()));
            if (!(direction === 'forward' ? page.hasNext : page.hasPrevious)) break;
            cursor = direction === 'forward' ? page.endCursor : page.startCursor;
          }
          expect(direction === 'backward' ? ids.reverse() : ids).toEqual(expected);
          expect(db.queries.join('\n')).toMatch(dialect === 'postgresql' ? /cast\(\S+ as timestamptz\)/ : /cast\(\S+ as datetime\(6\)\)/);
        });
      });
    }
  });
});
