import { formatOrdering, type OrderingField } from './ordering';
import type { PageSource, SeekBound, SeekRequest, SeekResult } from './page-source';
import { serializeKeyValue, type FieldType, type KeyValue, type NullOrder } from './values';

/** One parent's seek in a batch: the parent's key and its request (bounds differ per parent). */
export interface KeyedSeek<K> {
  readonly key: K;
  readonly request: SeekRequest;
}

/** One parent's slice in a batch: the parent's key and its own offset (each parent's last page). */
export interface KeyedSlice<K> {
  readonly key: K;
  readonly offset: number;
}

/**
 * The rows of many parents at once (a paginated field under a list): each call is one query for all
 * the keys it is given. Results are aligned with the keys or requests passed in; a key may repeat.
 */
export interface BatchPageSource<K, T> {
  /** The number of rows of each key, in the order of `keys`. */
  countMany(keys: readonly K[]): Promise<readonly number[]>;
  /** Rows `[offset, offset + limit)` of each key, in the order of `keys`. */
  sliceMany(keys: readonly K[], offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<readonly (readonly T[])[]>;
  /**
   * Optional: rows `[offset, offset + limit)` of each key at its own offset, in one query (page-number
   * `last` under a list asks each parent's last page). Without it, each distinct offset is a `sliceMany`.
   */
  sliceEach?(slices: readonly KeyedSlice<K>[], limit: number, ordering?: readonly OrderingField[]): Promise<readonly (readonly T[])[]>;
  /**
   * A keyset window of each key. Every request of one call has the same ordering, direction, offset,
   * limit and probe; only the bounds differ.
   */
  seekMany(requests: readonly KeyedSeek<K>[]): Promise<readonly SeekResult<T>[]>;
  /** As {@link PageSource.fieldType}. */
  fieldType(field: string): FieldType;
  /** As {@link PageSource.valueOf}. */
  valueOf(row: T, field: string): KeyValue;
  /** As {@link PageSource.uniqueKey}. */
  readonly uniqueKey: readonly string[];
  /** As {@link PageSource.nullOrder}. */
  readonly nullOrder: NullOrder;
}

/** One parent's call on its per-parent source, as a batch collects it. */
export type BatchCall<K> =
  | { readonly kind: 'count'; readonly key: K }
  | {
      readonly kind: 'slice';
      readonly key: K;
      readonly offset: number;
      readonly limit: number;
      readonly ordering?: readonly OrderingField[];
    }
  | { readonly kind: 'seek'; readonly key: K; readonly request: SeekRequest };

/** What a call yields: a count, a slice's rows, or a seek's result. */
export type BatchAnswer<T> = number | readonly T[] | SeekResult<T>;

/**
 * Loads one call, batched with the others made in the same tick: DataLoader's `load`
 * (`new DataLoader((calls) => runBatch(batch, calls), { cache: false })`) or {@link batchLoader}.
 */
export interface BatchLoader<K, T> {
  load(call: BatchCall<K>): Promise<BatchAnswer<T>>;
}

const orderingName = (ordering: readonly OrderingField[] | undefined): string => (ordering ? formatOrdering(ordering) : '');

const boundName = (bound: SeekBound | undefined): string =>
  bound === undefined
    ? '-'
    : bound.kind === 'position'
      ? JSON.stringify(['p', typeof bound.value, serializeKeyValue(bound.value)])
      : JSON.stringify(bound.values.map((value) => [typeof value, serializeKeyValue(value)]));

/**
 * What calls of one statement share: for seeks the shape, never the bounds; for slices the offset
 * too, unless the batch takes an offset per key (`eachOffset`).
 */
function shapeOf<K>(call: BatchCall<K>, eachOffset: boolean): string {
  switch (call.kind) {
    case 'count':
      return 'count';
    case 'slice':
      return `slice:${eachOffset ? '*' : call.offset}:${call.limit}:${orderingName(call.ordering)}`;
    case 'seek': {
      const { request } = call;
      return `seek:${orderingName(request.ordering)}:${request.direction}:${request.offset}:${request.limit}:${request.probe === true}`;
    }
  }
}

/** What makes two calls of one shape for one key different: a seek's bounds, a slice's offset. */
const boundsOf = <K>(call: BatchCall<K>): string =>
  call.kind === 'seek'
    ? `${boundName(call.request.after)}|${boundName(call.request.before)}`
    : call.kind === 'slice'
      ? String(call.offset)
      : '';

async function answer<K, T>(batch: BatchPageSource<K, T>, calls: readonly BatchCall<K>[]): Promise<readonly BatchAnswer<T>[]> {
  const answers = await ask(batch, calls);
  if (answers.length !== calls.length) {
    throw new Error(`A BatchPageSource gave ${answers.length} answers to ${calls.length} ${calls[0]!.kind} calls`);
  }
  return answers;
}

function ask<K, T>(batch: BatchPageSource<K, T>, calls: readonly BatchCall<K>[]): Promise<readonly BatchAnswer<T>[]> {
  const first = calls[0]!;
  switch (first.kind) {
    case 'count':
      return batch.countMany(calls.map((call) => call.key));
    case 'slice':
      if (batch.sliceEach) {
        const slices = calls.map((call) => ({ key: call.key, offset: (call as Extract<BatchCall<K>, { kind: 'slice' }>).offset }));
        return batch.sliceEach(slices, first.limit, first.ordering);
      }
      return batch.sliceMany(
        calls.map((call) => call.key),
        first.offset,
        first.limit,
        first.ordering,
      );
    case 'seek':
      return batch.seekMany(calls.map((call) => ({ key: call.key, request: (call as Extract<BatchCall<K>, { kind: 'seek' }>).request })));
  }
}

/**
 * Answers a batch of calls (a DataLoader batch function): calls of one shape become one `countMany`,
 * `sliceMany` (or `sliceEach`) or `seekMany`; identical calls are asked once; a key that comes with different bounds
 * goes into a further statement, so no statement mixes two windows of one parent. The answers are
 * aligned with `calls`; a statement that fails fails its calls only (its error in their places).
 */
export async function runBatch<K, T>(batch: BatchPageSource<K, T>, calls: readonly BatchCall<K>[]): Promise<Array<BatchAnswer<T> | Error>> {
  // statement -> its distinct calls; call index -> [statement, position]
  const statements: BatchCall<K>[][] = [];
  const placed: Array<readonly [number, number]> = [];
  const byShape = new Map<string, { rounds: number[]; seen: Map<K, Map<string, readonly [number, number]>> }>();
  const eachOffset = typeof batch.sliceEach === 'function';
  for (const call of calls) {
    const shape = shapeOf(call, eachOffset);
    let group = byShape.get(shape);
    if (!group) {
      group = { rounds: [], seen: new Map() };
      byShape.set(shape, group);
    }
    let ofKey = group.seen.get(call.key);
    if (!ofKey) {
      ofKey = new Map();
      group.seen.set(call.key, ofKey);
    }
    const bounds = boundsOf(call);
    const known = ofKey.get(bounds);
    if (known) {
      placed.push(known);
      continue;
    }
    const round = ofKey.size;
    if (group.rounds[round] === undefined) {
      group.rounds[round] = statements.length;
      statements.push([]);
    }
    const statement = group.rounds[round];
    const where = [statement, statements[statement]!.length] as const;
    statements[statement]!.push(call);
    ofKey.set(bounds, where);
    placed.push(where);
  }
  const results = await Promise.all(
    statements.map((statement) =>
      answer(batch, statement).then(
        (answers) => answers,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
    ),
  );
  return placed.map(([statement, position]) => {
    const result = results[statement]!;
    return result instanceof Error ? result : result[position]!;
  });
}

/** Options of {@link batchLoader}. */
export interface BatchLoaderOptions {
  /**
   * Runs the collected batch later. Default: after the promise jobs of the current tick have run
   * (as DataLoader), with `setImmediate` where there is one, else `setTimeout(0)`.
   */
  readonly schedule?: (run: () => void) => void;
}

const later = (run: () => void): void => {
  void Promise.resolve().then(() => (typeof setImmediate === 'function' ? setImmediate(run) : setTimeout(run, 0)));
};

/**
 * A minimal DataLoader without a cache: every call made before the scheduled run goes into one
 * {@link runBatch}. Make one per request, so that batches never mix requests.
 */
export function batchLoader<K, T>(batch: BatchPageSource<K, T>, options: BatchLoaderOptions = {}): BatchLoader<K, T> {
  const schedule = options.schedule ?? later;
  let pending: Array<{ call: BatchCall<K>; resolve: (answer: BatchAnswer<T>) => void; reject: (error: unknown) => void }> = [];
  const run = (): void => {
    const taken = pending;
    pending = [];
    runBatch(
      batch,
      taken.map((entry) => entry.call),
    ).then(
      (answers) =>
        taken.forEach((entry, index) => {
          const result = answers[index]!;
          if (result instanceof Error) entry.reject(result);
          else entry.resolve(result);
        }),
      (error: unknown) => taken.forEach((entry) => entry.reject(error)),
    );
  };
  return {
    load: (call) =>
      new Promise((resolve, reject) => {
        pending.push({ call, resolve, reject });
        if (pending.length === 1) schedule(run);
      }),
  };
}

/**
 * The PageSource of one parent over a batch: its count, slice and seek go through `loader`, so core's
 * paginate functions page each parent as usual while the loader sends one query per shape for all.
 */
export function keyedPageSource<K, T>(batch: BatchPageSource<K, T>, loader: BatchLoader<K, T>, key: K): PageSource<T> {
  return {
    uniqueKey: batch.uniqueKey,
    nullOrder: batch.nullOrder,
    fieldType: (field) => batch.fieldType(field),
    valueOf: (row, field) => batch.valueOf(row, field),
    count: () => loader.load({ kind: 'count', key }) as Promise<number>,
    slice: (offset, limit, ordering) =>
      loader.load(
        ordering === undefined ? { kind: 'slice', key, offset, limit } : { kind: 'slice', key, offset, limit, ordering },
      ) as Promise<readonly T[]>,
    seek: (request) => loader.load({ kind: 'seek', key, request }) as Promise<SeekResult<T>>,
  };
}

/**
 * Per-parent PageSources over one batch, for one request: `sourceFor(key)` for each parent. All the
 * parents' calls made in one tick go out together (a loader of its own unless one is given).
 */
export function batchedPageSources<K, T>(
  batch: BatchPageSource<K, T>,
  loader: BatchLoader<K, T> = batchLoader(batch),
): (key: K) => PageSource<T> {
  return (key) => keyedPageSource(batch, loader, key);
}

/**
 * A BatchPageSource that asks one PageSource per key, in parallel: for a source that has no batched
 * form, and as the reference the batched sources are checked against. `template` gives the field
 * types, values, unique key and NULL order.
 */
export function fanOutBatchSource<K, T>(
  template: Pick<PageSource<T>, 'fieldType' | 'valueOf' | 'uniqueKey' | 'nullOrder'>,
  sourceFor: (key: K) => PageSource<T>,
): BatchPageSource<K, T> {
  return {
    uniqueKey: template.uniqueKey,
    nullOrder: template.nullOrder,
    fieldType: (field) => template.fieldType(field),
    valueOf: (row, field) => template.valueOf(row, field),
    countMany: (keys) => Promise.all(keys.map((key) => sourceFor(key).count())),
    sliceMany: (keys, offset, limit, ordering) => Promise.all(keys.map((key) => sourceFor(key).slice(offset, limit, ordering))),
    seekMany: (requests) => Promise.all(requests.map(({ key, request }) => sourceFor(key).seek(request))),
  };
}
