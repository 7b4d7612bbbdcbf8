import { cursorPagination, decodeCursor, limitOffsetPagination, pageNumberPagination, PaginationConfigError } from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { checkRestOptions, restResponse, type RestOptions } from 'pagewise/rest';

interface Row {
  readonly id: number;
  readonly name: string;
}

const rows: Row[] = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, name: `row ${index + 1}` }));
const BASE = 'http://api.test/rows/';
const ids = (from: number, to: number) => rows.slice(from - 1, to).map(({ id }) => ({ id }));
const serialize = ({ id }: Row) => ({ id });

async function get<T>(query: string, options: RestOptions<T>, method = 'GET') {
  const response = await restResponse({ url: `/rows/${query}`, headers: { host: 'api.test' }, method }, options);
  return { status: response.status, headers: response.headers, body: JSON.parse(response.body) as unknown, text: response.body };
}

const pageNumber = {
  pagination: pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size' }),
  source: arraySource(rows),
  serialize,
};

describe('the drf shape', () => {
  it('writes count, next, previous, results in that order, items serialized', async () => {
    const { status, headers, text } = await get('?page=2', pageNumber);
    expect({ status, headers }).toEqual({ status: 200, headers: { 'content-type': 'application/json' } });
    expect(text).toBe(`{"count":12,"next":"${BASE}?page=3","previous":"${BASE}","results":${JSON.stringify(ids(6, 10))}}`);
  });

  it('has no count in a cursor body', async () => {
    const { text } = await get('', { pagination: cursorPagination({ pageSize: 5, ordering: 'id' }), source: arraySource(rows), serialize });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['next', 'previous', 'results']);
  });

  it('serves the plain list when pagination is off, as DRF does', async () => {
    const { body } = await get('?page=2', { ...pageNumber, pagination: pageNumberPagination() });
    expect(body).toEqual(ids(1, 12));
  });

  it('serves the plain cursor list in the ordering when pagination is off', async () => {
    const { body } = await get('', { pagination: cursorPagination({ ordering: '-id' }), source: arraySource(rows), serialize });
    expect(body).toEqual(ids(1, 12).reverse());
  });

  it('names the results key as asked', async () => {
    const { body } = await get('?page=3', { ...pageNumber, resultsKey: 'items' });
    expect(body).toEqual({ count: 12, next: null, previous: `${BASE}?page=2`, items: ids(11, 12) });
  });

  it('escapes U+2028 and U+2029 as DRF JSONRenderer does, and keeps other text as UTF-8', async () => {
    const { text } = await get('', { pagination: pageNumberPagination(), source: arraySource(['a\u2028b\u2029c', 'é✓']) });
    expect(text).toBe('["a\\u2028b\\u2029c","é✓"]');
  });

  it('awaits an asynchronous serializer', async () => {
    const { body } = await get('?page=3', { ...pageNumber, serialize: async ({ id }: Row) => id * 10 });
    expect(body).toEqual({ count: 12, next: null, previous: `${BASE}?page=2`, results: [110, 120] });
  });
});

describe('the Link header', () => {
  it.each([
    [
      'page-number',
      '?page=2',
      pageNumber,
      `<${BASE}?page=3>; rel="next", <${BASE}>; rel="prev", <${BASE}>; rel="first", <${BASE}?page=3>; rel="last"`,
    ],
    ['page-number on page 1', '', pageNumber, `<${BASE}?page=2>; rel="next", <${BASE}?page=3>; rel="last"`],
    [
      'limit-offset',
      '?offset=2&limit=4',
      { pagination: limitOffsetPagination({ defaultLimit: 5 }), source: arraySource(rows), serialize },
      `<${BASE}?limit=4&offset=6>; rel="next", <${BASE}?limit=4>; rel="prev", <${BASE}?limit=4>; rel="first", <${BASE}?limit=4&offset=10>; rel="last"`,
    ],
  ])('gives next, prev, first and last for %s', async (_case, query, options, link) => {
    const { headers } = await get(query, { ...options, links: 'header' });
    expect(headers['link']).toBe(link);
    expect(headers['x-total-count']).toBe('12');
  });

  it('leaves the Link header out when there is a single page', async () => {
    const { headers, body } = await get('?page_size=20', { ...pageNumber, links: 'header' });
    expect([headers['link'], body]).toEqual([undefined, ids(1, 12)]);
  });

  it('gives a cursor list a last link that leads to the last page', async () => {
    const options: RestOptions<Row> = {
      pagination: cursorPagination({ pageSize: 5, ordering: 'id' }),
      source: arraySource(rows),
      serialize,
      links: 'header',
    };
    const { headers, body } = await get('', options);
    expect(body).toEqual(ids(1, 5));
    const links = Object.fromEntries([...headers['link']!.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, url, rel]) => [rel, url])) as Record<
      string,
      string
    >;
    expect(Object.keys(links)).toEqual(['next', 'last']);
    const last = await get(new URL(links['last']!).search, options);
    expect(last.body).toEqual(ids(8, 12));
    expect(decodeCursor(new URL(links['last']!).searchParams.get('cursor')!)).toEqual({
      offset: 0,
      reverse: true,
      position: null,
      key: undefined,
    });
  });
});

