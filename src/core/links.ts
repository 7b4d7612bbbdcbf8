import type { CursorPagination } from './cursor';
import { limitOffsetPageNumbers, type LimitOffsetPagination } from './limit-offset';
import type { CursorPage, NumberedPage, OffsetPage } from './page';
import { pageLinks, type PageLink } from './page-links';
import type { PageNumberPagination } from './page-number';
import { removeQueryParam, replaceQueryParam } from './url';

// DRF's link rules as pure functions over the request's absolute URL: which parameter is replaced or
// removed, the whole query re-sorted and re-encoded (reference §1.5, §2.3, §3.3, §4.6). Shared by the
// REST adapter and the GraphQL offset lists.

/** The next and previous links of a page. */
export interface Links {
  readonly next: string | null;
  readonly previous: string | null;
}

/** What an HTML control needs (DRF's `get_html_context`). */
export interface HtmlContext extends Links {
  /** Numbered links; empty for the cursor style, which has only previous and next. */
  readonly pageLinks: readonly PageLink[];
}

/** DRF's page-number links: `page` replaced, and removed for page 1. */
export function pageNumberLinks(url: string, pagination: PageNumberPagination, page: NumberedPage<unknown>): Links {
  const param = pagination.pageQueryParam;
  const to = (target: number): string => (target === 1 ? removeQueryParam(url, param) : replaceQueryParam(url, param, target));
  return {
    next: page.nextPage === null ? null : to(page.nextPage),
    previous: page.previousPage === null ? null : to(page.previousPage),
  };
}

/** DRF's page-number HTML context; needs the count for the last page number. */
export async function pageNumberHtmlContext(
  url: string,
  pagination: PageNumberPagination,
  page: NumberedPage<unknown>,
): Promise<HtmlContext> {
  const param = pagination.pageQueryParam;
  const final = await page.totalPages();
  return {
    ...pageNumberLinks(url, pagination, page),
    pageLinks: pageLinks(page.page, final, (target) =>
      target === 1 ? removeQueryParam(url, param) : replaceQueryParam(url, param, target),
    ),
  };
}

/** DRF's limit-offset links: the effective limit always written, `offset` removed when it would be 0. */
export function limitOffsetLinks(url: string, pagination: LimitOffsetPagination, page: OffsetPage<unknown>): Links {
  const withLimit = pagination.limitQueryParam ? replaceQueryParam(url, pagination.limitQueryParam, page.limit) : url;
  const param = pagination.offsetQueryParam;
  return {
    next: page.nextOffset === null ? null : replaceQueryParam(withLimit, param, page.nextOffset),
    previous:
      page.previousOffset === null
        ? null
        : page.previousOffset <= 0
          ? removeQueryParam(withLimit, param)
          : replaceQueryParam(withLimit, param, page.previousOffset),
  };
}

/** DRF's limit-offset HTML context: page links from the raw URL, the limit left as sent. */
export async function limitOffsetHtmlContext(
  url: string,
  pagination: LimitOffsetPagination,
  page: OffsetPage<unknown>,
): Promise<HtmlContext> {
  const { current, final } = limitOffsetPageNumbers(await page.count(), page.offset, page.limit);
  const param = pagination.offsetQueryParam;
  return {
    ...limitOffsetLinks(url, pagination, page),
    pageLinks: pageLinks(current, final, (target) =>
      target === 1 ? removeQueryParam(url, param) : replaceQueryParam(url, param, page.offset + (target - current) * page.limit),
    ),
  };
}

/** DRF's cursor links: the `cursor` parameter replaced by the next or previous cursor. */
export function cursorLinks(url: string, pagination: CursorPagination, page: CursorPage<unknown>): Links {
  const param = pagination.cursorQueryParam;
  return {
    next: page.nextCursor === null ? null : replaceQueryParam(url, param, page.nextCursor),
    previous: page.previousCursor === null ? null : replaceQueryParam(url, param, page.previousCursor),
  };
}

/** DRF's cursor HTML context: previous and next only. */
export function cursorHtmlContext(url: string, pagination: CursorPagination, page: CursorPage<unknown>): HtmlContext {
  return { ...cursorLinks(url, pagination, page), pageLinks: [] };
}
