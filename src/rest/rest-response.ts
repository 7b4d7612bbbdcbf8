import { assertConfig, pageFactsOf } from '../core/internal';
import { detailResponse, errorResponse, type RestResponse } from './error-response';
import { JSON_CONTENT_TYPE, renderJson } from './json';
import { linkHeader } from './link-header';
import { absoluteUrl, type RestRequest } from './request-url';
import { checkRestOptions, type RestOptions, type RestRenderOptions } from './rest-options';
import { withEmbeds } from './rest-embed';
import { paginateRequest, type RestPage } from './rest-page';

/** Python's `datetime.isoformat()` of an aware UTC time, as Django's `timezone.now()` gives it. */
function isoTimestamp(date: Date): string {
  const iso = date.toISOString().replace('Z', '');
  const [seconds, millis = '000'] = iso.split('.');
  return `${seconds}${millis === '000' ? '' : `.${millis}000`}+00:00`;
}

/** drf-commons numbers each item from 1; objects only, since a spread of anything else means nothing. */
function withIndex(items: readonly unknown[], start: number): unknown[] {
  return items.map((item, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item, index: start + index + 1 } : item,
  );
}

/**
 * Renders a page the way the chosen shape does: DRF's key order (`count`, `next`, `previous`,
 * `results`; no count for the cursor style), the plain list when unpaginated, a Link header instead of
 * body links when asked. Embeds need the request, so they are `restResponse`'s; not taken here.
 */
export async function renderRestPage<T>(restPage: RestPage<T>, options: RestRenderOptions<T>): Promise<RestResponse> {
  assertConfig(
    (options as { readonly embed?: unknown }).embed === undefined,
    'renderRestPage does not fetch embeds (they need the request): use restResponse',
  );
  const shape = options.shape ?? 'drf';
  const inHeader = options.links === 'header';
  const resultsKey = options.resultsKey ?? 'results';
  const serialize = options.serialize ?? ((row: T): unknown => row);
  const envelope = (data: unknown): unknown => ({
    message: options.message ?? 'Request successful',
    success: true,
    timestamp: isoTimestamp(options.now ? options.now() : new Date()),
    data,
  });
  const respond = (body: unknown, headers: Record<string, string> = {}): RestResponse => ({
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: renderJson(body),
  });

  if (!restPage.paginated) {
    const results = await Promise.all(restPage.rows.map(serialize));
    if (shape !== 'commons') return respond(results);
    const list = withIndex(results, 0);
    return respond(
      envelope(
        inHeader ? { count: list.length, [resultsKey]: list } : { next: null, previous: null, count: list.length, [resultsKey]: list },
      ),
    );
  }

  const { page, count, links } = restPage;
  const serialized = await Promise.all(page.items.map(serialize));
  const results = shape === 'commons' ? withIndex(serialized, restPage.startIndex ?? 0) : serialized;
  const headers: Record<string, string> = {};
  if (inHeader) {
    const link = linkHeader({ next: links.next, prev: links.previous, ...(await restPage.boundaryLinks()) });
    if (link !== null) headers['link'] = link;
    if (count !== null) headers['x-total-count'] = String(count);
  }
  const counted = count === null ? {} : { count };
  const bodyLinks = inHeader ? {} : { next: links.next, previous: links.previous };

  if (shape === 'rails') {
    // Rails counts pages as count / page_size rounded up: an empty list has 0 pages.
    const totalPages = Math.ceil((count ?? 0) / page.pageSize);
    const pageNumber = pageFactsOf(page).page ?? 1;
    // Rails RESTFramework `.compact`s its body: a null next or previous is left out.
    const railsLinks = Object.fromEntries(Object.entries(bodyLinks).filter(([, value]) => value !== null));
    return respond(
      { ...counted, page: pageNumber, page_size: page.pageSize, total_pages: totalPages, ...railsLinks, [resultsKey]: results },
      headers,
    );
  }
  if (shape === 'commons') return respond(envelope({ ...counted, ...bodyLinks, [resultsKey]: results }), headers);
  return respond(inHeader ? results : { ...counted, ...bodyLinks, [resultsKey]: results }, headers);
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
