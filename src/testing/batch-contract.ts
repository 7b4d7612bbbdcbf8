// The BatchPageSource contract: every parent's page fetched together (one batch per tick, as GraphQL
// resolves a list) equals that parent's page from the reference array source, in every style, from
// each parent's own cursors, from cursors of rows a parent lacks (the probe), and for keys that name
// one parent in two types.
import {
  batchedPageSources,
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  type BatchPageSource,
  type CursorMode,
  type Page,
  type PageSource,
} from '../core/internal';
import { CONTRACT_DATASETS, CONTRACT_ROWS, type ContractRow } from './contract-data';
import { outcome, referenceSource, type ContractParentKey, type ContractSourceOptions } from './reference';
import type { ContractTestApi } from './test-api';

type Batch = BatchPageSource<ContractParentKey, ContractRow>;

/** A parent no row has: its pages are empty and its count 0. */
const UNKNOWN_PARENT = 99;

const PARENTS: readonly number[] = [...CONTRACT_DATASETS.map((dataset) => dataset.parent), UNKNOWN_PARENT];

const rowsOf = (parent: number): readonly ContractRow[] => CONTRACT_DATASETS.find((dataset) => dataset.parent === parent)?.rows ?? [];

/** Runs `run` for every parent in the same tick, over one loader: what a batch is asked at once. */
function together<R>(
  batch: Batch,
  keys: readonly ContractParentKey[],
  run: (source: PageSource<ContractRow>, index: number) => Promise<R>,
) {
  const sourceFor = batchedPageSources(batch);
  return Promise.all(keys.map((key, index) => outcome(() => run(sourceFor(key), index))));
}

/** The same runs, each parent alone over the reference array source of its rows (built with `options`). */
function alone<R>(
  batch: Batch,
  keys: readonly number[],
  run: (source: PageSource<ContractRow>, index: number) => Promise<R>,
  options: ContractSourceOptions = {},
) {
  return Promise.all(keys.map((key, index) => outcome(() => run(referenceSource(rowsOf(key), batch.nullOrder, options), index))));
}

const pageOf = async (page: Page<ContractRow> | null, withCount = false) =>
  page && {
    ids: page.items.map((row) => row.id),
    hasNext: page.hasNext,
    hasPrevious: page.hasPrevious,
    cursors: page.cursors,
    start: page.startCursor,
    end: page.endCursor,
    count: withCount ? await page.count() : null,
  };

type It = (title: string, body: () => Promise<void>) => void;

/** Registers the batch part of the contract (see {@link describeSourceContract}'s `batch` option). */
export function describeBatchContract(
  test: ContractTestApi,
  it: It,
  title: string,
  batchOf: (options: ContractSourceOptions) => Promise<Batch>,
): void {
  const { describe, expect } = test;
  describe(title, () => {
    it('page-number pages (1, 2, last, with counts) of all parents at once equal each alone', async () => {
      const batch = await batchOf({});
      const pagination = pageNumberPagination({ pageSize: 4 });
      for (const page of ['1', '2', 'last']) {
        const run = async (source: PageSource<ContractRow>) =>
          pageOf(await paginatePageNumber(source, pagination, { page }, { withCount: true }), true);
        expect({ page, pages: await together(batch, PARENTS, run) }).toEqual({ page, pages: await alone(batch, PARENTS, run) });
      }
    });

    it('limit-offset windows of all parents at once equal each alone', async () => {
      const options = { ordering: ['score', '-title'] };
      const batch = await batchOf(options);
      const pagination = limitOffsetPagination({ defaultLimit: 3 });
      for (const offset of ['0', '2', '9']) {
        const run = async (source: PageSource<ContractRow>) => pageOf(await paginateLimitOffset(source, pagination, { offset }));
        expect({ offset, pages: await together(batch, PARENTS, run) }).toEqual({
          offset,
          pages: await alone(batch, PARENTS, run, options),
        });
      }
    });

    for (const mode of ['exact', 'drf'] as const satisfies readonly CursorMode[]) {
      for (const ordering of [['-created'], ['score', '-title']]) {
        it(`cursor pages (${mode}, ${ordering.join(',')}): all parents at once, each from its own cursors, equal each alone`, async () => {
          const batch = await batchOf({});
          const pagination = cursorPagination({ pageSize: 3, ordering, mode });
          // Forward from the start, on from each parent's own end cursor, then back from each start.
          let argsOf = (_index: number): Record<string, unknown> => ({ first: 3 });
          for (let step = 0; step < 6; step += 1) {
            const current = argsOf;
            const mine = await together(batch, PARENTS, async (source, index) =>
              pageOf(await paginateRelay(source, pagination, current(index))),
            );
            const theirs = await Promise.all(
              PARENTS.map((parent, index) => paginateRelay(referenceSource(rowsOf(parent), batch.nullOrder), pagination, current(index))),
            );
            expect({ step, pages: mine }).toEqual({ step, pages: await Promise.all(theirs.map((page) => pageOf(page))) });
            const forward = step < 2;
            argsOf = (index) => {
              const page = theirs[index]!;
              if (forward) return { first: 3, after: page.endCursor };
              return mode === 'exact' ? { last: 3, before: page.startCursor } : { after: page.startCursor };
            };
          }
        });
      }
    }

    for (const ordering of [['-created'], ['score', '-title']]) {
      it(`all parents at once from cursors of rows they do not hold (${ordering.join(',')}): flags and rows as each alone`, async () => {
        const batch = await batchOf({});
        const pagination = cursorPagination({ pageSize: 3, ordering });
        const everywhere = await paginateRelay(referenceSource(CONTRACT_ROWS, batch.nullOrder), pagination, {
          first: CONTRACT_ROWS.length,
        });
        for (const cursor of everywhere.cursors) {
          for (const args of [
            { first: 3, after: cursor },
            { last: 3, before: cursor },
          ]) {
            const run = async (source: PageSource<ContractRow>) => pageOf(await paginateRelay(source, pagination, args));
            expect({ args, pages: await together(batch, PARENTS, run) }).toEqual({ args, pages: await alone(batch, PARENTS, run) });
          }
        }
      });
    }

    it('keys equal as text are one parent (1 and "1"), and a parent asked twice in a tick gets each window', async () => {
      const batch = await batchOf({});
      const pagination = cursorPagination({ pageSize: 4, ordering: ['-created'] });
      const mixed = CONTRACT_DATASETS[0]!.parent;
      const first = await paginateRelay(referenceSource(rowsOf(mixed), batch.nullOrder), pagination, { first: 4 });
      const keys: ContractParentKey[] = [mixed, String(mixed), mixed, String(UNKNOWN_PARENT)];
      const argsOf = (index: number) => (index === 2 ? { first: 4, after: first.endCursor } : { first: 4 });
      const run = async (source: PageSource<ContractRow>, index: number) =>
        pageOf(await paginateRelay(source, pagination, argsOf(index), { withCount: true }), true);
      expect(await together(batch, keys, run)).toEqual(await alone(batch, [mixed, mixed, mixed, UNKNOWN_PARENT], run));
      expect(await batch.countMany(keys)).toEqual([rowsOf(mixed).length, rowsOf(mixed).length, rowsOf(mixed).length, 0]);
    });
  });
}
