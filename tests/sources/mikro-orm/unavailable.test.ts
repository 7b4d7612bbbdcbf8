// A database that is down (nothing listens) or unreachable (accepts, never answers) gives
// SOURCE_UNAVAILABLE with a short message within the connect timeout, never a hang.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { MikroORM, type Options } from '@mikro-orm/core';
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

describe('isConnectionFailure', () => {
  it.each([
    ['ECONNREFUSED', true, { code: 'ECONNREFUSED' }],
    ['a MariaDB pool timeout', true, { code: 'ER_GET_CONNECTION_TIMEOUT' }],
    ["knex's acquire timeout", true, { name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection.' }],
    ['a wrapped ETIMEDOUT', true, Object.assign(new Error('wrapped'), { cause: { code: 'ETIMEDOUT' } })],
    ["pg's connect timeout", true, new Error('Connection terminated due to connection timeout')],
    ["pg's bare connect timeout (issue 14)", true, new Error('timeout expired')],
    ['pg, a socket closed mid-query', true, new Error('Connection terminated unexpectedly')],
    ['pg, a client whose socket broke', true, new Error('Client has encountered a connection error and is not queryable')],
    ['PostgreSQL, SQLSTATE class 08', true, Object.assign(new Error('connection failure'), { code: '08006' })],
    ['PostgreSQL, too many connections', true, Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['PostgreSQL statement_timeout', true, Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })],
    [
      'MariaDB, a connect timeout',
      true,
      { code: 'ER_CONNECTION_TIMEOUT', sqlState: '08S01', message: 'Connection timeout: failed to create socket after 500ms' },
    ],
    ['MariaDB, a closed connection', true, { code: 'ER_CMD_CONNECTION_CLOSED', message: 'Cannot execute new commands: connection closed' }],
    ['MariaDB, sqlState 08S01 alone', true, { code: 'ER_UNKNOWN', sqlState: '08S01', message: 'Communication link failure' }],
    [
      'MariaDB max_statement_time',
      true,
      { code: 'ER_STATEMENT_TIMEOUT', message: 'Query execution was interrupted (max_statement_time exceeded)' },
    ],
    ['SQLite, locked', true, { code: 'SQLITE_BUSY', message: 'SQLITE_BUSY: database is locked' }],
    ['a duplicate key', false, Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a message merely mentioning a timeout', false, new Error('invalid input syntax: "timeout expired at noon"')],
    ['a syntax error', false, Object.assign(new Error('syntax error at or near "x"'), { code: '42601' })],
    ['a missing column', false, new Error('no such column: x')],
    ['a string', false, 'text'],
  ])('%s is a connection failure: %s', (_label, expected, error) => {
    expect(isConnectionFailure(error)).toBe(expected);
  });
});
