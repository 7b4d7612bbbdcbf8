// pagePositions: the one mapping of a page to its bare next/previous positions, shared by GraphQL
// offset lists and REST embeds without a link (it was written twice, once in each adapter).
import {
  cursorPagination,
  limitOffsetPagination,
  pageNumberPagination,
  pagePositions,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';

const rows = Array.from({ length: 10 }, (_, index) => ({ id: index + 1 }));
const source = () => arraySource(rows, { uniqueKey: 'id' });

describe('pagePositions', () => {
  it.each([
    ['first page-number page', { page: 1 }, { next: '2', previous: null }],
    ['middle page-number page', { page: 2 }, { next: '3', previous: '1' }],
    ['last page-number page', { page: 'last' }, { next: null, previous: '3' }],
  ])('%s: page numbers as strings', async (_, args, expected) => {
    const page = await paginatePageNumber(source(), pageNumberPagination({ pageSize: 3 }), args);
    expect(pagePositions(page!)).toEqual(expected);
  });

  it.each([
    ['first window', 0, { next: '3', previous: null }],
    ['window after the start', 2, { next: '5', previous: '0' }],
    ['last window', 8, { next: null, previous: '5' }],
  ])('%s: offsets as strings', async (_, offset, expected) => {
    const page = await paginateLimitOffset(source(), limitOffsetPagination({ defaultLimit: 3 }), { offset });
    expect(pagePositions(page!)).toEqual(expected);
  });

  it("cursor pages: the cursors of DRF's links", async () => {
    const pagination = cursorPagination({ pageSize: 3, ordering: 'id' });
    const first = (await paginateCursor(source(), pagination, {}))!;
    expect(pagePositions(first)).toEqual({ next: first.nextCursor, previous: null });
    const second = (await paginateCursor(source(), pagination, { cursor: first.nextCursor }))!;
    expect(pagePositions(second)).toEqual({ next: second.nextCursor, previous: second.previousCursor });
    expect([second.nextCursor, second.previousCursor]).not.toContain(null);
  });
});
