// The property behind every batched source: for random rows and a random request, the pages of all
// parents fetched together through a batch equal the pages of each parent fetched alone — items,
// flags, cursors, counts and errors — over a walk that seeks from each parent's own cursors.
import fc from 'fast-check';
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationError,
  type FieldType,
  type Page,
  type PageSource,
} from 'pagewise';

/** A child row of the property: `parent` is the key it is batched by. */
export interface ChildRow {
  id: number;
  parent: number;
  title: string;
  score: number | null;
  created: Date;
}

/** The declared types of a child row's fields. */
export const CHILD_FIELDS: Readonly<Record<string, FieldType>> = {
  id: 'number',
  parent: 'number',
  title: 'string',
  score: 'number',
  created: 'date',
};

/** The parents every run pages: 1..6 may have rows, 7 never has. */
export const PARENTS = [1, 2, 3, 4, 5, 6, 7] as const;

const EPOCH = Date.UTC(2024, 0, 1);

/** Random children: few distinct values, so ties and NULLs are everywhere. */
export const childRowsArbitrary: fc.Arbitrary<ChildRow[]> = fc
  .array(
    fc.record({
      parent: fc.integer({ min: 1, max: 6 }),
      title: fc.constantFrom('a', 'b', 'c'),
      score: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      day: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 60 },
  )
  .map((drawn) =>
    drawn.map(({ parent, title, score, day }, index) => ({
      // Ids run against insertion order so that no source passes by returning rows as stored.
      id: ((index * 37) % 211) + 1 + 211 * Math.floor(index / 211),
      parent,
      title,
      score,
      created: new Date(EPOCH + day * 86_400_000),
    })),
  );

/** One request every parent's field is resolved with. */
export type BatchRequest =
  | { readonly style: 'page-number'; readonly page: string; readonly pageSize: number; readonly withCount: boolean }
  | { readonly style: 'limit-offset'; readonly limit: number; readonly offset: number; readonly withCount: boolean }
  | {
      readonly style: 'cursor';
      readonly mode: 'exact' | 'drf';
      readonly ordering: readonly string[];
      readonly size: number;
      readonly withCount: boolean;
    };

const ORDERINGS: readonly (readonly string[])[] = [
  ['-created'],
  ['created'],
  ['title'],
  ['-title', 'score'],
  ['score'],
  ['-score', '-created'],
];

/** Random requests of all three styles. */
export const batchRequestArbitrary: fc.Arbitrary<BatchRequest> = fc.oneof(
  fc.record({
    style: fc.constant('page-number' as const),
    page: fc.constantFrom('1', '2', '3', 'last'),
    pageSize: fc.integer({ min: 1, max: 6 }),
    withCount: fc.boolean(),
  }),
  fc.record({
    style: fc.constant('limit-offset' as const),
    limit: fc.integer({ min: 1, max: 6 }),
    offset: fc.integer({ min: 0, max: 12 }),
    withCount: fc.boolean(),
  }),
  fc.record({
    style: fc.constant('cursor' as const),
    mode: fc.constantFrom('exact' as const, 'drf' as const),
    ordering: fc.constantFrom(...ORDERINGS),
    size: fc.integer({ min: 1, max: 5 }),
    withCount: fc.boolean(),
  }),
);

async function summary<R>(page: Page<R> | null, source: PageSource<R>, withCount: boolean) {
  if (!page) return null;
  return {
    ids: page.items.map((row) => source.valueOf(row, 'id')),
    hasNext: page.hasNext,
    hasPrevious: page.hasPrevious,
    cursors: page.cursors,
    startCursor: page.startCursor,
    endCursor: page.endCursor,
    count: withCount ? await page.count() : null,
  };
}

async function outcome<R>(run: () => Promise<R>): Promise<R | { error: string }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PaginationError) return { error: error.code };
    throw error;
  }
}

/**
 * The pages of every parent for `request`, all parents at once (as GraphQL resolves a list): for the
 * cursor style a walk of three steps — first page, on from each parent's own end cursor, then back
 * from that page's start cursor — each step one round over all parents.
 */
export async function pagesOfParents<R>(sourceFor: (parent: number) => PageSource<R>, request: BatchRequest): Promise<unknown[]> {
  const { withCount } = request;
  const all = <V>(run: (parent: number, index: number) => Promise<V>) =>
    Promise.all(PARENTS.map((parent, index) => outcome(() => run(parent, index))));
  if (request.style === 'page-number') {
    const pagination = pageNumberPagination({ pageSize: request.pageSize });
    return all(async (parent) => {
      const source = sourceFor(parent);
      return summary(await paginatePageNumber(source, pagination, { page: request.page }, { withCount }), source, withCount);
    });
  }
  if (request.style === 'limit-offset') {
    const pagination = limitOffsetPagination({ defaultLimit: request.limit });
    return all(async (parent) => {
      const source = sourceFor(parent);
      return summary(await paginateLimitOffset(source, pagination, { offset: request.offset }, { withCount }), source, withCount);
    });
  }
  const pagination = cursorPagination({ pageSize: request.size, ordering: [...request.ordering], mode: request.mode });
  const first = await all(async (parent) => {
    const source = sourceFor(parent);
    return summary(await paginateRelay(source, pagination, { first: request.size }, { withCount }), source, withCount);
  });
  const endOf = (step: unknown[], index: number) => (step[index] as { endCursor?: string | null } | null)?.endCursor ?? null;
  const second = await all(async (parent, index) => {
    const after = endOf(first, index);
    const source = sourceFor(parent);
    return summary(await paginateRelay(source, pagination, { first: request.size, after }), source, false);
  });
  const startOf = (step: unknown[], index: number) => (step[index] as { startCursor?: string | null } | null)?.startCursor ?? null;
  const third = await all(async (parent, index) => {
    const before = startOf(second, index);
    const source = sourceFor(parent);
    const args = request.mode === 'drf' ? { after: before } : { last: request.size, before };
    return summary(await paginateRelay(source, pagination, args), source, false);
  });
  return [first, second, third];
}
