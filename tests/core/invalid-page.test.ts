// invalidPage: what a page that is not an integer, below 1 or past the end serves. `last` is
// Django's Paginator.get_page (django/django django/core/paginator.py: PageNotAnInteger is page 1,
// EmptyPage the last page); `empty` is Rails RESTFramework's page_number_paginator.rb.
import {
  paginate,
  pageNumberPagination,
  paginatePageNumber,
  PaginationConfigError,
  PaginationError,
  requestFromArgs,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { countingSource } from '../support/counting-source';

const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1 }));
const HUGE = '99999999999999999999';

async function served(invalidPage: 'error' | 'first' | 'last' | 'empty' | undefined, page: string, list = rows) {
  const pagination = pageNumberPagination({ pageSize: 5, ...(invalidPage && { invalidPage }) });
  const result = (await paginatePageNumber(arraySource(list), pagination, { page }))!;
  return { page: result.page, ids: result.items.map(({ id }) => id), previousPage: result.previousPage, nextPage: result.nextPage };
}

describe('invalidPage', () => {
  it.each([
    ['first', 'abc', 1],
    ['first', '0', 1],
    ['first', '9', 1],
    ['first', HUGE, 1],
    ['last', 'abc', 1],
    ['last', '1.0', 1],
    ['last', '0', 3],
    ['last', '-4', 3],
    ['last', '9', 3],
    ['last', HUGE, 3],
    ['empty', 'abc', 1],
    ['empty', '0', 1],
    ['last', '2', 2],
    ['empty', '2', 2],
  ] as const)('%s serves page %s as page %s', async (mode, page, expected) => {
    expect((await served(mode, page)).page).toBe(expected);
  });

  it('empty serves a page past the end as that page, with no rows and the page before it', async () => {
    expect(await served('empty', '9')).toEqual({ page: 9, ids: [], previousPage: 8, nextPage: null });
  });

  it('last serves page 1 of an empty list', async () => {
    expect(await served('last', '4', [])).toEqual({ page: 1, ids: [], previousPage: null, nextPage: null });
  });

  it.each([
    ['error', 'abc', 'Invalid page.'],
    [undefined, '0', 'Invalid page.'],
    ['error', '9', 'Invalid page.'],
    ['empty', HUGE, 'Invalid page.'],
  ] as const)("%s answers page %s with DRF's INVALID_PAGE", async (mode, page, message) => {
    const error = await served(mode, page).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'INVALID_PAGE', message });
  });

  it('is overridden per request by the plan override', async () => {
    const page = await paginate(
      arraySource(rows),
      pageNumberPagination({ pageSize: 5 }),
      { via: 'query', page: '9' },
      { invalidPage: 'last' },
    );
    expect(page).toMatchObject({ style: 'page-number', page: 3 });
  });

  it('applies to GraphQL arguments too', async () => {
    const pagination = pageNumberPagination({ pageSize: 5, invalidPage: 'first' });
    const page = await paginate(arraySource(rows), pagination, requestFromArgs('page-number', { page: 7, pageSize: 5 }));
    expect(page).toMatchObject({ page: 1 });
  });

  it('fetches the fallback page once, even when the count promises rows that are gone', async () => {
    const source = countingSource(arraySource(rows.slice(0, 3)));
    const lying = { ...source, count: async () => 30 };
    const page = (await paginatePageNumber(lying, pageNumberPagination({ pageSize: 5, invalidPage: 'last' }), { page: '9' }))!;
    expect([page.page, page.items]).toEqual([6, []]);
    expect(source.calls).toEqual(['slice(40,6)', 'slice(25,6)']);
  });

  it('is checked when the pagination is made', () => {
    expect(() => pageNumberPagination({ invalidPage: 'lenient' as 'first' })).toThrow(PaginationConfigError);
    expect(pageNumberPagination({ invalidPage: 'last' }).invalidPage).toBe('last');
    expect('invalidPage' in pageNumberPagination()).toBe(false);
  });
});
