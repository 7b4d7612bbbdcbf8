import { exactCount, type CountStrategy, type PageCount } from './count-strategy';
import type { PageSource } from './page-source';

/** One request's counts: the exact one core plans with, and the page's total by the strategy. */
export interface PageCounter {
  /** The separate exact COUNT, memoized: what `page: last` and Relay's `last` need. */
  readonly exact: () => Promise<number>;
  /** The page's total by the strategy, memoized; exact once an exact count or a folded one is known. */
  readonly total: () => Promise<PageCount>;
  /** Whether the slice should fold the count into its statement: wanted, `folded`, the source can, not yet known. */
  readonly folds: () => boolean;
  /** Keeps the total a folded slice brought. */
  readonly fold: (total: number) => void;
}

/** A rejection is kept for the caller that asks, never left unhandled. */
function kept<V>(promise: Promise<V>): Promise<V> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The counter of one request over `source`. A strategy the source cannot run (no `countWith` or
 * `sliceCounted`, as the array source) is the exact count, which is then cheap.
 */
export function pageCounter<T>(source: PageSource<T>, strategy: CountStrategy, wanted: boolean): PageCounter {
  let exact: Promise<number> | undefined;
  let total: Promise<PageCount> | undefined;
  const runExact = (): Promise<number> => (exact ??= kept(source.count()));
  const own = strategy === 'exact' || strategy === 'folded' ? null : strategy;
  return {
    exact: runExact,
    total: () =>
      (total ??= kept(own === null || exact !== undefined || !source.countWith ? runExact().then(exactCount) : source.countWith(own))),
    folds: () => wanted && strategy === 'folded' && source.sliceCounted !== undefined && exact === undefined && total === undefined,
    fold: (value) => {
      total ??= Promise.resolve(exactCount(value));
    },
  };
}
