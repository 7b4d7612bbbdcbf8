import type { CursorPage, NumberedPage, Page } from './page';
import { encodeOffsetCursor } from './offset-cursor';
import { limitOffsetPageNumbers } from './page-math';
import { displayedPageNumbers, pageLinks, type PageLink } from './page-links';
import type { Pagination } from './pagination';
import { removeQueryParam, replaceQueryParam } from './url';

// DRF's link rules as pure functions over the request's absolute URL: which parameter is replaced or
// removed, the whole query re-sorted and re-encoded (reference §1.5, §2.3, §3.3, §4.6). The one home
// of every link: next, previous, first, last, page N and the HTML context, for every style.

/** The next and previous links of a page. */
export interface Links {
  readonly next: string | null;
  readonly previous: string | null;
}

/** The first and last pages' links (RFC 8288 `first`/`last`); null when the page is already there. */
export interface BoundaryLinks {
  readonly first: string | null;
  readonly last: string | null;
}

/** What an HTML control needs (DRF's `get_html_context`). */
export interface HtmlContext extends Links {
  /** Numbered links; empty for the cursor style, which has only previous and next. */
  readonly pageLinks: readonly PageLink[];
}

const mismatch = (pagination: Pagination, page: Page<unknown>): TypeError =>
  new TypeError(`a ${page.style} page cannot be linked with a ${pagination.style} pagination`);

/** Page-number: page N's URL (`page` replaced, and removed for page 1). */
function pageNumberUrl(url: string, param: string, target: number): string {
  return target === 1 ? removeQueryParam(url, param) : replaceQueryParam(url, param, target);
}

/** Limit-offset: the URL of offset N, the effective limit always written, `offset` removed at 0. */
function offsetUrl(url: string, pagination: Extract<Pagination, { style: 'limit-offset' }>, limit: number, offset: number): string {
  const withLimit = pagination.limitQueryParam ? replaceQueryParam(url, pagination.limitQueryParam, limit) : url;
  return offset <= 0
    ? removeQueryParam(withLimit, pagination.offsetQueryParam)
    : replaceQueryParam(withLimit, pagination.offsetQueryParam, offset);
}

function numberedLinks(url: string, param: string, page: NumberedPage<unknown>): Links {
  return {
    next: page.nextPage === null ? null : pageNumberUrl(url, param, page.nextPage),
    previous: page.previousPage === null ? null : pageNumberUrl(url, param, page.previousPage),
  };
}

function cursorLinks(url: string, param: string, page: CursorPage<unknown>): Links {
  return {
    next: page.nextCursor === null ? null : replaceQueryParam(url, param, page.nextCursor),
    previous: page.previousCursor === null ? null : replaceQueryParam(url, param, page.previousCursor),
  };
}

/** DRF's next and previous links of `page`, made by `pagination`, on the request URL `url`. */
export function linksOf(url: string, pagination: Pagination, page: Page<unknown>): Links {
  if (pagination.style === 'page-number' && page.style === 'page-number') return numberedLinks(url, pagination.pageQueryParam, page);
  if (pagination.style === 'limit-offset' && page.style === 'limit-offset') {
    return {
      next: page.nextOffset === null ? null : offsetUrl(url, pagination, page.limit, page.nextOffset),
      previous: page.previousOffset === null ? null : offsetUrl(url, pagination, page.limit, page.previousOffset),
    };
  }
  if (pagination.style === 'cursor' && page.style === 'cursor') return cursorLinks(url, pagination.cursorQueryParam, page);
  throw mismatch(pagination, page);
}

/** The first and last pages' links of `page`; page-number and limit-offset need the count for `last`. */
export async function boundaryLinksOf(url: string, pagination: Pagination, page: Page<unknown>): Promise<BoundaryLinks> {
  if (pagination.style === 'page-number' && page.style === 'page-number') {
    const final = await page.totalPages();
    return {
      first: page.hasPrevious ? removeQueryParam(url, pagination.pageQueryParam) : null,
      last: page.page < final ? replaceQueryParam(url, pagination.pageQueryParam, final) : null,
    };
  }
  if (pagination.style === 'limit-offset' && page.style === 'limit-offset') {
    const { current, final } = limitOffsetPageNumbers(await page.count(), page.offset, page.limit);
    const lastOffset = page.offset + (final - current) * page.limit;
    return {
      first: page.hasPrevious ? offsetUrl(url, pagination, page.limit, 0) : null,
      last: page.hasNext && lastOffset > page.offset ? offsetUrl(url, pagination, page.limit, lastOffset) : null,
    };
  }
  if (pagination.style === 'cursor' && page.style === 'cursor') {
    // DRF's Cursor(offset=0, reverse=True, position=None) is the last page, in either mode.
    const param = pagination.cursorQueryParam;
    return {
      first: page.hasPrevious ? removeQueryParam(url, param) : null,
      last: page.lastPageCursor === null ? null : replaceQueryParam(url, param, page.lastPageCursor),
    };
  }
  throw mismatch(pagination, page);
}

