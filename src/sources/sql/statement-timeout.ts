import { assertConfig, PaginationError } from '../../core/internal';
import { guarded, type ConnectionTest } from './unavailable';

/** How long a source's statement may take by default, waiting for a connection included (ms). */
const DEFAULT_QUERY_TIMEOUT = 5000;

/** Runs one statement of a source: a connection failure, or no answer within its bound, is SOURCE_UNAVAILABLE. */
export type StatementRunner = <R>(what: string, statement: () => Promise<R>) => Promise<R>;

/**
 * What a builder does around one bounded statement: `start` its state, `run` it in its context (so
 * the connections it takes are known), `expire` it when the time runs out (close what it holds),
 * and `guarded`: how a connection failure becomes SOURCE_UNAVAILABLE for this builder.
 */
export interface StatementBound<S> {
  readonly start: () => S;
  readonly run: <R>(state: S, statement: () => Promise<R>) => Promise<R>;
  readonly expire: (state: S) => void;
  readonly guarded: <R>(what: string, statement: () => Promise<R>) => Promise<R>;
}

/**
 * The statement runner of a source with `timeout` ms per statement (0 or Infinity: no bound, a bad
 * value a PaginationConfigError): each statement races the timer, and when the time runs out the
 * page answers SOURCE_UNAVAILABLE at once and the builder ends what the statement holds, so a
 * database that stopped answering costs neither a hung request nor a pool slot.
 */
export function boundedStatements<S>(timeout: number | undefined, bound: StatementBound<S>): StatementRunner {
  const limit = timeout ?? DEFAULT_QUERY_TIMEOUT;
  assertConfig(typeof limit === 'number' && limit >= 0 && !Number.isNaN(limit), 'queryTimeout must be a number of milliseconds >= 0');
  if (limit === 0 || !Number.isFinite(limit)) return bound.guarded;
  return async (what, statement) => {
    const state = bound.start();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        bound.expire(state);
        reject(
          new PaginationError(
            'SOURCE_UNAVAILABLE',
            `The database is unavailable (no answer within ${limit} ms) while running the ${what} query.`,
          ),
        );
      }, limit);
    });
    try {
      // A statement that fails after its time ran out has been answered: race handles its rejection.
      return await Promise.race([bound.run(state, () => bound.guarded(what, statement)), expiry]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The statement runner of a source whose builder gives no hold on its connections: each statement
 * races `timeout` ms (0 or Infinity: no bound) and answers SOURCE_UNAVAILABLE when the time runs
 * out; the statement itself is left to the driver's own timeouts.
 */
export function timedStatements(timeout?: number, known?: ConnectionTest): StatementRunner {
  return boundedStatements<null>(timeout, {
    start: () => null,
    run: (_state, statement) => statement(),
    expire: () => undefined,
    guarded: (what, statement) => guarded(what, statement, known),
  });
}
