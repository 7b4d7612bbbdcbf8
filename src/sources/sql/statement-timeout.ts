import { AsyncResource } from 'node:async_hooks';
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

/** A statement being watched: when it is due, and what ends it when it overruns. */
interface Watched {
  readonly due: number;
  /** What ends it; dropped when it settles, so a settled entry holds neither its state nor its answer. */
  expire: (() => void) | undefined;
}

/**
 * The statements running under one bound, in the order they started, which is the order they fall
 * due: one timer for all of them, armed for the oldest, instead of a timer set and cleared per
 * statement (a seek paid more for its timer than for its keyset condition). The timer holds the
 * process open only while a statement is watched, as a timer per statement did.
 */
interface Deadlines {
  readonly watch: (expire: () => void) => Watched;
  /** A statement answered: it leaves the list, with every answered one before it. */
  readonly settle: (entry: Watched) => void;
}

// The timer is made in the scope of this module's loading, not of the request that first arms it:
// a timer carries its creator's async context (an AsyncLocalStorage store, a request's ORM context),
// and one re-armed for ever would keep that request's alive.
const neutral = new AsyncResource('pagewise.deadlines');

// setTimeout's bound: a longer delay fires at once (and warns); a longer limit is reached by re-arming.
const LONGEST_DELAY = 2_147_483_647;

/** The deadlines of the statements bounded by `limit` ms (one list per bound, shared by every source). */
function deadlinesOf(limit: number): Deadlines {
  let watched: Watched[] = [];
  let head = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Which setTimeout armed it: one armed before a test swapped in fake timers (or back) is not
  // relied on, the list arms a timer of the clock now in use.
  let armedWith: typeof setTimeout | undefined;
  // Kept short: answered statements held until the timer fires would outlive many collections.
  const drop = (): void => {
    while (head < watched.length && watched[head]!.expire === undefined) head += 1;
    if (head === watched.length) {
      watched = [];
      head = 0;
      timer?.unref?.();
    } else if (head > 64 && head * 2 > watched.length) {
      watched = watched.slice(head);
      head = 0;
    }
  };
  // When the statement the timer is armed for falls due: when the timer fires, that time has come,
  // whatever the clock says (a fake setTimeout advances without performance.now).
  let armedFor = 0;
  const arm = (due: number, now: number): void => {
    const delay = Math.min(LONGEST_DELAY, Math.max(1, Math.ceil(due - now)));
    const armed = neutral.runInAsyncScope(() => setTimeout(() => fire(armed), delay));
    timer = armed;
    armedWith = setTimeout;
    armedFor = due;
  };
  function fire(armed: ReturnType<typeof setTimeout>): void {
    if (armed !== timer) return;
    timer = undefined;
    const now = Math.max(performance.now(), armedFor);
    for (let entry = watched[head]; entry !== undefined && entry.due <= now; entry = watched[head]) {
      const { expire } = entry;
      entry.expire = undefined;
      head += 1;
      expire?.();
    }
    drop();
    const next = watched[head];
    if (next) arm(next.due, now);
  }
  return {
    watch: (expire) => {
      const now = performance.now();
      const entry: Watched = { due: now + limit, expire };
      if (watched.length === head) timer?.ref?.();
      watched.push(entry);
      if (timer === undefined || armedWith !== setTimeout) arm(watched[head]!.due, now);
      return entry;
    },
    settle: (entry) => {
      entry.expire = undefined;
      drop();
    },
  };
}

const deadlines = new Map<number, Deadlines>();

/**
 * The statement runner of a source with `timeout` ms per statement (0 or Infinity: no bound, a bad
 * value a PaginationConfigError): each statement is watched for its time, and when the time runs
 * out the page answers SOURCE_UNAVAILABLE at once and the builder ends what the statement holds, so
 * a database that stopped answering costs neither a hung request nor a pool slot.
 */
export function boundedStatements<S>(timeout: number | undefined, bound: StatementBound<S>): StatementRunner {
  const limit = timeout ?? DEFAULT_QUERY_TIMEOUT;
  assertConfig(typeof limit === 'number' && limit >= 0 && !Number.isNaN(limit), 'queryTimeout must be a number of milliseconds >= 0');
  if (limit === 0 || !Number.isFinite(limit)) return bound.guarded;
  let watching = deadlines.get(limit);
  if (!watching) deadlines.set(limit, (watching = deadlinesOf(limit)));
  const queue = watching;
  return <R>(what: string, statement: () => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      const state = bound.start();
      const entry = queue.watch(() => {
        bound.expire(state);
        reject(
          new PaginationError(
            'SOURCE_UNAVAILABLE',
            `The database is unavailable (no answer within ${limit} ms) while running the ${what} query.`,
          ),
        );
      });
      // A statement that ends after its time ran out has been answered: the promise is settled already.
      const settle = () => queue.settle(entry);
      let running: Promise<R>;
      try {
        running = bound.run(state, () => bound.guarded(what, statement));
      } catch (error) {
        settle();
        throw error;
      }
      running.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
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