describe('the drf-commons nested envelope (its code)', () => {
  const now = () => new Date(Date.UTC(2026, 10, 22, 9, 30, 5, 120));
  const commons: RestOptions<Row> = { ...pageNumber, shape: 'commons-nested', now, message: 'Rows retrieved successfully' };
  const indexed = (from: number, to: number) => ids(from, to).map((item) => ({ ...item, index: item.id }));

  it('wraps the DRF body, numbering each item by its place in the whole list', async () => {
    const { text } = await get('?page=2', commons);
    expect(text).toBe(
      JSON.stringify({
        message: 'Rows retrieved successfully',
        success: true,
        timestamp: '2026-11-22T09:30:05.120000+00:00',
        data: { count: 12, next: `${BASE}?page=3`, previous: BASE, results: indexed(6, 10) },
      }),
    );
  });

  it('writes whole seconds as Python isoformat does', async () => {
    const { body } = await get('', { ...commons, now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    expect((body as { timestamp: string }).timestamp).toBe('2026-01-02T03:04:05+00:00');
  });

  it.each([
    ['false', false],
    ['0', false],
    ['no', false],
    ['', false],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
  ])('reads ?paginated=%s as drf-commons does', async (value, paginated) => {
    const { body } = await get(`?paginated=${value}`, commons);
    const data = (body as { data: unknown }).data;
    expect(data).toEqual(
      paginated
        ? { count: 12, next: `${BASE}?page=2&paginated=${value}`, previous: null, results: indexed(1, 5) }
        : { next: null, previous: null, count: 12, results: indexed(1, 12) },
    );
  });

  it('lets ?paginated be switched off for the commons shape or on for another', async () => {
    expect((await get('?paginated=false', { ...commons, paginatedQueryParam: null })).body).toMatchObject({
      data: { count: 12, results: indexed(1, 5) },
    });
    expect((await get('?all=no', { ...pageNumber, paginatedQueryParam: 'all' })).body).toEqual(ids(1, 12));
  });

  it.each([
    ['page-number', pageNumberPagination({ pageSize: 5, maxPageSize: 10 }), { count: 12, next: `${BASE}?page=2&paginated=false` }],
    [
      'limit-offset',
      limitOffsetPagination({ defaultLimit: 5, maxLimit: 10 }),
      { count: 12, next: `${BASE}?limit=5&offset=5&paginated=false` },
    ],
  ])('?paginated=false does not serve the whole table when the %s pagination has a maximum', async (_, pagination, links) => {
    const { body } = await get('?paginated=false', { ...commons, pagination });
    expect((body as { data: unknown }).data).toEqual({ ...links, previous: null, results: indexed(1, 5) });
  });

  it('numbers limit-offset items from the offset', async () => {
    const { body } = await get('?offset=7&limit=2', { ...commons, pagination: limitOffsetPagination({ defaultLimit: 5 }) });
    expect((body as { data: { results: unknown } }).data.results).toEqual(indexed(8, 9));
  });
});

describe('the Rails RESTFramework body', () => {
  const rails: RestOptions<Row> = { ...pageNumber, shape: 'rails' };

  it('adds page, page_size and total_pages and leaves a null link out', async () => {
    const { text } = await get('?page=1&page_size=4', rails);
    expect(text).toBe(
      JSON.stringify({ count: 12, page: 1, page_size: 4, total_pages: 3, next: `${BASE}?page=2&page_size=4`, results: ids(1, 4) }),
    );
  });

  it('counts no pages for an empty list', async () => {
    const { body } = await get('', { ...rails, source: arraySource<Row>([]) });
    expect(body).toEqual({ count: 0, page: 1, page_size: 5, total_pages: 0, results: [] });
  });

  it('turns pagination off for page_size=0 when there is no maximum', async () => {
    expect((await get('?page_size=0', rails)).body).toEqual(ids(1, 12));
  });

  it('falls back to the default size for page_size=0 when there is a maximum', async () => {
    const capped = { ...rails, pagination: pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 10 }) };
    expect((await get('?page_size=0', capped)).body).toMatchObject({ page_size: 5, results: ids(1, 5) });
  });

  it('is a page-number body only', () => {
    expect(() => checkRestOptions({ ...rails, pagination: cursorPagination({ pageSize: 5 }) })).toThrow(PaginationConfigError);
  });
});

describe("DRF-extensions' page_size=max", () => {
  it.each([
    [
      'page-number',
      '?page_size=max',
      pageNumberPagination({ pageSize: 2, pageSizeQueryParam: 'page_size', maxPageSize: 5 }),
      `${BASE}?page=2&page_size=max`,
    ],
    ['limit-offset', '?limit=max', limitOffsetPagination({ defaultLimit: 2, maxLimit: 5 }), `${BASE}?limit=5&offset=5`],
  ])('means the maximum for %s', async (_case, query, pagination, next) => {
    const { body } = await get(query, { pagination, source: arraySource(rows), serialize, maxPageSizeValue: 'max' });
    expect(body).toEqual({ count: 12, next, previous: null, results: ids(1, 5) });
  });

  it('is an invalid size, so the default, when not enabled', async () => {
    const pagination = pageNumberPagination({ pageSize: 2, pageSizeQueryParam: 'page_size', maxPageSize: 5 });
    expect((await get('?page_size=max', { pagination, source: arraySource(rows), serialize })).body).toMatchObject({ results: ids(1, 2) });
  });
});
