// A database that is down (nothing listens) or unreachable (accepts, never answers) gives
// SOURCE_UNAVAILABLE with a short message within the connect timeout, never a hang.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { ConnectionException, MikroORM, type Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { cursorPagination, pageNumberPagination, paginateCursor, paginatePageNumber, PaginationError } from 'pagewise';
import { connectTimeouts, mikroOrmSource } from 'pagewise/mikro-orm';
import { isConnectionFailure } from '../../../src/sources/mikro-orm/unavailable';
import { ContractEntity } from './contract-entity';

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

const drivers = { postgresql: PostgreSqlDriver, mariadb: MariaDbDriver } as const;

async function attempt(dialect: keyof typeof drivers, port: number, run: 'page' | 'cursor'): Promise<unknown> {
  const orm = await MikroORM.init({
    driver: drivers[dialect],
    entities: [ContractEntity],
    host: '127.0.0.1',
    port,
    user: 'root',
    dbName: 'test',
    connect: false,
    debug: false,
    ...connectTimeouts(1500),
  } as Options);
  try {
    const source = mikroOrmSource(orm.em.fork(), ContractEntity);
    if (run === 'page') await paginatePageNumber(source, pageNumberPagination({ pageSize: 5 }), {}, { withCount: true });
    else await paginateCursor(source, cursorPagination({ pageSize: 5, ordering: 'created' }), {});
    return null;
  } catch (error) {
    return error;
  } finally {
    await orm.close(true).catch(() => undefined);
  }
}

describe.each(['postgresql', 'mariadb'] as const)('%s unavailable', (dialect) => {
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
        message: 'The database is unavailable (ECONNREFUSED) while running the page query.',
      });
    },
    10_000,
  );

  it('a server that never answers fails within the connect timeout, with no stack in the message', async () => {
    const error = await attempt(dialect, silent.port, 'cursor');
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('SOURCE_UNAVAILABLE');
    expect((error as PaginationError).message).toMatch(/^The database is unavailable \(.+\) while running the page query\.$/);
    expect((error as PaginationError).message).not.toMatch(/\n|\bat\s+\S+\s+\(/);
  }, 10_000);
});

describe('isConnectionFailure (MikroORM)', () => {
  it("takes MikroORM's ConnectionException, wrapped or not", () => {
    const failure = new ConnectionException(new Error('connect failed'));
    expect(isConnectionFailure(failure)).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('wrapped'), { cause: failure }))).toBe(true);
    expect(isConnectionFailure(new Error('syntax error'))).toBe(false);
  });
});
