// The array source with an SQL source's optional count members (a folded slice, countWith) that
// answer as SQL would, recording which ran: core's and the adapters' count strategies without a database.
import type { PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import type { CountedSlice, PageCount, SourceCountStrategy } from '../../src/core/internal';

/** What {@link sqlLikeSource} estimates (any number that is not the length shows it was used). */
export const ESTIMATE = 24;

/** A source over `rows` (`id`-keyed) that folds, caps and estimates, and records its calls. */
export function sqlLikeSource<T extends { id: number }>(rows: readonly T[]): PageSource<T> & { calls: string[] } {
  const inner = arraySource(rows, { uniqueKey: 'id' });
  const calls: string[] = [];
  return {
    ...inner,
    calls,
    count: () => (calls.push('count'), inner.count()),
    slice: (offset, limit, ordering) => (calls.push('slice'), inner.slice(offset, limit, ordering)),
    sliceCounted: async (offset, limit, ordering): Promise<CountedSlice<T>> => {
      calls.push('sliceCounted');
      const page = await inner.slice(offset, limit, ordering);
      return { rows: page, total: page.length === 0 ? null : rows.length };
    },
    countWith: (strategy: SourceCountStrategy): Promise<PageCount> => {
      calls.push(strategy === 'estimated' ? 'estimate' : `capped(${strategy.capped})`);
      if (strategy === 'estimated') return Promise.resolve({ value: ESTIMATE, kind: 'estimated' });
      const { capped } = strategy;
      return Promise.resolve(rows.length > capped ? { value: capped, kind: 'capped' } : { value: rows.length, kind: 'exact' });
    },
  };
}
