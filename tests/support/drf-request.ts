// What a DRF list view does with one request, built from core and the array source only: the page,
// the body, the links, the HTML context, or the 404. Used by the vector tests of core.
import {
  cursorHtmlContext,
  cursorPagination,
  isPaginationError,
  lastValue,
  limitOffsetHtmlContext,
  limitOffsetPagination,
  pageNumberHtmlContext,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  queryOf,
  type HtmlContext,
  type PageSource,
} from 'pagewise';

/** The outcome of one request as the vectors record it. */
export type DrfOutcome =
  | { status: 404; detail: string }
  | { status: 200; disabled: true }
  | {
      status: 200;
      disabled: false;
      count?: number;
      next: string | null;
      previous: string | null;
      results: readonly unknown[];
      htmlContext: HtmlContext;
      displayPageControls: boolean;
      nextCursor?: string | null;
      previousCursor?: string | null;
    };

type Style = 'page_number' | 'limit_offset' | 'cursor';

/** Runs a request against `source` the way DRF's view and paginator would. */
export async function drfRequest(
  style: Style,
  options: Record<string, unknown>,
  source: PageSource<unknown>,
  url: string,
): Promise<DrfOutcome> {
  const query = queryOf(url);
  try {
    if (style === 'page_number') {
      const pagination = pageNumberPagination(options);
      const page = await paginatePageNumber(
        source,
        pagination,
        { page: lastValue(query, pagination.pageQueryParam), pageSize: lastValue(query, pagination.pageSizeQueryParam ?? '') },
        { withCount: true },
      );
      if (!page) return { status: 200, disabled: true };
      const html = await pageNumberHtmlContext(url, pagination, page);
      return {
        status: 200,
        disabled: false,
        count: await page.count(),
        next: html.next,
        previous: html.previous,
        results: page.items,
        htmlContext: html,
        displayPageControls: (await page.totalPages()) > 1,
      };
    }
    if (style === 'limit_offset') {
      const pagination = limitOffsetPagination(options);
      const page = await paginateLimitOffset(
        source,
        pagination,
        { limit: lastValue(query, pagination.limitQueryParam ?? ''), offset: lastValue(query, pagination.offsetQueryParam) },
        { withCount: true },
      );
      if (!page) return { status: 200, disabled: true };
      const html = await limitOffsetHtmlContext(url, pagination, page);
      const count = await page.count();
      return {
        status: 200,
        disabled: false,
        count,
        next: html.next,
        previous: html.previous,
        results: page.items,
        htmlContext: html,
        displayPageControls: count > page.limit,
      };
    }
    const pagination = cursorPagination(options);
    const page = await paginateCursor(source, pagination, {
      cursor: lastValue(query, pagination.cursorQueryParam),
      pageSize: lastValue(query, pagination.pageSizeQueryParam ?? ''),
      ordering: lastValue(query, pagination.orderingQueryParam),
    });
    if (!page) return { status: 200, disabled: true };
    const html = cursorHtmlContext(url, pagination, page);
    return {
      status: 200,
      disabled: false,
      next: html.next,
      previous: html.previous,
      results: page.items,
      htmlContext: html,
      displayPageControls: page.hasNext || page.hasPrevious,
      nextCursor: page.nextCursor,
      previousCursor: page.previousCursor,
    };
  } catch (error) {
    if (isPaginationError(error)) return { status: 404, detail: error.message };
    throw error;
  }
}
