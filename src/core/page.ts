import type { PageCount } from './count-strategy';
import type { Cursor } from './cursor-codec';

/** What every style's page has: the items, both flags, cursors and a count computed on demand. */
export interface PageBase<T> {
  /** The rows of the page, in the ordering's order. */
  readonly items: readonly T[];
  /** The effective page size (or limit). */
  readonly pageSize: number;
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  /** One cursor per item: what `after` (or `before`) takes to continue from that item. */
  readonly cursors: readonly string[];
  /** The first item's cursor (Relay's `startCursor`); null on an empty page. */
  readonly startCursor: string | null;
  /** The last item's cursor (Relay's `endCursor`); null on an empty page. */
  readonly endCursor: string | null;
  /** The number of rows in the whole list; runs the count query on first call, then memoized. */
  count(): Promise<number>;
  /** The count and how far to trust it (exact, capped: at least, estimated), by the count strategy. */
  total(): Promise<PageCount>;
  /** The number of pages (at least 1); needs the count. */
  totalPages(): Promise<number>;
}

/** A page of PageNumberPagination. */
export interface NumberedPage<T> extends PageBase<T> {
  readonly style: 'page-number';
  /** The 1-based page number. */
  readonly page: number;
  readonly nextPage: number | null;
  readonly previousPage: number | null;
}

/** A page of LimitOffsetPagination. */
export interface OffsetPage<T> extends PageBase<T> {
  readonly style: 'limit-offset';
  readonly offset: number;
  readonly limit: number;
  readonly nextOffset: number | null;
  /** The previous page's offset; 0 means the first page (DRF drops the parameter). */
  readonly previousOffset: number | null;
}

/** A page of CursorPagination. */
export interface CursorPage<T> extends PageBase<T> {
  readonly style: 'cursor';
  /** The cursor the page was requested with, decoded (null for the first page). */
  readonly cursor: Cursor | null;
  /** The next page's cursor, exactly the value of DRF's `cursor` query parameter in `next`. */
  readonly nextCursor: string | null;
  /** The previous page's cursor, exactly the value of DRF's `cursor` query parameter in `previous`. */
  readonly previousCursor: string | null;
  /** DRF's cursor of the last page (`Cursor(0, reverse=True, None)`), null when this page is the last. */
  readonly lastPageCursor: string | null;
  /** The page's number when known: 1 for the first page, N after a jump to page N; null otherwise. */
  readonly pageNumber: number | null;
}

/** A page of any style. */
export type Page<T> = NumberedPage<T> | OffsetPage<T> | CursorPage<T>;

/** Options of every paginate call. */
export interface PaginateContext {
  /** Start the count query now, in parallel with the page query (a count field was selected). */
  readonly withCount?: boolean;
}

/**
 * Runs `work` (the page query and its checks). When it fails while an eager count is in flight, the
 * count is awaited first: no query of a request outlives the call that started it (a request-scoped
 * connection may close right after, and a test counting statements must see them all).
 */
export async function settleOnError<R>(count: () => Promise<unknown>, eager: boolean, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (eager) await count().catch(() => undefined);
    throw error;
  }
}
