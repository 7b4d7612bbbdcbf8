import { pageFactsOf, pageQueryParamOf, replaceQueryParam } from '../core/internal';
import type { RestBody, RestBodyPage, RestPagination } from './rest-options';

export type { RestBody, RestBodyPage };
import type { RestPage } from './rest-page';

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
    return {
      paginated: false,
      results,
      count: results.length,
      countKind: 'exact',
      next: null,
      previous: null,
      ...none,
      url: restPage.url,
      pageUrl,
    };
  }
  const { page, count, countKind, links, startIndex } = restPage;
  const facts = pageFactsOf(page);
  return {
    paginated: true,
    results,
    count,
    countKind,
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
