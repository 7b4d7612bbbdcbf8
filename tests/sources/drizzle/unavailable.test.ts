// A database that is down, or stops answering on an open connection, gives SOURCE_UNAVAILABLE with
// a one-line message (never a driver error or SQL), within the connect timeout or queryTimeout; the
// next page after the database is back succeeds on the same pool.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { drizzle as mysqlDrizzle } from 'drizzle-orm/mysql2';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { cursorPagination, pageNumberPagination, paginateCursor, paginatePageNumber, PaginationError, type PageSource } from 'pagewise';
import { drizzleSource } from 'pagewise/drizzle';
import { CONTRACT_ROWS, type ContractRow } from 'pagewise/testing';
import { describeDatabase, SERVERS } from '../../support/databases';
import { startTcpRelay, type TcpRelay } from '../../support/tcp-relay';
import { contractTables, openDrizzle, type DrizzleTestDatabase } from './drizzle-databases';

/** A port nothing listens on: taken from the OS, then released. */
async function deadPort(): Promise<number> {
  const server = createServer((socket) => socket.destroy());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  server.close();
  await once(server, 'close');
  return address.port;
}

/** A Drizzle database of `dialect` on `port`, and how to close its pool. */
function databaseOn(dialect: 'postgresql' | 'mariadb', port: number) {
  if (dialect === 'postgresql') {
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'test', connectionTimeoutMillis: 1500 });
    return { db: pgDrizzle(pool), table: contractTables.postgresql, close: () => pool.end() };
  }
  const pool = mysql.createPool({ host: '127.0.0.1', port, user: 'root', database: 'test', connectTimeout: 1500 });
  return { db: mysqlDrizzle(pool), table: contractTables.mariadb, close: () => pool.end() };
}

const failureOf = (run: () => Promise<unknown>): Promise<unknown> =>
  run().then(
    () => null,
    (error: unknown) => error,
  );

describe.each(['postgresql', 'mariadb'] as const)('Drizzle on %s, unavailable', (dialect) => {
  it.each(['page', 'cursor'] as const)(
    'a server that is down fails a %s with SOURCE_UNAVAILABLE',
    async (run) => {
      const { db, table, close } = databaseOn(dialect, await deadPort());
      try {
        const source = drizzleSource(db, table);
        const error = await failureOf(() =>
          run === 'page'
            ? paginatePageNumber(source, pageNumberPagination({ pageSize: 5 }), {}, { withCount: true })
            : paginateCursor(source, cursorPagination({ pageSize: 5, ordering: 'created' }), {}),
        );
        expect(error).toBeInstanceOf(PaginationError);
        expect(error).toMatchObject({
          code: 'SOURCE_UNAVAILABLE',
          message: 'The database is unavailable (ECONNREFUSED) while running the page query.',
        });
      } finally {
        await close();
      }
    },
    10_000,
  );

  describeDatabase(dialect, `a frozen connection on ${dialect}`, () => {
    let relay: TcpRelay;
    let db: DrizzleTestDatabase;
    beforeAll(async () => {
      relay = await startTcpRelay(SERVERS[dialect].host, SERVERS[dialect].port);
      // One pooled connection: a page after the timeout runs only if the frozen one was closed, not kept.
      db = await openDrizzle(dialect, { port: relay.port, poolSize: 1 });
      await db.fill(CONTRACT_ROWS);
    });
    afterAll(async () => {
      relay.restore();
      await db?.close();
      await relay.close();
    });

    it('a statement with no answer within queryTimeout is SOURCE_UNAVAILABLE on time, and its connection is closed, so the next page runs on a new one', async () => {
      const source = drizzleSource(db.db, db.dataset('mixed'), { queryTimeout: 800 }) as PageSource<ContractRow>;
      const pagination = pageNumberPagination({ pageSize: 5 });
      // The pool has its connection open; then no packet passes either way.
      await paginatePageNumber(source, pagination, {});
      relay.freeze();
      const start = Date.now();
      const error = await failureOf(() => paginatePageNumber(source, pagination, { page: '2' }));
      const took = Date.now() - start;
      expect(error).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        message: 'The database is unavailable (no answer within 800 ms) while running the page query.',
      });
      expect((error as Error).message).not.toMatch(/select|\n/i);
      // A guard that it ended near the bound, not a latency claim.
      expect(took).toBeLessThan(3000);
      // The frozen connection stays frozen; new connections pass the relay.
      const page = await paginatePageNumber(source, pagination, { page: '2' });
      expect(page?.items).toHaveLength(5);
    }, 20_000);
  });
});
