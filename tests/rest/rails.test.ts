// Rails RESTFramework's reading and links beyond the documented vectors (tests/rest/shape-vectors.ts):
// gregschmit/rails-rest-framework lib/rest_framework/paginators/page_number_paginator.rb and
// lib/rest_framework/controller/crud.rb; Ruby's String#to_i and ActiveSupport's Hash#to_query.
import { pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { railsPageUrl, restResponse, rubyToInteger, type RestOptions } from 'pagewise/rest';

const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1 }));
const rails: RestOptions<{ id: number }> = {
  pagination: pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size' }),
  source: arraySource(rows),
  shape: 'rails',
};

async function get(query: string, options: RestOptions<{ id: number }> = rails) {
  const response = await restResponse({ url: `/rows${query}`, headers: { host: 'api.test' } }, options);
  return { status: response.status, headers: response.headers, body: JSON.parse(response.body) as Record<string, unknown> };
}

describe("Ruby's String#to_i", () => {
  it.each([
    ['12', 12n],
    ['  12', 12n],
    ['\t\n12', 12n],
    ['+7', 7n],
    ['-7', -7n],
    ['2abc', 2n],
    ['1_000', 1000n],
    ['1__0', 1n],
    ['_1', 0n],
    ['1_', 1n],
    ['0d12', 12n],
    ['0x1A', 0n],
    ['1.9', 1n],
    ['abc', 0n],
    ['', 0n],
    ['- 1', 0n],
    ['99999999999999999999', 99999999999999999999n],
  ])('%j.to_i is %s', (text, value) => {
    expect(rubyToInteger(text)).toBe(value);
  });
});

describe("Rails' page links", () => {
  it.each([
    ['writes page 1', 'http://h/rows?page=2', 1, 'http://h/rows?page=1'],
    ['sorts the pairs as to_query does', 'http://h/rows?z=1&a=2', 2, 'http://h/rows?a=2&page=2&z=1'],
    ["keeps a parameter's last value, as Rack does", 'http://h/rows?x=1&x=2', 2, 'http://h/rows?page=2&x=2'],
    ['keeps every value of an array parameter', 'http://h/rows?x[]=b&x[]=a', 2, 'http://h/rows?page=2&x%5B%5D=b&x%5B%5D=a'],
    ['escapes as CGI.escape does', 'http://h/rows?q=a%20b*%C3%A9', 3, 'http://h/rows?page=3&q=a+b%2A%C3%A9'],
    ['writes a bare key with an empty value', 'http://h/rows?flag', 2, 'http://h/rows?flag=&page=2'],
  ])('%s', (_case, url, page, expected) => {
    expect(railsPageUrl(url, 'page', page)).toBe(expected);
  });
});

describe('the rails shape', () => {
  it('reads page_size as to_i: leading digits count, anything not positive is the default', async () => {
    expect((await get('?page_size=3abc')).body['page_size']).toBe(3);
    expect((await get('?page_size=-2')).body['page_size']).toBe(5);
    expect((await get('?page_size=')).body['page_size']).toBe(5);
  });

  it("puts Rails' links in the Link header too", async () => {
    const { headers, body } = await get('?page=2', { ...rails, links: 'header' });
    expect(headers['link']).toBe(
      '<http://api.test/rows?page=3>; rel="next", <http://api.test/rows?page=1>; rel="prev", <http://api.test/rows>; rel="first", <http://api.test/rows?page=3>; rel="last"',
    );
    expect(Object.keys(body)).toEqual(['count', 'page', 'page_size', 'total_pages', 'results']);
  });

  it('leaves page_size=0 alone when zeroPageSizeDisables is off', async () => {
    expect((await get('?page_size=0', { ...rails, zeroPageSizeDisables: false })).body['page_size']).toBe(5);
    expect(Array.isArray((await get('?page_size=0')).body)).toBe(true);
  });

  it('answers a page beyond what a JavaScript number can count exactly with a 404, not a wrong page', async () => {
    expect(await get('?page=99999999999999999999')).toEqual({ status: 404, headers: expect.anything(), body: { detail: 'Invalid page.' } });
  });

  it('serves the page past the end with its number and the previous page, whatever the pagination says', async () => {
    const strict = { ...rails, pagination: pageNumberPagination({ pageSize: 5, invalidPage: 'error' }) };
    expect((await get('?page=7', strict)).body).toEqual({
      count: 12,
      page: 7,
      page_size: 5,
      total_pages: 3,
      previous: 'http://api.test/rows?page=6',
      results: [],
    });
  });
});
