import { AsyncLocalStorage } from 'node:async_hooks';
import { boundedStatements, type StatementRunner } from '../sql/statement-timeout';
import { guarded } from '../sql/unavailable';

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
export function statementGuard(client: unknown, timeout?: number): StatementRunner {
  return boundedStatements<Statement>(timeout, {
    start: () => {
      watch(client);
      return { connections: new Set() };
    },
    run: (state, statement) => running.run(state, statement),
    expire: (state) => {
      for (const connection of state.connections) sever(connection);
    },
    guarded: (what, statement) => guarded(what, statement),
  });
}
