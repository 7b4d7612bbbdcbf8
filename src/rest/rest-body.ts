import { pageFactsOf, pageQueryParamOf, replaceQueryParam } from '../core/internal';
import type { RestPagination } from './rest-options';
import type { RestPage } from './rest-page';

/**
 * What a `body` hook is given: one request's page, serialized, with everything DRF's
 * `get_paginated_response` could read (count, links, page numbers).
 */
export interface RestBodyPage {
  /** False when the whole list is served (pagination off, or the client turned it off). */
  readonly paginated: boolean;
  /** The serialized items of the page (the whole list when unpaginated). */
  readonly results: readonly unknown[];
  /** The total (the list's length when unpaginated; null for the cursor style, which never counts). */
  readonly count: number | null;
  /** DRF's next link (null when none, or when unpaginated). */
  readonly next: string | null;
  /** DRF's previous link: page 1's drops the page parameter, as DRF 3 does. */
  readonly previous: string | null;
  /** Page-number: the page's number; null for the other styles and when unpaginated. */
  readonly page: number | null;
  readonly nextPage: number | null;
  readonly previousPage: number | null;
  /** Page-number: Django's `num_pages` (at least 1). */
  readonly totalPages: number | null;
  /** The effective page size or limit (null when unpaginated). */
  readonly pageSize: number | null;
  /** The 0-based place of the first item in the whole list (null for the cursor style). */
  readonly startIndex: number | null;
  /** The request's absolute URL, which links are made from. */
  readonly url: string;
  /**
   * Page-number: the URL of page `page` with the page parameter always written (DRF 2's
   * `replace_query_param` links, which keep `page=1`); null for the other styles.
   */
  pageUrl(page: number): string | null;
}

/** A custom body: DRF 3's `get_paginated_response` override, or DRF 2's pagination serializer. */
export type RestBody = (page: RestBodyPage) => unknown;

/** The page a `body` hook gets, from a request's page and its serialized items. */
export async function restBodyPageOf(
  restPage: RestPage<unknown>,
  pagination: RestPagination,
  results: readonly unknown[],
): Promise<RestBodyPage> {
  const param = pageQueryParamOf(pagination);
  const pageUrl = (page: number): string | null => (param === null ? null : replaceQueryParam(restPage.url, param, page));
  if (!restPage.paginated) {
    const none = { page: null, nextPage: null, previousPage: null, totalPages: null, pageSize: null, startIndex: 0 };
    return { paginated: false, results, count: results.length, next: null, previous: null, ...none, url: restPage.url, pageUrl };
  }
  const { page, count, links, startIndex } = restPage;
  const facts = pageFactsOf(page);
  return {
    paginated: true,
    results,
    count,
    next: links.next,
    previous: links.previous,
    page: facts.page,
    nextPage: facts.nextPage,
    previousPage: facts.previousPage,
    totalPages: facts.page === null ? null : await page.totalPages(),
    pageSize: page.pageSize,
    startIndex,
    url: restPage.url,
    pageUrl,
  };
}
