// bench/array-connection: a page of 10 from the middle of 1,000,000 in-memory items, pagewise against
// graphql-relay's connectionFromArray (the baseline), in its compatible mode and with the array source.
import { connectionFromArray as relayConnectionFromArray, offsetToCursor as relayOffsetToCursor } from 'graphql-relay';
import { connectionFromArray, cursorPagination, paginateRelay } from '../src/core';
import { arraySource } from '../src/sources/array';
import { ratioOf, type BenchResult } from './measure';

const ITEMS = 1_000_000;
const CALLS = 2000;

const repeat = (run: () => unknown) => async () => {
  for (let i = 0; i < CALLS; i += 1) run();
};
const repeatAsync = (run: () => Promise<unknown>) => async () => {
  for (let i = 0; i < CALLS; i += 1) await run();
};

/** Runs the array-connection benchmark. */
export async function arrayConnection(): Promise<BenchResult[]> {
  const items = Array.from({ length: ITEMS }, (_, index) => ({ id: index, group: index % 1000 }));
  const after = relayOffsetToCursor(ITEMS / 2);
  const baseline = repeat(() => relayConnectionFromArray(items, { first: 10, after }));
  const compatible = repeat(() => connectionFromArray(items, { first: 10, after }));

  const source = arraySource(items, { uniqueKey: 'id' });
  const pagination = cursorPagination({ pageSize: 10, ordering: ['group'] });
  const middle = await paginateRelay(source, pagination, { first: 1, after: null });
  let cursor = middle.endCursor;
  for (let hop = 0; hop < 3; hop += 1) cursor = (await paginateRelay(source, pagination, { first: 100_000, after: cursor })).endCursor;
  const keyset = repeatAsync(() => paginateRelay(source, pagination, { first: 10, after: cursor }));

  const compat = await ratioOf(compatible, baseline, { rounds: 20, warmup: 5 });
  const exact = await ratioOf(keyset, baseline, { rounds: 20, warmup: 5 });
  const perCall = (ms: number) => `${((ms / CALLS) * 1000).toFixed(2)} µs`;
  return [
    {
      bench: 'array-connection',
      measure: 'graphql-relay compatible mode / connectionFromArray (1M items, first 10 mid-list)',
      ratio: compat.ratio,
      target: 1.0,
      detail: `${perCall(compat.subjectMs)} vs ${perCall(compat.baselineMs)} per page`,
    },
    {
      bench: 'array-connection',
      measure: 'array source, exact keyset cursors on a non-unique field / connectionFromArray',
      ratio: exact.ratio,
      target: null,
      detail: `${perCall(exact.subjectMs)} vs ${perCall(exact.baselineMs)} per page`,
    },
  ];
}
