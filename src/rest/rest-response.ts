import { assertConfig, pageFactsOf, pageQueryParamOf, type Links } from '../core/internal';
import { documentedTimestamp, isoformatTimestamp, withIndex } from './drf-commons';
import { detailResponse, errorResponse, type RestResponse } from './error-response';
import { JSON_CONTENT_TYPE, renderJson } from './json';
import { linkHeader } from './link-header';
import { railsPageUrl } from './rails';
import { absoluteUrl, type RestRequest } from './request-url';
import { restBodyPageOf } from './rest-body';
import { serializeRows } from './serialize-rows';
import { checkRestOptions, type RestOptions, type RestPagination, type RestRenderOptions } from './rest-options';
import { withEmbeds } from './rest-embed';
import { paginateRequest, type PaginatedRestPage, type RestPage } from './rest-page';

/** The key of the list in a shape's body: `resultsKey`, by default `data` in the flat commons body. */
export function resultsKeyOf(options: Pick<RestRenderOptions<unknown>, 'shape' | 'resultsKey'>): string {
  return options.resultsKey ?? (options.shape === 'commons' ? 'data' : 'results');
}

/**
 * Renders a page the way the chosen shape (or the `body` hook) does: DRF's key order (`count`,
 * `next`, `previous`, `results`; no count for the cursor style), the plain list when unpaginated, a
 * Link header instead of body links when asked. Embeds need the request, so they are
 * `restResponse`'s; not taken here.
 */
export async function renderRestPage<T>(restPage: RestPage<T>, options: RestRenderOptions<T>): Promise<RestResponse> {
  assertConfig(
    (options as { readonly embed?: unknown }).embed === undefined,
    'renderRestPage does not fetch embeds (they need the request): use restResponse',
  );
  const shape = options.shape ?? 'drf';
  const inHeader = options.links === 'header';
  const resultsKey = resultsKeyOf(options);
  const serialize = options.serialize ?? ((row: T): unknown => row);
  const now = (): Date => (options.now ? options.now() : new Date());
  const respond = (body: unknown, headers: Record<string, string> = {}): RestResponse => ({
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: renderJson(body),
  });
  // drf-commons as documented (docs/pagination.rst): the envelope and the DRF keys side by side.
  const flat = (fields: Record<string, unknown>, list: unknown[]): unknown => ({
    success: true,
    timestamp: documentedTimestamp(now()),
    message: options.message ?? '',
    ...fields,
    [resultsKey]: list,
  });
  // drf-commons as its code writes it (response/utils.py success_response): the DRF body under `data`.
  const nested = (data: unknown): unknown => ({
    message: options.message ?? 'Request successful',
    success: true,
    timestamp: isoformatTimestamp(now()),
    data,
  });

  if (!restPage.paginated) {
    const results = await serializeRows(restPage.rows, serialize);
    if (options.body) return respond(await options.body(await restBodyPageOf(restPage, options.pagination, results)));
    if (shape !== 'commons' && shape !== 'commons-nested') return respond(results);
    const list = withIndex(results, 0);
    // crud.py's unpaginated body: next and previous null, the count of the whole list.
    const links = inHeader ? {} : { next: null, previous: null };
    if (shape === 'commons') return respond(flat({ count: list.length, ...links }, list));
    return respond(nested({ ...links, count: list.length, [resultsKey]: list }));
  }

  const { page, count } = restPage;
  const links = shape === 'rails' ? railsLinks(restPage, options.pagination) : restPage.links;
  const serialized = await serializeRows(page.items, serialize);
  const commons = shape === 'commons' || shape === 'commons-nested';
  const results = commons ? withIndex(serialized, restPage.startIndex ?? 0) : serialized;
  const headers: Record<string, string> = {};
  if (inHeader) {
    const link = linkHeader({ next: links.next, prev: links.previous, ...(await restPage.boundaryLinks()) });
    if (link !== null) headers['link'] = link;
    if (count !== null) headers['x-total-count'] = String(count);
  }
  if (options.body) return respond(await options.body(await restBodyPageOf(restPage, options.pagination, results)), headers);
  const counted = count === null ? {} : { count, ...countFlags(restPage) };
  const bodyLinks = inHeader ? {} : { next: links.next, previous: links.previous };

  if (shape === 'rails') {
    // Rails `.compact`s its body: a null next or previous is left out.
    const present = Object.fromEntries(Object.entries(bodyLinks).filter(([, value]) => value !== null));
    const { page: number, page_size, total_pages } = railsNumbers(restPage);
    return respond({ count, ...countFlags(restPage), page: number, page_size, total_pages, ...present, [resultsKey]: results }, headers);
  }
  if (shape === 'commons') return respond(flat({ ...counted, ...bodyLinks }, results), headers);
  if (shape === 'commons-nested') return respond(nested({ ...counted, ...bodyLinks, [resultsKey]: results }), headers);
  return respond(inHeader ? results : { ...counted, ...bodyLinks, [resultsKey]: results }, headers);
}

/**
 * pagewise's extension of DRF's body beside `count`: `count_capped` (the count is "at least") or
 * `count_estimated` (the planner's); nothing for an exact count, so DRF's body stays byte-identical.
 */
function countFlags(restPage: PaginatedRestPage<unknown>): Record<string, true> {
  if (restPage.countKind === 'capped') return { count_capped: true };
  return restPage.countKind === 'estimated' ? { count_estimated: true } : {};
}

function railsNumbers(restPage: PaginatedRestPage<unknown>): { page: number; page_size: number; total_pages: number } {
  const { page, count } = restPage;
  // Rails counts pages as count / page_size rounded up: an empty list has 0 pages.
  return { page: pageFactsOf(page).page ?? 1, page_size: page.pageSize, total_pages: Math.ceil((count ?? 0) / page.pageSize) };
}

/**
 * page_number_paginator.rb's links: `next` while `page < total_pages`, `previous` whenever the page
 * is above 1 (past the end too), each with the page written.
 */
function railsLinks(restPage: PaginatedRestPage<unknown>, pagination: RestPagination): Links {
  const { page, total_pages } = railsNumbers(restPage);
  const param = pageQueryParamOf(pagination) ?? 'page';
  return {
    next: page < total_pages ? railsPageUrl(restPage.url, param, page + 1) : null,
    previous: page > 1 ? railsPageUrl(restPage.url, param, page - 1) : null,
  };
}

/**
 * One list request to `{status, headers, body}`, framework-agnostic: DRF's bodies, links and errors
 * to the byte. A client's bad input gets DRF's status and detail, any other failure a 500 without a
 * stack trace (reported to `onError`). Only misconfigured options reject (PaginationConfigError, a
 * programmer's error, not a 500); options are checked on their first use, or already by the glue.
 */
export async function restResponse<T>(request: RestRequest, options: RestOptions<T>): Promise<RestResponse> {
  checkRestOptions(options);
  try {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      return detailResponse(405, `Method "${method}" not allowed.`, { allow: 'GET, HEAD' });
    }
    const url = absoluteUrl(request, options);
    if (url === null) return detailResponse(400, 'Invalid host header.');
    const source = typeof options.source === 'function' ? await options.source(request) : options.source;
    const restPage = await paginateRequest(url, source, options);
    return await renderRestPage(restPage, await withEmbeds(restPage, options, request, url));
  } catch (error) {
    return errorResponse(error, request, options.onError);
  }
}
