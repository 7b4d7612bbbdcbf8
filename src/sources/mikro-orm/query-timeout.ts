import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { boundedStatements, type StatementRunner } from '../sql/statement-timeout';
import { guarded } from './unavailable';

/** The connections one guarded statement took from the pool, and whether its time ran out. */
interface Statement {
  readonly connections: Set<RawConnection>;
  expired: boolean;
}

/** A socket as the drivers hold it. */
interface DriverSocket {
  destroy(error?: Error): void;
}

/** A driver's connection as knex's pool holds it (pg Client, mariadb Connection, sqlite3 Database). */
interface RawConnection {
  __knex__disposed?: unknown;
  destroy?: () => void;
  interrupt?: () => void;
  on?: (event: string, listener: (...args: unknown[]) => void) => unknown;
  off?: (event: string, listener: (...args: unknown[]) => void) => unknown;
  /** pg: the protocol connection and its socket. */
  connection?: { stream?: DriverSocket };
}

/** The part of a knex client the guard wraps. */
interface PoolClient {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(connection: RawConnection): Promise<unknown>;
}

// The statement a pool acquisition belongs to follows the async call chain of that statement, so
// concurrent statements (a page and its count) each know their own connections.
const running = new AsyncLocalStorage<Statement>();
const owners = new WeakMap<RawConnection, Statement>();
const tracked = new WeakSet<PoolClient>();

/**
 * Records which statement took which connection, on a knex client (once per client). A statement
 * whose time ran out while it waited for the pool gives its connection straight back.
 */
function track(client: PoolClient): void {
  if (tracked.has(client)) return;
  tracked.add(client);
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  client.acquireConnection = async () => {
    const connection = await acquire();
    const statement = running.getStore();
    if (statement?.expired) {
      await release(connection);
      throw new Error('Query timeout expired while waiting for a connection');
    }
    if (statement) {
      statement.connections.add(connection);
      owners.set(connection, statement);
    }
    return connection;
  };
  client.releaseConnection = (connection) => {
    owners.get(connection)?.connections.delete(connection);
    owners.delete(connection);
    return release(connection);
  };
}

/**
 * The mariadb connector's connection behind its callback wrapper (which keeps it private but proxies
 * listeners to it): an EventEmitter calls 'newListener' listeners with itself as `this`.
 */
function mariadbInner(connection: RawConnection): { socket?: DriverSocket | null } | undefined {
  const { on, off } = connection;
  if (typeof on !== 'function' || typeof off !== 'function') return undefined;
  const found: Array<{ socket?: DriverSocket | null }> = [];
  const grab = function (this: { socket?: DriverSocket | null }): void {
    found.push(this);
  };
  const probe = (): void => undefined;
  on.call(connection, 'newListener', grab);
  on.call(connection, 'pagewise:probe', probe);
  off.call(connection, 'pagewise:probe', probe);
  off.call(connection, 'newListener', grab);
  const inner = found[0];
  return inner !== (connection as unknown) ? inner : undefined;
}

/**
 * Ends what a timed-out statement holds. A server connection's socket is closed at once (it may be
 * frozen, so nothing is asked of the server), which fails the statement, and the connection is marked
 * disposed, so the pool destroys it instead of lending it again. SQLite's in-process database is
 * interrupted instead: closing it would lose an in-memory database.
 */
function sever(connection: RawConnection): void {
  if (typeof connection.interrupt === 'function') {
    connection.interrupt();
    return;
  }
  connection.__knex__disposed = 'pagewise: query timeout';
  const reason = new Error('pagewise: query timeout');
  const pgSocket = connection.connection?.stream;
  if (pgSocket) return pgSocket.destroy();
  // mariadb: closing the socket with an error fails its queries. Its own destroy() would try a KILL
  // from a new connection and, when none can be made, wait on the frozen socket, its query unsettled.
  const mariadbSocket = mariadbInner(connection)?.socket;
  if (mariadbSocket) return mariadbSocket.destroy(reason);
  connection.destroy?.();
}

/** The knex clients `em` may run statements on: the primary and each read replica. */
function poolClients(em: SqlEntityManager): PoolClient[] {
  const driver = em.getDriver() as unknown as { replicas?: ReadonlyArray<ReturnType<typeof em.getConnection>> };
  return [em.getConnection('write'), ...(driver.replicas ?? [])].map((connection) => connection.getKnex().client as unknown as PoolClient);
}

/**
 * The statement guard of a source over `em`: each statement races `timeout` ms (0 or Infinity: no
 * bound); when the time runs out the page answers SOURCE_UNAVAILABLE at once and the statement's
 * connections are severed, so a database that stopped answering (frozen TCP, where no server-side
 * timeout can answer) costs neither a hung request nor a pool slot.
 */
export function statementGuard(em: SqlEntityManager, timeout?: number): StatementRunner {
  return boundedStatements<Statement>(timeout, {
    start: () => {
      for (const client of poolClients(em)) track(client);
      return { connections: new Set(), expired: false };
    },
    run: (state, statement) => running.run(state, statement),
    expire: (state) => {
      state.expired = true;
      for (const connection of state.connections) sever(connection);
    },
    guarded,
  });
}
