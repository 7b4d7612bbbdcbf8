// The PageSource contract: the same behaviour, through core, over any source given the same rows.
// The array source is the reference: every page of another source must equal the array source's page
// for the same request (same items, flags and cursors), in both cursor modes.
import {
  batchedPageSources,
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationError,
  type BatchPageSource,
  type CursorMode,
  type CursorPage,
  type PageSource,
} from '../core/internal';
import { describeBatchContract } from './batch-contract';
import {
  outcome,
  pageSummary,
  referenceSource,
  type ContractParentKey,
  type ContractSourceOptions,
  type MakeBatchSource,
  type MakeSource,
} from './reference';
import { CONTRACT_DATASETS, CONTRACT_FIELDS, CONTRACT_ROWS, type ContractDataset, type ContractRow } from './contract-data';
import { globalTestApi, type ContractTestApi } from './test-api';

/** Options of {@link describeSourceContract}. */
export interface SourceContractOptions {
  /** The batch form of the source: then each parent meets the contract through it, and all at once equal each alone. */
  readonly batch?: MakeBatchSource;
  /** The runner's `describe`, `it` and `expect` (default: its globals). */
  readonly test?: ContractTestApi;
  /** Milliseconds one test may take, passed to `it` (default: the runner's). */
  readonly timeout?: number;
}

/** The orderings cursor pages are walked in: one-way, mixed, nullable, bigint, boolean, the key. */
const CURSOR_ORDERINGS: readonly (readonly string[])[] = [
  ['-created'],
  ['created'],
  ['title'],
  ['-title', 'score'],
  ['score'],
  ['-score', '-created'],
  ['rank', '-title'],
  ['flag', 'created'],
  ['id'],
];

const ids = (rows: readonly ContractRow[]): number[] => rows.map((row) => row.id);

/** Options of {@link describeBatchSourceContract}: the runner's functions and a timeout, as for a source. */
export type BatchSourceContractOptions = Omit<SourceContractOptions, 'batch'>;

/** The test runner and `it` (with the timeout) the options ask for. */
function runnerOf(options: BatchSourceContractOptions): { readonly test: ContractTestApi; readonly it: It } {
  const test = options.test ?? globalTestApi();
  const it = (title: string, body: () => Promise<void>): void =>
    options.timeout === undefined ? test.it(title, body) : test.it(title, body, options.timeout);
  return { test, it };
}

/**
 * Registers the contract suite for a source: `makeSource` builds it over each data set; with
 * `options.batch`, its batch form is checked too ({@link describeBatchSourceContract}). Uses the
 * test runner's globals unless `options.test` gives them.
 */
export function describeSourceContract(name: string, makeSource: MakeSource, options: SourceContractOptions = {}): void {
  const { test, it } = runnerOf(options);
  describeContract(test, it, `PageSource contract: ${name}`, makeSource);
  if (options.batch) describeBatchSourceContract(name, options.batch, options);
}

/**
 * Registers the contract suite for a batch source over {@link CONTRACT_ROWS} keyed by `parent`: each
 * parent, paged through it, meets the whole PageSource contract; all parents at once (one batch per
 * tick) equal each alone over the reference, in every style, from their own cursors and from cursors
 * of rows they lack (the probe); keys equal as text (`1`, `'1'`) are one parent.
 */
export function describeBatchSourceContract(name: string, makeBatch: MakeBatchSource, options: BatchSourceContractOptions = {}): void {
  const { test, it } = runnerOf(options);
  const batches = new Map<string, Promise<BatchPageSource<ContractParentKey, ContractRow>>>();
  const batchOf = (sourceOptions: ContractSourceOptions) => {
    const key = (sourceOptions.ordering ?? []).join(',');
    let batch = batches.get(key);
    if (!batch) {
      batch = makeBatch(sourceOptions);
      batches.set(key, batch);
    }
    return batch;
  };
  // A fresh loader per source, as per request: a parent's calls batch with those made in the same tick.
  describeContract(test, it, `PageSource contract through the batch: ${name}, one parent of all`, async (dataset, sourceOptions) =>
    batchedPageSources(await batchOf(sourceOptions))(dataset.parent),
  );
  describeBatchContract(test, it, `BatchPageSource contract: ${name}`, batchOf);
}

type It = (title: string, body: () => Promise<void>) => void;

