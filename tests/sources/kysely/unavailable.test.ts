// A database that is down (nothing listens) or unreachable (accepts, never answers) gives a Kysely
// source SOURCE_UNAVAILABLE with a short message, within its queryTimeout, never a hang.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { cursorPagination, pageNumberPagination, paginateCursor, paginatePageNumber, PaginationError } from 'pagewise';
import { kyselySource } from 'pagewise/kysely';
import { openKyselyDatabase } from '../../support/kysely-databases';
import { contractKyselyFields, type ContractDatabase } from './contract-table';

async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

/** A port nothing listens on: taken from the OS, then released. */
async function deadPort(): Promise<number> {
  const { server, port } = await listen((socket) => socket.destroy());
  server.close();
  await once(server, 'close');
  return port;
}

async function attempt(dialect: 'postgresql' | 'mariadb', port: number, run: 'page' | 'cursor'): Promise<unknown> {
  const open = await openKyselyDatabase<ContractDatabase>(dialect, { port, bare: true });
  try {
    const source = kyselySource(open.db.selectFrom('contract_row').selectAll(), {
      db: open.db,
      fields: contractKyselyFields(dialect),
      queryTimeout: 800,
    });
    if (run === 'page') await paginatePageNumber(source, pageNumberPagination({ pageSize: 5 }), {}, { withCount: true });
    else await paginateCursor(source, cursorPagination({ pageSize: 5, ordering: 'created' }), {});
    return null;
  } catch (error) {
    return error;
  } finally {
    // A pool whose connect never answered may not end; the test does not wait for it.
    void open.close().catch(() => undefined);
  }
}

describe.each(['postgresql', 'mariadb'] as const)('Kysely, %s unavailable', (dialect) => {
  const sockets = new Set<Socket>();
  let silent: { server: Server; port: number };
  beforeAll(async () => {
    silent = await listen((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.server.close();
  });

  it.each(['page', 'cursor'] as const)(
    'a server that is down fails a %s with SOURCE_UNAVAILABLE',
    async (run) => {
      const error = await attempt(dialect, await deadPort(), run);
      expect(error).toBeInstanceOf(PaginationError);
      expect(error).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        message: expect.stringMatching(/^The database is unavailable \(ECONNREFUSED\) while running the (page|count) query\.$/) as unknown,
      });
    },
    10_000,
  );

  it('a server that never answers fails within queryTimeout, with no stack or SQL in the message', async () => {
    const start = Date.now();
    const error = await attempt(dialect, silent.port, 'cursor');
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('SOURCE_UNAVAILABLE');
    expect((error as PaginationError).message).toMatch(/^The database is unavailable \(.+\) while running the page query\.$/);
    expect((error as PaginationError).message).not.toMatch(/\n|\bat\s+\S+\s+\(|select/i);
    // A guard that it ended near the bound, not a latency claim.
    expect(Date.now() - start).toBeLessThan(5000);
  }, 10_000);
});
