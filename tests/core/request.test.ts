// One request type for every transport: DRF's query (a URL or parsed entries) and GraphQL arguments.
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  parseQuery,
  requestFromArgs,
  requestFromQuery,
} from 'pagewise/internal';

describe('requestFromQuery', () => {
  it.each([
    ['a path with its query', '/articles/?page=2&page_size=9'],
    ['an absolute URL', 'https://api.example.org/articles/?page=2&page_size=9'],
    ['parsed entries', parseQuery('page=2&page_size=9')],
  ])("reads the pagination's own parameter names from %s", (_, url) => {
    expect(requestFromQuery(pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size' }), url)).toEqual({
      via: 'query',
      page: '2',
      size: '9',
      whole: false,
    });
  });

  it('reads a size only when the pagination names a size parameter, and the last of repeated values', () => {
    expect(requestFromQuery(pageNumberPagination({ pageSize: 5 }), '/?page=1&page=3&page_size=9')).toMatchObject({
      page: '3',
      size: undefined,
    });
    expect(requestFromQuery(limitOffsetPagination(), '/?limit=4&offset=8')).toMatchObject({ size: '4', offset: '8' });
    expect(requestFromQuery(cursorPagination(), '/?cursor=abc&ordering=-id')).toMatchObject({ cursor: 'abc', ordering: '-id' });
  });

  it('a client never lifts a maximum: paginated=false and page_size=0 serve the whole list only without one', () => {
    const switches = { paginatedQueryParam: 'paginated', zeroPageSizeDisables: true };
    const open = pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size' });
    const capped = pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 50 });
    expect(requestFromQuery(open, '/?paginated=no', switches).whole).toBe(true);
    expect(requestFromQuery(open, '/?page_size=0', switches).whole).toBe(true);
    expect(requestFromQuery(capped, '/?paginated=no', switches).whole).toBe(false);
    expect(requestFromQuery(open, '/?paginated=YES', switches).whole).toBe(false);
  });
});

describe('requestFromArgs', () => {
  it.each([
    ['cursor', { first: -1 }, 'first'],
    ['cursor', { after: 3 }, 'after'],
    ['page-number', { page: 2, after: 'x' }, 'after'],
    ['limit-offset', { limit: 0 }, 'limit'],
    ['limit-offset', { offset: 1, after: 'x' }, 'after'],
  ] as const)('%s %j is INVALID_ARGUMENT naming %s', (style, args, argument) => {
    expect(() => requestFromArgs(style, args)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', argument }));
  });

  it('refuses the arguments of a direction the field does not offer', () => {
    expect(() => requestFromArgs('cursor', { last: 2 }, 'forward')).toThrow(expect.objectContaining({ argument: 'last' }));
    expect(requestFromArgs('cursor', { first: 2, after: 'c' }, 'forward')).toMatchObject({ via: 'args', first: 2, after: 'c' });
  });
});
