import { assertConfig, PaginationError } from '../../core/internal';
import { guarded, type ConnectionTest } from './unavailable';

/** How long a source's statement may take by default, waiting for a connection included (ms). */
export const DEFAULT_QUERY_TIMEOUT = 5000;

/** Runs one statement of a source: a connection failure, or no answer within its bound, is SOURCE_UNAVAILABLE. */
export type StatementRunner = <R>(what: string, statement: () => Promise<R>) => Promise<R>;

/**
 * The statement runner of a source whose builder gives no hold on its connections: each statement
 * races `timeout` ms (0 or Infinity: no bound) and answers SOURCE_UNAVAILABLE when the time runs
 * out; the statement itself is left to the driver's own timeouts.
 */
export function timedStatements(timeout: number = DEFAULT_QUERY_TIMEOUT, known?: ConnectionTest): StatementRunner {
  assertConfig(typeof timeout === 'number' && timeout >= 0 && !Number.isNaN(timeout), 'queryTimeout must be a number of milliseconds >= 0');
  const bounded = timeout > 0 && Number.isFinite(timeout);
  return async (what, statement) => {
    const running = guarded(what, statement, known);
    if (!bounded) return running;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PaginationError(
              'SOURCE_UNAVAILABLE',
              `The database is unavailable (no answer within ${timeout} ms) while running the ${what} query.`,
            ),
          ),
        timeout,
      );
    });
    // The statement may still fail after the page answered; its rejection is handled, not thrown.
    running.catch(() => undefined);
    try {
      return await Promise.race([running, expiry]);
    } finally {
      clearTimeout(timer);
    }
  };
}