function describeContract(test: ContractTestApi, it: It, title: string, makeSource: MakeSource): void {
  const { describe, expect } = test;
  describe(title, () => {
    const built = new Map<string, Promise<{ source: PageSource<ContractRow>; expected: PageSource<ContractRow> }>>();
    const sources = (dataset: ContractDataset, options: ContractSourceOptions = {}) => {
      const key = `${dataset.name}|${(options.ordering ?? []).join(',')}`;
      let pair = built.get(key);
      if (!pair) {
        pair = makeSource(dataset, options).then((source) => ({
          source,
          expected: referenceSource(dataset.rows, source.nullOrder, options),
        }));
        built.set(key, pair);
      }
      return pair;
    };

    for (const dataset of CONTRACT_DATASETS) {
      describe(`data set ${dataset.name}`, () => {
        it('declares the unique key and the fields types', async () => {
          const { source } = await sources(dataset);
          expect(source.uniqueKey).toEqual(['id']);
          expect(Object.fromEntries(Object.keys(CONTRACT_FIELDS).map((field) => [field, source.fieldType(field)]))).toEqual(
            CONTRACT_FIELDS,
          );
        });

        it('counts the rows of its filter', async () => {
          const { source } = await sources(dataset);
          expect(await source.count()).toEqual(dataset.rows.length);
        });

        for (const ordering of [[], ['-created'], ['title', '-score']]) {
          it(`page-number pages ordered by ${JSON.stringify(ordering)} equal the reference`, async () => {
            const { source, expected } = await sources(dataset, { ordering });
            for (const size of [1, 5, 50]) {
              const pagination = pageNumberPagination({ pageSize: size });
              const pages = Math.max(1, Math.ceil(dataset.rows.length / size)) + 1;
              for (let page = 1; page <= pages; page += 1) {
                const run = (from: PageSource<ContractRow>) =>
                  outcome(async () => {
                    const result = await paginatePageNumber(from, pagination, { page: String(page) }, { withCount: page === 1 });
                    return {
                      ids: ids(result!.items),
                      hasNext: result!.hasNext,
                      nextPage: result!.nextPage,
                      count: page === 1 ? await result!.count() : null,
                    };
                  });
                expect({ size, page, outcome: await run(source) }).toEqual({ size, page, outcome: await run(expected) });
              }
            }
          });
        }

        it('page-number "last" and out-of-range pages behave as the reference', async () => {
          const { source, expected } = await sources(dataset);
          const pagination = pageNumberPagination({ pageSize: 4 });
          for (const page of ['last', '0', 'x', '99']) {
            const run = (from: PageSource<ContractRow>) =>
              outcome(async () => {
                const result = await paginatePageNumber(from, pagination, { page });
                return { ids: ids(result!.items), page: result!.page };
              });
            expect({ page, outcome: await run(source) }).toEqual({ page, outcome: await run(expected) });
          }
        });

        for (const ordering of [[], ['score', '-title']]) {
          it(`limit-offset windows ordered by ${JSON.stringify(ordering)} equal the reference`, async () => {
            const { source, expected } = await sources(dataset, { ordering });
            const pagination = limitOffsetPagination({ defaultLimit: 3 });
            for (const [limit, offset] of [
              ['3', '0'],
              ['2', '1'],
              ['10', '5'],
              ['10', '36'],
              ['5', '37'],
              ['1', '100'],
              ['0', '2'],
            ] as const) {
              const run = async (from: PageSource<ContractRow>) => {
                const page = await paginateLimitOffset(from, pagination, { limit, offset });
                return {
                  ids: ids(page!.items),
                  hasNext: page!.hasNext,
                  nextOffset: page!.nextOffset,
                  previousOffset: page!.previousOffset,
                };
              };
              expect({ limit, offset, page: await run(source) }).toEqual({ limit, offset, page: await run(expected) });
            }
          });
        }

        for (const mode of ['exact', 'drf'] as const) {
          describe(`cursor, ${mode} mode`, () => {
            for (const ordering of CURSOR_ORDERINGS) {
              it(`walks ordered by ${ordering.join(',')} forward and back, page by page equal to the reference`, async () => {
                const { source, expected } = await sources(dataset);
                await walkBothWays(expect, source, expected, dataset, ordering, mode);
              });
            }

            for (const [label, start] of [
              ['first', { first: 4 }],
              ['last', { last: 4 }],
              ['first 0', { first: 0 }],
            ] as const) {
              it(`Relay ${label} pages walk the whole list like the reference`, async () => {
                const { source, expected } = await sources(dataset);
                const pagination = cursorPagination({ pageSize: 4, ordering: ['-score', 'title'], mode });
                const forward = 'first' in start;
                let args: Record<string, unknown> = start;
                for (let step = 0; step <= dataset.rows.length + 2; step += 1) {
                  const [mine, theirs] = await Promise.all([
                    paginateRelay(source, pagination, args),
                    paginateRelay(expected, pagination, args),
                  ]);
                  expect({ args, page: pageSummary(mine) }).toEqual({ args, page: pageSummary(theirs) });
                  const next = forward ? mine.endCursor : mine.startCursor;
                  if (next === null || !(forward ? mine.hasNext : mine.hasPrevious)) break;
                  args = 'first' in start ? { first: start.first, after: next } : { last: start.last, before: next };
                }
              });
            }
          });
        }

        // Cursors of rows this data set does not hold (those of every data set): the source must
        // still tell exactly whether a row lies behind the cursor (the probe), as the reference does.
        for (const ordering of [['-created'], ['score', '-title'], ['id']]) {
          it(`pages from cursors of rows it does not hold, ordered by ${ordering.join(',')}, as the reference`, async () => {
            const { source, expected } = await sources(dataset);
            const pagination = cursorPagination({ pageSize: 3, ordering: [...ordering] });
            const everywhere = await paginateRelay(referenceSource(CONTRACT_ROWS, source.nullOrder), pagination, {
              first: CONTRACT_ROWS.length,
            });
            for (const cursor of everywhere.cursors) {
              for (const args of [
                { first: 3, after: cursor },
                { last: 3, before: cursor },
              ]) {
                const [mine, theirs] = await Promise.all([
                  paginateRelay(source, pagination, args),
                  paginateRelay(expected, pagination, args),
                ]);
                expect({ args, page: pageSummary(mine) }).toEqual({ args, page: pageSummary(theirs) });
              }
            }
          });
        }
      });
    }

    describe('client ordering and windows (mixed data set)', () => {
      const dataset = CONTRACT_DATASETS[0]!;

      it('seeks with a Relay window between two cursors like the reference', async () => {
        const { source, expected } = await sources(dataset);
        const pagination = cursorPagination({ pageSize: 50, ordering: ['score', '-title'] });
        const all = await paginateRelay(expected, pagination, { first: 50 });
        const cursors = all.cursors;
        expect(cursors.length).toEqual(dataset.rows.length);
        for (const args of [
          { first: 10, after: cursors[1]!, before: cursors[cursors.length - 2]! },
          { last: 3, after: cursors[0]!, before: cursors[cursors.length - 1]! },
          { first: 2, last: 1, after: cursors[2]! },
        ]) {
          const [mine, theirs] = await Promise.all([paginateRelay(source, pagination, args), paginateRelay(expected, pagination, args)]);
          expect({ args, page: pageSummary(mine) }).toEqual({ args, page: pageSummary(theirs) });
        }
      });

      for (const ordering of ['-created,title', 'title,-score', 'score']) {
        it(`?ordering=${ordering} through the allow-list equals the reference`, async () => {
          const { source, expected } = await sources(dataset);
          const pagination = cursorPagination({ pageSize: 5, ordering: '-created', orderingFields: ['created', 'title', 'score'] });
          let cursor: string | null = null;
          for (let step = 0; step < 20; step += 1) {
            const [mine, theirs]: Array<CursorPage<ContractRow> | null> = await Promise.all([
              paginateCursor(source, pagination, { cursor, ordering }),
              paginateCursor(expected, pagination, { cursor, ordering }),
            ]);
            expect(pageSummary(mine!)).toEqual(pageSummary(theirs!));
            cursor = mine!.nextCursor;
            if (cursor === null) break;
          }
        });
      }

      for (const ordering of ['rank', '-created,password', 'title;drop table x', '(select 1)']) {
        it(`?ordering=${ordering} outside the allow-list is INVALID_ARGUMENT`, async () => {
          const { source } = await sources(dataset);
          const pagination = cursorPagination({ pageSize: 5, ordering: '-created', orderingFields: ['created', 'title', 'score'] });
          const failure = await paginateCursor(source, pagination, { ordering }).then(
            () => null,
            (error: unknown) => (error instanceof PaginationError ? { code: error.code, argument: error.argument } : error),
          );
          expect(failure).toEqual({ code: 'INVALID_ARGUMENT', argument: 'ordering' });
        });
      }
    });
  });
}

