import type { PageCount } from './count-strategy';
import { encodeCursor, type Cursor } from './cursor-codec';
import { limitOffsetPageNumbers } from './page-math';
import { encodeOffsetCursor } from './offset-cursor';
import type { CursorPage, NumberedPage, OffsetPage, Page } from './page';
import type { PagePlan, SlicePlan } from './plan';
import type { Fetched } from './run-plan';
import { assembleDrf, assembleExact, edgeOutcome, type KeyedRows, type SeekOutcome } from './seek-page';
import { END_CURSOR, type SeekPlan } from './seek-plan';

type Counted = () => Promise<PageCount>;

/** The page's count and its number alone, from the memoized total. */
const countOf = (total: Counted) => ({ total, count: async (): Promise<number> => (await total()).value });

const pagesOf = async (total: Counted, size: number): Promise<number> => Math.max(1, Math.ceil((await total()).value / Math.max(size, 1)));

/** An offset page's row cursors (row indexes), encoded only when read: a REST body never reads them. */
function rowCursors(length: number, offset: number) {
  let all: readonly string[] | undefined;
  return {
    all: (): readonly string[] => (all ??= Array.from({ length }, (_, index) => encodeOffsetCursor(offset + index))),
    at: (index: number): string | null => (index < 0 || index >= length ? null : encodeOffsetCursor(offset + index)),
  };
}

function offsetPage<T>(
  items: readonly T[],
  offset: number,
  limit: number,
  hasNext: boolean,
  count: Counted,
  around: boolean,
): OffsetPage<T> {
  const cursors = rowCursors(items.length, offset);
  return {
    style: 'limit-offset',
    items,
    pageSize: limit,
    limit,
    offset,
    hasNext,
    hasPrevious: offset > 0,
    // A window that is no page (a page-number field continued off a page boundary) has no neighbours.
    nextOffset: around && hasNext ? offset + limit : null,
    previousOffset: around && offset > 0 ? Math.max(0, offset - limit) : null,
    get cursors() {
      return cursors.all();
    },
    get startCursor() {
      return cursors.at(0);
    },
    get endCursor() {
      return cursors.at(items.length - 1);
    },
    ...countOf(count),
    totalPages: async () => limitOffsetPageNumbers((await count()).value, offset, limit).final,
  };
}

function numberedPage<T>(items: readonly T[], page: number, size: number, hasNext: boolean, count: Counted): NumberedPage<T> {
  const offset = (page - 1) * size;
  const cursors = rowCursors(items.length, offset);
  return {
    style: 'page-number',
    items,
    pageSize: size,
    page,
    hasNext,
    hasPrevious: page > 1,
    nextPage: hasNext ? page + 1 : null,
    previousPage: page > 1 ? page - 1 : null,
    get cursors() {
      return cursors.all();
    },
    get startCursor() {
      return cursors.at(0);
    },
    get endCursor() {
      return cursors.at(items.length - 1);
    },
    ...countOf(count),
    totalPages: () => pagesOf(count, size),
  };
}

function slicePage<T>(plan: SlicePlan, rows: readonly T[], page: number, offset: number, count: Counted): Page<T> {
  const items = rows.slice(0, plan.size);
  const hasNext = rows.length > plan.size;
  if (plan.shape === 'numbered') return numberedPage(items, page, plan.size, hasNext, count);
  // A window is a page only at the style's own size and on its boundary: its numbers are then valid
  // to pass back as `page` with that size.
  const own = plan.relay !== true || plan.size === plan.pageSize;
  if (plan.shape === 'window' && own && plan.size > 0 && offset % plan.size === 0) {
    return numberedPage(items, offset / plan.size + 1, plan.size, hasNext, count);
  }
  // An empty window names no next offset: `offset + 0` would loop.
  return offsetPage(items, offset, plan.size, hasNext, count, plan.shape === 'offset' && !(plan.relay === true && plan.size === 0));
}

function cursorPage<T>(plan: SeekPlan, page: SeekOutcome<T>, count: Counted, from: Cursor | null): CursorPage<T> {
  // Each cursor encoded (and signed) once, and only when read: pageInfo alone signs two, not all, and
  // a Relay connection never reads DRF's next and previous links.
  const encoded: string[] = [];
  const cursorAt = (index: number): string => (encoded[index] ??= encodeCursor(page.cursorAt(index), plan.codec));
  let all: readonly string[] | undefined;
  let next: string | null | undefined;
  let previous: string | null | undefined;
  const encode = (cursor: Cursor | null): string | null => (cursor === null ? null : encodeCursor(cursor, plan.codec));
  const last = page.items.length - 1;
  return {
    style: 'cursor',
    items: page.items,
    pageSize: plan.size,
    cursor: from,
    hasNext: page.hasNext,
    hasPrevious: page.hasPrevious,
    get nextCursor() {
      return next === undefined ? (next = encode(page.next)) : next;
    },
    get previousCursor() {
      return previous === undefined ? (previous = encode(page.previous)) : previous;
    },
    get cursors() {
      return (all ??= page.items.map((_, index) => cursorAt(index)));
    },
    // Relay: the first and last edges' cursors (DRF's previous-page link stays previousCursor).
    get startCursor() {
      return last < 0 ? null : cursorAt(0);
    },
    get endCursor() {
      return last < 0 ? null : cursorAt(last);
    },
    get lastPageCursor() {
      return page.hasNext ? encodeCursor(END_CURSOR, plan.codec) : null;
    },
    pageNumber: numberOf(plan, from),
    ...countOf(count),
    totalPages: () => pagesOf(count, plan.size),
  };
}

/** A cursor page's number: known from the start and after a jump, not after a keyset step. */
function numberOf(plan: SeekPlan, from: Cursor | null): number | null {
  if (plan.mode === 'drf') return plan.jump ?? (from === null ? 1 : null);
  if (plan.skip !== undefined) return plan.skip / Math.max(plan.size, 1) + 1;
  return from === null && plan.direction === 'forward' && plan.before === undefined ? 1 : null;
}

/** Makes the page of a plan from what running it fetched: flags, neighbours, cursors. */
export function assemblePage<T>(source: KeyedRows<T>, plan: PagePlan, fetched: Fetched<T>): Page<T> | null {
  if (plan.kind === 'whole' || fetched.kind === 'whole') return null;
  if (plan.kind === 'slice') {
    if (fetched.kind !== 'slice') throw new TypeError('a slice plan needs a slice');
    return slicePage(plan, fetched.rows, fetched.page, fetched.offset, fetched.count);
  }
  if (plan.mode === 'exact' && fetched.kind === 'exact') {
    return cursorPage(
      plan,
      assembleExact(source, plan, fetched.rows, fetched.beyond),
      fetched.count,
      plan.direction === 'backward' ? (plan.before ?? null) : (plan.after ?? null),
    );
  }
  if (plan.mode === 'drf' && fetched.kind === 'drf') {
    const outcome = fetched.rows === null ? edgeOutcome<T>(plan, fetched.far) : assembleDrf(source, plan, fetched.cursor, fetched.rows);
    return cursorPage(plan, outcome, fetched.count, fetched.cursor);
  }
  throw new TypeError(`a ${plan.mode} plan cannot be assembled from a ${fetched.kind} fetch`);
}
