// The batched source contract in core: calls of many parents collected in one tick become one call
// per shape; identical calls are asked once; a parent with two different windows never shares a
// statement with itself; a failing statement fails only its own calls.
import {
  batchedPageSources,
  batchLoader,
  cursorPagination,
  fanOutBatchSource,
  keyedPageSource,
  limitOffsetPagination,
  pageNumberPagination,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationError,
  runBatch,
  type BatchCall,
  type BatchPageSource,
  type KeyedSeek,
  type OrderingField,
  type SeekRequest,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';

interface Row {
  id: number;
  parent: number;
  score: number;
}

const ROWS: Row[] = Array.from({ length: 30 }, (_, index) => ({ id: index + 1, parent: (index % 3) + 1, score: (index * 7) % 5 }));
const perParent = (parent: number) =>
  arraySource(
    ROWS.filter((row) => row.parent === parent),
    { uniqueKey: 'id', fields: { id: 'number', parent: 'number', score: 'number' } },
  );

type Logged =
  | { method: 'countMany'; keys: number[] }
  | { method: 'sliceMany'; keys: number[]; offset: number; limit: number }
  | { method: 'seekMany'; requests: KeyedSeek<number>[] };

/** A fan-out batch over per-parent array sources that logs each batched call. */
function loggingBatch(failOn?: 'countMany' | 'sliceMany' | 'seekMany'): { batch: BatchPageSource<number, Row>; log: Logged[] } {
  const log: Logged[] = [];
  const inner = fanOutBatchSource<number, Row>(perParent(1), perParent);
  const fail = (method: string) => {
    if (failOn === method) throw PaginationError.invalidArgument('no', 'x');
  };
  return {
    log,
    batch: {
      ...inner,
      countMany: async (keys) => {
        log.push({ method: 'countMany', keys: [...keys] });
        fail('countMany');
        return inner.countMany(keys);
      },
      sliceMany: async (keys, offset, limit, ordering) => {
        log.push({ method: 'sliceMany', keys: [...keys], offset, limit });
        fail('sliceMany');
        return inner.sliceMany(keys, offset, limit, ordering);
      },
      seekMany: async (requests) => {
        log.push({ method: 'seekMany', requests: [...requests] });
        fail('seekMany');
        return inner.seekMany(requests);
      },
    },
  };
}

const byId: OrderingField[] = [{ field: 'id', descending: false }];
const seek = (after?: number): SeekRequest => ({
  ordering: byId,
  direction: 'forward',
  offset: 0,
  limit: 3,
  ...(after === undefined ? {} : { after: { kind: 'key' as const, values: [after] } }),
});

describe('runBatch', () => {
  it('sends one call per shape, answers aligned with the calls', async () => {
    const { batch, log } = loggingBatch();
    const calls: BatchCall<number>[] = [
      { kind: 'count', key: 1 },
      { kind: 'slice', key: 1, offset: 0, limit: 2 },
      { kind: 'count', key: 2 },
      { kind: 'slice', key: 3, offset: 0, limit: 2 },
      { kind: 'slice', key: 2, offset: 5, limit: 2 },
    ];
    const answers = await runBatch(batch, calls);
    expect(answers).toEqual([10, [ROWS[0], ROWS[3]], 10, [ROWS[2], ROWS[5]], [ROWS[16], ROWS[19]]]);
    expect(log).toEqual([
      { method: 'countMany', keys: [1, 2] },
      { method: 'sliceMany', keys: [1, 3], offset: 0, limit: 2 },
      { method: 'sliceMany', keys: [2], offset: 5, limit: 2 },
    ]);
  });

  it('sends slices at different offsets as one sliceEach when the batch has it; a key at two offsets twice', async () => {
    const { batch } = loggingBatch();
    const each: Array<{ slices: Array<{ key: number; offset: number }>; limit: number }> = [];
    const withEach: BatchPageSource<number, Row> = {
      ...batch,
      sliceEach: (slices, limit, ordering) => {
        each.push({ slices: [...slices], limit });
        return Promise.all(slices.map(({ key, offset }) => perParent(key).slice(offset, limit, ordering)));
      },
    };
    const answers = await runBatch(withEach, [
      { kind: 'slice', key: 1, offset: 0, limit: 2 },
      { kind: 'slice', key: 2, offset: 5, limit: 2 },
      { kind: 'slice', key: 1, offset: 8, limit: 2 },
      { kind: 'slice', key: 3, offset: 0, limit: 3 },
    ]);
    expect(answers).toEqual([
      [ROWS[0], ROWS[3]],
      [ROWS[16], ROWS[19]],
      [ROWS[24], ROWS[27]],
      [ROWS[2], ROWS[5], ROWS[8]],
    ]);
    expect(each).toEqual([
      {
        slices: [
          { key: 1, offset: 0 },
          { key: 2, offset: 5 },
        ],
        limit: 2,
      },
      { slices: [{ key: 1, offset: 8 }], limit: 2 },
      { slices: [{ key: 3, offset: 0 }], limit: 3 },
    ]);
  });

  it('asks an identical call once and gives both callers its answer', async () => {
    const { batch, log } = loggingBatch();
    const answers = await runBatch(batch, [
      { kind: 'seek', key: 2, request: seek(5) },
      { kind: 'seek', key: 2, request: seek(5) },
      { kind: 'seek', key: 1, request: seek() },
    ]);
    expect(answers[0]).toEqual(answers[1]);
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual({
      method: 'seekMany',
      requests: [
        { key: 2, request: seek(5) },
        { key: 1, request: seek() },
      ],
    });
  });

  it('puts a second window of the same parent into a statement of its own', async () => {
    const { batch, log } = loggingBatch();
    const answers = await runBatch(batch, [
      { kind: 'seek', key: 1, request: seek() },
      { kind: 'seek', key: 2, request: seek() },
      { kind: 'seek', key: 1, request: seek(10) },
      { kind: 'seek', key: 1, request: { ...seek(), after: { kind: 'position', value: 10 } } },
    ]);
    expect(log.map((entry) => (entry.method === 'seekMany' ? entry.requests.map((request) => request.key) : []))).toEqual([
      [1, 2],
      [1],
      [1],
    ]);
    expect(answers.map((answer) => (answer as { rows: Row[] }).rows.map((row) => row.id))).toEqual([
      [1, 4, 7],
      [2, 5, 8],
      [13, 16, 19],
      [13, 16, 19],
    ]);
  });

  it('fails only the calls of a failing statement, with its error', async () => {
    const { batch } = loggingBatch('sliceMany');
    const answers = await runBatch(batch, [
      { kind: 'slice', key: 1, offset: 0, limit: 1 },
      { kind: 'count', key: 1 },
    ]);
    expect(answers[0]).toBeInstanceOf(PaginationError);
    expect(answers[1]).toBe(10);
  });

  it('turns a thrown non-error into an Error', async () => {
    const { batch } = loggingBatch();
    const answers = await runBatch({ ...batch, countMany: () => Promise.reject('down') }, [{ kind: 'count', key: 1 }]);
    expect(answers).toEqual([new Error('down')]);
  });
});

describe('batchLoader and keyedPageSource', () => {
  it('pages many parents with one call per shape, as each parent pages alone', async () => {
    const { batch, log } = loggingBatch();
    const sourceFor = batchedPageSources(batch);
    const cursor = cursorPagination({ pageSize: 2, ordering: '-score' });
    const pages = await Promise.all([1, 2, 3].map((parent) => paginateRelay(sourceFor(parent), cursor, { first: 2 }, { withCount: true })));
    const alone = await Promise.all([1, 2, 3].map((parent) => paginateRelay(perParent(parent), cursor, { first: 2 })));
    expect(pages.map((page) => [page.items, page.cursors, page.hasNext])).toEqual(
      alone.map((page) => [page.items, page.cursors, page.hasNext]),
    );
    expect(await Promise.all(pages.map((page) => page.count()))).toEqual([10, 10, 10]);
    expect(log.map((entry) => entry.method)).toEqual(['countMany', 'seekMany']);
  });

  it('batches calls that reach the source after different numbers of promise jobs', async () => {
    const { batch, log } = loggingBatch();
    const sourceFor = batchedPageSources(batch);
    const delayed = async (hops: number, parent: number) => {
      for (let i = 0; i < hops; i += 1) await Promise.resolve();
      return paginateLimitOffset(sourceFor(parent), limitOffsetPagination({ defaultLimit: 3 }), {});
    };
    const pages = await Promise.all([delayed(0, 1), delayed(7, 2), delayed(30, 3)]);
    expect(pages.map((page) => page!.items.map((row) => row.id))).toEqual([
      [1, 4, 7],
      [2, 5, 8],
      [3, 6, 9],
    ]);
    expect(log).toEqual([{ method: 'sliceMany', keys: [1, 2, 3], offset: 0, limit: 4 }]);
  });

  it('runs a later request as a batch of its own', async () => {
    const { batch, log } = loggingBatch();
    const sourceFor = batchedPageSources(batch);
    const pageNumber = pageNumberPagination({ pageSize: 4 });
    await paginatePageNumber(sourceFor(1), pageNumber, { page: '2' });
    await paginatePageNumber(sourceFor(2), pageNumber, { page: '2' });
    expect(log).toEqual([
      { method: 'sliceMany', keys: [1], offset: 4, limit: 5 },
      { method: 'sliceMany', keys: [2], offset: 4, limit: 5 },
    ]);
  });

  it('rejects the calls of a failing statement; the other parents still get their pages', async () => {
    const { batch } = loggingBatch('countMany');
    const loader = batchLoader(batch);
    const results = await Promise.allSettled([keyedPageSource(batch, loader, 1).count(), keyedPageSource(batch, loader, 2).slice(0, 1)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_ARGUMENT' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: [ROWS[1]] });
  });

  it('rejects every call when the batch itself throws', async () => {
    const { batch } = loggingBatch();
    const broken = { ...batch, countMany: () => Promise.resolve([]) as Promise<readonly number[]> };
    await expect(keyedPageSource(broken, batchLoader(broken), 1).count()).rejects.toThrow(
      'A BatchPageSource gave 0 answers to 1 count calls',
    );
    const throwing = batchLoader({
      ...batch,
      get countMany(): never {
        throw new Error('gone');
      },
    });
    await expect(keyedPageSource(batch, throwing, 1).count()).rejects.toThrow('gone');
  });

  it('takes a scheduler, and passes field types, values, unique key and NULL order through', async () => {
    const { batch, log } = loggingBatch();
    const runs: Array<() => void> = [];
    const source = keyedPageSource(batch, batchLoader(batch, { schedule: (run) => runs.push(run) }), 3);
    expect([source.uniqueKey, source.nullOrder, source.fieldType('score'), source.valueOf(ROWS[2]!, 'parent')]).toEqual([
      ['id'],
      'last',
      'number',
      3,
    ]);
    const sliced = source.slice(0, 2, [{ field: 'score', descending: true }]);
    const counted = source.count();
    expect(runs).toHaveLength(1);
    runs[0]!();
    await expect(Promise.all([sliced, counted])).resolves.toEqual([[ROWS[17], ROWS[2]], 10]); // -score, then -id
    expect(log.map((entry) => entry.method)).toEqual(['sliceMany', 'countMany']);
  });
});
