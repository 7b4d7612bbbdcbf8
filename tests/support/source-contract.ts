// The PageSource contract: the same behaviour, through core, over any source given the same rows.
// The array source is the reference: every page of another source must equal the array source's page
// for the same request (same items, flags and cursors), in both cursor modes.
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationError,
  type CursorMode,
  type CursorPage,
  type FieldType,
  type PageSource,
} from 'pagewise';
import { arraySource } from 'pagewise/array';

/** A row of the contract's data sets; every source under test holds these fields. */
export interface ContractRow {
  id: number;
  dataset: string;
  title: string;
  score: number | null;
  created: Date;
  rank: bigint;
  flag: boolean;
}

/** The declared types of the contract's fields. */
export const CONTRACT_FIELDS: Readonly<Record<string, FieldType>> = {
  id: 'number',
  dataset: 'string',
  title: 'string',
  score: 'number',
  created: 'date',
  rank: 'bigint',
  flag: 'boolean',
};

/** A named set of rows; a database source filters its table on `dataset`. */
export interface ContractDataset {
  readonly name: string;
  readonly rows: readonly ContractRow[];
}

const TITLES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const EPOCH = Date.UTC(2024, 0, 1);

function mulberry(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRows(dataset: string, firstId: number, count: number, seed: number, spread: number): ContractRow[] {
  const random = mulberry(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  // Ids are shuffled against insertion order so no source can pass by returning rows as stored.
  const ids = Array.from({ length: count }, (_, index) => firstId + index).sort(() => random() - 0.5);
  return ids.map((id) => ({
    id,
    dataset,
    title: TITLES[pick(Math.min(spread, TITLES.length))]!,
    score: pick(4) === 0 ? null : pick(spread),
    // Whole seconds: MariaDB's DATETIME keeps no fraction by default.
    created: new Date(EPOCH + pick(spread) * 86_400_000 + pick(2) * 1000),
    rank: BigInt(pick(spread)) * 1_000_000_007n,
    flag: pick(2) === 0,
  }));
}

/** The data sets every source is checked on: many ties and NULLs, all ties, one row, none. */
export const CONTRACT_DATASETS: readonly ContractDataset[] = [
  { name: 'mixed', rows: makeRows('mixed', 1, 37, 7, 4) },
  { name: 'ties', rows: makeRows('ties', 101, 11, 3, 1) },
  { name: 'single', rows: makeRows('single', 201, 1, 5, 3) },
  { name: 'empty', rows: [] },
];

/** What a source under test is built with besides its rows. */
export interface ContractSourceOptions {
  /** The order of page-number and limit-offset pages; the source appends `id`. */
  readonly ordering?: readonly string[];
}

/** Builds the source under test over a data set (e.g. a table filtered on `dataset`). */
export type MakeSource = (dataset: ContractDataset, options: ContractSourceOptions) => Promise<PageSource<ContractRow>>;

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

function reference(dataset: ContractDataset, source: PageSource<ContractRow>, options: ContractSourceOptions): PageSource<ContractRow> {
  return arraySource(dataset.rows, {
    uniqueKey: 'id',
    fields: CONTRACT_FIELDS,
    nulls: source.nullOrder,
    // Ties broken by the unique key in the last field's direction, as every source does.
    ordering: options.ordering?.length ? options.ordering : ['id'],
  });
}

const summary = (page: CursorPage<ContractRow>) => ({
  ids: ids(page.items),
  hasNext: page.hasNext,
  hasPrevious: page.hasPrevious,
  nextCursor: page.nextCursor,
  previousCursor: page.previousCursor,
  cursors: page.cursors,
});

async function outcome<R>(run: () => Promise<R>): Promise<R | { error: string }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PaginationError) return { error: error.code };
    throw error;
  }
}

/**
 * Registers the contract suite for a source: `makeSource` builds it over each data set (called once
 * per data set and option set, so a database source may insert the rows then).
 */