/**
 * Walks a data set's cursor pages forward from the start at three sizes, each page equal to the
 * reference's; in `exact` mode every row is seen once, and walking back from the last page's
 * previous cursor gives the same rows in the same order.
 */
async function walkBothWays(
  expect: ContractTestApi['expect'],
  source: PageSource<ContractRow>,
  expected: PageSource<ContractRow>,
  dataset: ContractDataset,
  ordering: readonly string[],
  mode: CursorMode,
): Promise<void> {
  for (const size of [1, 3, 50]) {
    const pagination = cursorPagination({ pageSize: size, ordering: [...ordering], mode });
    const walk = async (start: string | null, follow: 'nextCursor' | 'previousCursor') => {
      const pages: ReturnType<typeof pageSummary>[] = [];
      let cursor = start;
      for (let step = 0; step <= dataset.rows.length + 2; step += 1) {
        const [mine, theirs] = await Promise.all([
          paginateCursor(source, pagination, { cursor }),
          paginateCursor(expected, pagination, { cursor }),
        ]);
        expect({ size, cursor, page: pageSummary(mine!) }).toEqual({ size, cursor, page: pageSummary(theirs!) });
        pages.push(pageSummary(mine!));
        cursor = mine![follow];
        if (cursor === null) break;
      }
      return pages;
    };
    const forward = await walk(null, 'nextCursor');
    const seen = forward.flatMap((page) => page.ids);
    if (mode === 'exact') {
      expect([...seen].sort((a, b) => a - b)).toEqual(ids(dataset.rows).sort((a, b) => a - b));
      const last = forward[forward.length - 1]!;
      const back = last.previousCursor === null ? [] : await walk(last.previousCursor, 'previousCursor');
      const backward = [...back].reverse().flatMap((page) => page.ids);
      expect([...backward, ...last.ids]).toEqual(seen);
    }
  }
}