/** DRF's HTML context: numbered page links (page-number and limit-offset, from the count) or none (cursor). */
export async function htmlContextOf(url: string, pagination: Pagination, page: Page<unknown>): Promise<HtmlContext> {
  const links = linksOf(url, pagination, page);
  if (pagination.style === 'page-number' && page.style === 'page-number') {
    const param = pagination.pageQueryParam;
    return { ...links, pageLinks: pageLinks(page.page, await page.totalPages(), (target) => pageNumberUrl(url, param, target)) };
  }
  if (pagination.style === 'limit-offset' && page.style === 'limit-offset') {
    const { current, final } = limitOffsetPageNumbers(await page.count(), page.offset, page.limit);
    const param = pagination.offsetQueryParam;
    // DRF's page links keep the limit as sent (reference §2.3): only the offset moves.
    const urlFor = (target: number): string =>
      target === 1 ? removeQueryParam(url, param) : replaceQueryParam(url, param, page.offset + (target - current) * page.limit);
    return { ...links, pageLinks: pageLinks(current, final, urlFor) };
  }
  return { ...links, pageLinks: [] };
}

/** DRF's `display_page_controls`: more than one page (needs the count for page-number and limit-offset). */
export async function showsPageControls(page: Page<unknown>): Promise<boolean> {
  if (page.style === 'cursor') return page.hasNext || page.hasPrevious;
  if (page.style === 'page-number') return (await page.totalPages()) > 1;
  return (await page.count()) > page.limit;
}

/** Where a page's rows start in the whole list (0-based); null for the cursor style, which never knows. */
export function startIndexOf(page: Page<unknown>): number | null {
  if (page.style === 'page-number') return (page.page - 1) * page.pageSize;
  return page.style === 'limit-offset' ? page.offset : null;
}

/**
 * One entry of a page control without URLs (GraphQL's `pageInfo.pageLinks`): DRF's number (null for a
 * break) and what to pass back for it — `page`, `offset`, or `after` (the row cursor before it).
 */
export interface PageNumberLink {
  readonly number: number | null;
  readonly isActive: boolean;
  readonly isBreak: boolean;
  /** Page-number and a cursor field with `page`: the page to pass as `page`. */
  readonly page: number | null;
  /** Limit-offset: the offset to pass as `offset`. */
  readonly offset: number | null;
  /** Page-number and limit-offset: the cursor to pass as `after` (null for the first page). */
  readonly cursor: string | null;
}

/**
 * DRF's page control (numbers with breaks, reference §5) as data; needs the count. Null for a cursor
 * page whose number is unknown (reached by a keyset step, not from the start or by a jump).
 */
export async function pageLinksOf(page: Page<unknown>): Promise<readonly PageNumberLink[] | null> {
  let current: number;
  let final: number;
  let offsetOf: (target: number) => number | null;
  if (page.style === 'cursor') {
    if (page.pageNumber === null) return null;
    current = page.pageNumber;
    final = Math.max(current, await page.totalPages());
    offsetOf = () => null;
  } else if (page.style === 'page-number') {
    current = page.page;
    final = Math.max(current, await page.totalPages());
    offsetOf = (target) => (target - 1) * page.pageSize;
  } else {
    ({ current, final } = limitOffsetPageNumbers(await page.count(), page.offset, page.limit));
    offsetOf = (target) => (target === 1 ? 0 : Math.max(0, page.offset + (target - current) * page.limit));
  }
  return displayedPageNumbers(current, final).map((number) => {
    if (number === null) return { number, isActive: false, isBreak: true, page: null, offset: null, cursor: null };
    const offset = offsetOf(number);
    return {
      number,
      isActive: number === current,
      isBreak: false,
      page: page.style === 'limit-offset' ? null : number,
      offset: page.style === 'limit-offset' ? offset : null,
      cursor: offset === null || offset === 0 ? null : encodeOffsetCursor(offset - 1),
    };
  });
}