export function describeSourceContract(name: string, makeSource: MakeSource): void {
  describe(`PageSource contract: ${name}`, () => {
    const built = new Map<string, Promise<{ source: PageSource<ContractRow>; expected: PageSource<ContractRow> }>>();
    const sources = (dataset: ContractDataset, options: ContractSourceOptions = {}) => {
      const key = `${dataset.name}|${(options.ordering ?? []).join(',')}`;
      let pair = built.get(key);
      if (!pair) {
        pair = makeSource(dataset, options).then((source) => ({ source, expected: reference(dataset, source, options) }));
        built.set(key, pair);
      }
      return pair;
    };

    describe.each(CONTRACT_DATASETS.map((dataset) => [dataset.name, dataset] as const))('data set %s', (_name, dataset) => {
      it('declares the unique key and the fields types', async () => {
        const { source } = await sources(dataset);
        expect(source.uniqueKey).toEqual(['id']);
        expect(Object.fromEntries(Object.keys(CONTRACT_FIELDS).map((field) => [field, source.fieldType(field)]))).toEqual(CONTRACT_FIELDS);
      });

      it('counts the rows of its filter', async () => {
        const { source } = await sources(dataset);
        await expect(source.count()).resolves.toBe(dataset.rows.length);
      });

      it.each([[[] as string[]], [['-created']], [['title', '-score']]])(
        'page-number pages ordered by %j equal the reference',
        async (ordering) => {
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
        },
      );

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

      it.each([[[] as string[]], [['score', '-title']]])('limit-offset windows ordered by %j equal the reference', async (ordering) => {
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
            return { ids: ids(page!.items), hasNext: page!.hasNext, nextOffset: page!.nextOffset, previousOffset: page!.previousOffset };
          };
          expect({ limit, offset, page: await run(source) }).toEqual({ limit, offset, page: await run(expected) });
        }
      });

      describe.each(['exact', 'drf'] as const)('cursor, %s mode', (mode: CursorMode) => {
        it.each(CURSOR_ORDERINGS.map((ordering) => [ordering.join(','), ordering] as const))(
          'walks ordered by %s forward and back, page by page equal to the reference',
          async (_label, ordering) => {
            const { source, expected } = await sources(dataset);
            for (const size of [1, 3, 50]) {
              const pagination = cursorPagination({ pageSize: size, ordering, mode });
              const walk = async (start: string | null, follow: 'nextCursor' | 'previousCursor') => {
                const pages: ReturnType<typeof summary>[] = [];
                let cursor = start;
                for (let step = 0; step <= dataset.rows.length + 2; step += 1) {
                  const [mine, theirs] = await Promise.all([
                    paginateCursor(source, pagination, { cursor }),
                    paginateCursor(expected, pagination, { cursor }),
                  ]);
                  expect({ size, cursor, page: summary(mine!) }).toEqual({ size, cursor, page: summary(theirs!) });
                  pages.push(summary(mine!));
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
          },
        );

        it.each([
          ['first', { first: 4 }],
          ['last', { last: 4 }],
          ['first 0', { first: 0 }],
        ])('Relay %s pages walk the whole list like the reference', async (_label, start) => {
          const { source, expected } = await sources(dataset);
          const pagination = cursorPagination({ pageSize: 4, ordering: ['-score', 'title'], mode });
          const forward = 'first' in start;
          let args: Record<string, unknown> = start;
          for (let step = 0; step <= dataset.rows.length + 2; step += 1) {
            const [mine, theirs] = await Promise.all([paginateRelay(source, pagination, args), paginateRelay(expected, pagination, args)]);
            const view = (page: CursorPage<ContractRow>) => ({ ...summary(page), start: page.startCursor, end: page.endCursor });
            expect({ args, page: view(mine) }).toEqual({ args, page: view(theirs) });
            const next = forward ? mine.endCursor : mine.startCursor;
            if (next === null || !(forward ? mine.hasNext : mine.hasPrevious)) break;
            args = forward ? { first: start.first, after: next } : { last: start.last, before: next };
          }
        });
      });
    });

    describe('client ordering and windows (mixed data set)', () => {
      const dataset = CONTRACT_DATASETS[0]!;

      it('seeks with a Relay window between two cursors like the reference', async () => {
        const { source, expected } = await sources(dataset);
        const pagination = cursorPagination({ pageSize: 50, ordering: ['score', '-title'] });
        const all = await paginateRelay(expected, pagination, { first: 50 });
        const cursors = all.cursors;
        expect(cursors).toHaveLength(dataset.rows.length);
        for (const args of [
          { first: 10, after: cursors[1]!, before: cursors[cursors.length - 2]! },
          { last: 3, after: cursors[0]!, before: cursors[cursors.length - 1]! },
          { first: 2, last: 1, after: cursors[2]! },
        ]) {
          const [mine, theirs] = await Promise.all([paginateRelay(source, pagination, args), paginateRelay(expected, pagination, args)]);
          expect({ args, page: summary(mine) }).toEqual({ args, page: summary(theirs) });
        }
      });

      it.each([['-created,title'], ['title,-score'], ['score']])(
        '?ordering=%s through the allow-list equals the reference',
        async (ordering) => {
          const { source, expected } = await sources(dataset);
          const pagination = cursorPagination({ pageSize: 5, ordering: '-created', orderingFields: ['created', 'title', 'score'] });
          let cursor: string | null = null;
          for (let step = 0; step < 20; step += 1) {
            const [mine, theirs]: Array<CursorPage<ContractRow> | null> = await Promise.all([
              paginateCursor(source, pagination, { cursor, ordering }),
              paginateCursor(expected, pagination, { cursor, ordering }),
            ]);
            expect(summary(mine!)).toEqual(summary(theirs!));
            cursor = mine!.nextCursor;
            if (cursor === null) break;
          }
        },
      );

      it.each([['rank'], ['-created,password'], ['title;drop table x'], ['(select 1)']])(
        '?ordering=%s outside the allow-list is INVALID_ARGUMENT',
        async (ordering) => {
          const { source } = await sources(dataset);
          const pagination = cursorPagination({ pageSize: 5, ordering: '-created', orderingFields: ['created', 'title', 'score'] });
          await expect(paginateCursor(source, pagination, { ordering })).rejects.toMatchObject({
            code: 'INVALID_ARGUMENT',
            argument: 'ordering',
          });
        },
      );
    });
  });
}
