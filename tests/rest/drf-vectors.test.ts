// Every REST vector through the pure function: the body byte for byte, and DRF's HTML context and
// display_page_controls from paginateRequest.
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { paginateRequest, restResponse, type RestOptions } from 'pagewise/rest';
import { optionsOf, rowsOf, urlOf, vectorsOf, type DrfVector } from '../support/drf-vectors';

const created = (row: unknown): unknown => (typeof row === 'object' && row !== null ? (row as { created: number }).created : row);

function restOptionsOf(vector: DrfVector): RestOptions<unknown> & { source: ReturnType<typeof arraySource> } {
  const options = optionsOf(vector);
  delete options['paginationClass'];
  const pagination =
    vector.style === 'page_number'
      ? pageNumberPagination(options)
      : vector.style === 'limit_offset'
        ? limitOffsetPagination(options)
        : cursorPagination({ ...options, mode: 'drf' });
  return { pagination, source: arraySource(rowsOf(vector)), serialize: created };
}

function expectedBody(vector: DrfVector): unknown {
  const expected = vector.expect;
  if (expected['status'] === 404) return { detail: expected['detail'] };
  if (expected['pagination_disabled']) return expected['body'];
  const links = { next: expected['next'], previous: expected['previous'], results: expected['results'] };
  return 'count' in expected ? { count: expected['count'], ...links } : links;
}

describe('DRF request vectors through restResponse', () => {
  it.each(vectorsOf('request').map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const options = restOptionsOf(vector);
    const request = vector.request!;
    const url = `${request.path}${request.query_string ? `?${request.query_string}` : ''}`;
    const response = await restResponse({ url, headers: { host: 'testserver' } }, options);
    expect({ status: response.status, body: response.body }).toEqual({
      status: vector.expect['status'],
      body: JSON.stringify(expectedBody(vector)),
    });

    const html = vector.expect['html_context'] as
      { previous_url: string | null; next_url: string | null; page_links: unknown[] } | undefined;
    if (response.status !== 200 || vector.expect['pagination_disabled']) return;
    const page = await paginateRequest(urlOf(vector), options.source, options);
    if (!page.paginated) throw new Error('expected a page');
    if ('display_page_controls' in vector.expect) expect(page.displayPageControls).toBe(vector.expect['display_page_controls']);
    if (!html) return;
    const context = await page.htmlContext();
    expect({
      previous_url: context.previous,
      next_url: context.next,
      page_links: context.pageLinks.map(({ url: link, number, isActive, isBreak }) => ({
        url: link,
        number,
        is_active: isActive,
        is_break: isBreak,
      })),
    }).toEqual({ ...html, page_links: vector.style === 'cursor' ? [] : html.page_links });
  });
});
