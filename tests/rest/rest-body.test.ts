// The `body` hook: what it is given for each style, and its schema beside it.
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { checkRestOptions, restResponse, restResponseSchema, type RestBodyPage, type RestOptions } from 'pagewise/rest';

const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1 }));
const BASE = 'http://api.test/rows/';

async function given(query: string, options: Omit<RestOptions<{ id: number }>, 'source' | 'body'>) {
  let seen: RestBodyPage | undefined;
  const response = await restResponse(
    { url: `/rows/${query}`, headers: { host: 'api.test' } },
    {
      ...options,
      source: arraySource(rows),
      body: (page) => {
        seen = page;
        return { custom: true };
      },
    },
  );
  return { seen: seen!, response };
}

// The fields without the pageUrl function, which toEqual cannot compare.
const plain = (page: RestBodyPage) => Object.fromEntries(Object.entries(page).filter(([name]) => name !== 'pageUrl'));

describe('the body hook', () => {
  it('gets a page-number page with its numbers and links, and its output is the body', async () => {
    const { seen, response } = await given('?page=2&q=x', { pagination: pageNumberPagination({ pageSize: 5 }) });
    expect(response.body).toBe('{"custom":true}');
    expect(plain(seen)).toEqual({
      paginated: true,
      results: rows.slice(5, 10),
      count: 12,
      countKind: 'exact',
      next: `${BASE}?page=3&q=x`,
      previous: `${BASE}?q=x`,
      page: 2,
      nextPage: 3,
      previousPage: 1,
      totalPages: 3,
      pageSize: 5,
      startIndex: 5,
      url: `${BASE}?page=2&q=x`,
    });
    expect(seen.pageUrl(1)).toBe(`${BASE}?page=1&q=x`);
  });

  it('gets a limit-offset page without page numbers', async () => {
    const { seen } = await given('?limit=4&offset=4', { pagination: limitOffsetPagination({ defaultLimit: 5 }) });
    expect(plain(seen)).toMatchObject({ count: 12, page: null, totalPages: null, pageSize: 4, startIndex: 4 });
    expect(seen.pageUrl(2)).toBeNull();
  });

  it('gets a cursor page without a count or a start', async () => {
    const { seen } = await given('', { pagination: cursorPagination({ pageSize: 5, ordering: 'id' }) });
    expect(plain(seen)).toMatchObject({ count: null, page: null, startIndex: null, previous: null, results: rows.slice(0, 5) });
    expect(seen.next).toMatch(/^http:\/\/api\.test\/rows\/\?cursor=/);
  });

  it('gets the whole list when unpaginated', async () => {
    const { seen } = await given('', { pagination: pageNumberPagination() });
    expect(plain(seen)).toEqual({
      paginated: false,
      results: rows,
      count: 12,
      countKind: 'exact',
      next: null,
      previous: null,
      page: null,
      nextPage: null,
      previousPage: null,
      totalPages: null,
      pageSize: null,
      startIndex: 0,
      url: BASE,
    });
  });

  it('may be asynchronous, and the Link header still comes when asked', async () => {
    const response = await restResponse(
      { url: '/rows/?page=2', headers: { host: 'api.test' } },
      {
        pagination: pageNumberPagination({ pageSize: 5 }),
        source: arraySource(rows),
        links: 'header',
        body: async (page) => page.results.length,
      },
    );
    expect(response.body).toBe('5');
    expect(response.headers['link']).toContain('rel="next"');
  });

  it('is a 500 without a stack trace when it throws, reported to onError', async () => {
    const errors: unknown[] = [];
    const response = await restResponse(
      { url: '/rows/', headers: { host: 'api.test' } },
      {
        pagination: pageNumberPagination({ pageSize: 5 }),
        source: arraySource(rows),
        body: () => {
          throw new Error('boom at /secret/path');
        },
        onError: (error) => errors.push(error),
      },
    );
    expect([response.status, response.body]).toEqual([500, '{"detail":"A server error occurred."}']);
    expect(errors).toHaveLength(1);
  });

  it('replaces the shape, so not both', () => {
    const options = { pagination: pageNumberPagination({ pageSize: 5 }), source: arraySource(rows), body: () => null };
    expect(() => checkRestOptions({ ...options, shape: 'rails' })).toThrow(/body replaces the shape/);
    expect(() => checkRestOptions({ ...options, body: 'x' as unknown as () => null })).toThrow(/body must be a function/);
    expect(() => checkRestOptions({ ...options, shape: 'drf' })).not.toThrow();
  });
});

describe('the schema of a custom body', () => {
  const items = { type: 'array', items: { $ref: '#/components/schemas/Article' } };
  const pagination = pageNumberPagination({ pageSize: 100 });

  it("is bodySchema's, given the results' schema (DRF 3's nested links example)", () => {
    const link = { type: 'string', nullable: true, format: 'uri' };
    const bodySchema = (results: Record<string, unknown>) => ({
      type: 'object',
      required: ['links', 'count', 'results'],
      properties: { links: { type: 'object', properties: { next: link, previous: link } }, count: { type: 'integer' }, results },
    });
    expect(restResponseSchema({ pagination, body: () => null, bodySchema }, items)).toEqual(bodySchema(items));
  });

  it('must be given beside the body hook', () => {
    expect(() => restResponseSchema({ pagination, body: () => null }, items)).toThrow(/bodySchema must be given beside body/);
  });
});
