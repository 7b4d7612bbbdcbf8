import { AsyncLocalStorage } from 'node:async_hooks';
import { assertConfig, PaginationError } from '../../core/internal';
import { guarded } from '../sql/unavailable';

/** How long a Drizzle source's statement may take by default, waiting for a connection included (ms). */
const DEFAULT_QUERY_TIMEOUT = 5000;

/**
 * Runs one statement of a source: a connection failure, or no answer within the source's
 * `queryTimeout`, is SOURCE_UNAVAILABLE.
 */
export type StatementGuard = <R>(what: string, statement: () => Promise<R>) => Promise<R>;

/** A pooled connection as node-postgres (its `connection.stream`) or mysql2 (its `stream`) holds it. */
interface PooledConnection {
  readonly connection?: { readonly stream?: { destroy(): void } };
  readonly stream?: { destroy(): void };
}

/** A driver pool that says which connection it lends (`pg.Pool`, mysql2's pools): an EventEmitter. */
interface LendingPool {
  on(event: 'acquire', listener: (connection: PooledConnection) => void): unknown;
}

/** The connections one guarded statement took from the pool. */
interface Statement {
  readonly connections: Set<PooledConnection>;
}

// The statement a pool's `acquire` belongs to follows the async call chain of that statement, so
// concurrent statements (a page and its count) each know their own connection.
const running = new AsyncLocalStorage<Statement>();
const watched = new WeakSet<object>();

/** A pool's `acquire` events, recorded against the statement running (once per pool). */
function watch(client: unknown): void {
  if (typeof client !== 'object' || client === null || watched.has(client)) return;
  if (typeof (client as Partial<LendingPool>).on !== 'function') return;
  watched.add(client);
  (client as LendingPool).on('acquire', (connection) => running.getStore()?.connections.add(connection));
}

/**
 * Closes a timed-out statement's connection at once (it may be frozen, so nothing is asked of the
 * server): its query fails, and the pool drops the connection instead of lending it again.
 */
function sever(connection: PooledConnection): void {
  (connection.connection?.stream ?? connection.stream)?.destroy();
}

/**
 * The statement guard of a source over a Drizzle database's `client`: each statement races
 * `timeout` ms (0 or Infinity: no bound); when the time runs out the page answers SOURCE_UNAVAILABLE
 * at once and the connections the statement took from a node-postgres or mysql2 pool are closed.
 */
export function statementGuard(client: unknown, timeout: number = DEFAULT_QUERY_TIMEOUT): StatementGuard {
  assertConfig(typeof timeout === 'number' && timeout >= 0 && !Number.isNaN(timeout), 'queryTimeout must be a number of milliseconds >= 0');
  const bounded = timeout > 0 && Number.isFinite(timeout);
  return async (what, statement) => {
    if (!bounded) return guarded(what, statement);
    watch(client);
    const state: Statement = { connections: new Set() };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        for (const connection of state.connections) sever(connection);
        reject(
          new PaginationError(
            'SOURCE_UNAVAILABLE',
            `The database is unavailable (no answer within ${timeout} ms) while running the ${what} query.`,
          ),
        );
      }, timeout);
    });
    const work = running.run(state, () => guarded(what, statement));
    // A statement that fails after its time ran out has been answered already.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, expiry]);
    } finally {
      clearTimeout(timer);
    }
  };
}
