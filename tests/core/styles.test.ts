import {
  cursorPagination,
  decodeOffsetCursor,
  encodeOffsetCursor,
  hmacSigner,
  limitOffsetPageNumbers,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationConfigError,
  type PageSource,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { countingSource } from '../support/counting-source';

const numbers = (n: number) => Array.from({ length: n }, (_, index) => ({ id: index + 1, created: Math.floor(index / 3) }));

describe('page-number', () => {
  const pagination = pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 20 });

  it('fills in DRF defaults and rejects bad options when defined', () => {
    expect(pageNumberPagination()).toEqual({
      style: 'page-number',
      pageSize: null,
      pageQueryParam: 'page',
      pageSizeQueryParam: null,
      maxPageSize: null,
      lastPageStrings: ['last'],
      invalidPageMessage: 'Invalid page.',
    });
    expect(() => pageNumberPagination({ pageSize: -1 })).toThrow(PaginationConfigError);
    expect(() => pageNumberPagination({ maxPageSize: 1.5 })).toThrow(PaginationConfigError);
  });

  it('counts only when asked, and then in parallel with the page query', async () => {
    const source = countingSource(arraySource(numbers(12)));
    const page = (await paginatePageNumber(source, pagination, { page: '2' }))!;
    expect(source.calls).toEqual(['slice(5,6)']);
    expect(page).toMatchObject({ page: 2, hasNext: true, hasPrevious: true, nextPage: 3, previousPage: 1, pageSize: 5 });
    expect(await page.totalPages()).toBe(3);
    expect(await page.count()).toBe(12);
    expect(source.calls).toEqual(['slice(5,6)', 'count']);

    const eager = countingSource(arraySource(numbers(12)));
    await paginatePageNumber(eager, pagination, { page: 1 }, { withCount: true });
    expect(eager.calls).toEqual(['count', 'slice(0,6)']);
  });

  it('takes GraphQL numbers and last-page strings', async () => {
    const source = arraySource(numbers(12));
    expect((await paginatePageNumber(source, pagination, { page: 3, pageSize: 4 }))!.items.map((row) => row.id)).toEqual([9, 10, 11, 12]);
    expect((await paginatePageNumber(source, pagination, { page: 'last' }))!).toMatchObject({ page: 3, hasNext: false, nextPage: null });
    await expect(paginatePageNumber(source, pagination, { page: 2.5 })).rejects.toMatchObject({ code: 'INVALID_PAGE', argument: 'page' });
    await expect(paginatePageNumber(source, pagination, { page: 0 })).rejects.toMatchObject({ code: 'INVALID_PAGE' });
    await expect(paginatePageNumber(source, pagination, { page: '9007199254740993' })).rejects.toMatchObject({ code: 'INVALID_PAGE' });
    expect((await paginatePageNumber(arraySource([]), pagination, {}))!).toMatchObject({
      page: 1,
      items: [],
      hasNext: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it('formats the invalid page message as DRF str.format does', async () => {
    const custom = pageNumberPagination({ pageSize: 5, invalidPageMessage: 'Page {page_number}: {message}' });
    await expect(paginatePageNumber(arraySource(numbers(3)), custom, { page: 'x' })).rejects.toThrow(
      'Page x: That page number is not an integer',
    );
    await expect(paginatePageNumber(arraySource(numbers(3)), custom, { page: '-1' })).rejects.toThrow(
      'Page -1: That page number is less than 1',
    );
    await expect(paginatePageNumber(arraySource(numbers(3)), custom, { page: '2' })).rejects.toThrow(
      'Page 2: That page contains no results',
    );
  });

  it('gives edge cursors that continue after their row', async () => {
    const page = (await paginatePageNumber(arraySource(numbers(12)), pagination, { page: 2 }))!;
    expect(page.cursors.map((cursor) => decodeOffsetCursor(cursor))).toEqual([5, 6, 7, 8, 9]);
    expect([page.startCursor, page.endCursor]).toEqual([encodeOffsetCursor(5), encodeOffsetCursor(9)]);
  });

  it('is off when the page size is null or 0', async () => {
    expect(await paginatePageNumber(arraySource(numbers(3)), pageNumberPagination(), { page: 1 })).toBeNull();
    expect(await paginatePageNumber(arraySource(numbers(3)), pageNumberPagination({ pageSize: 0 }), {})).toBeNull();
  });
});

describe('limit-offset', () => {
  it('fills in DRF defaults and rejects bad options', () => {
    expect(limitOffsetPagination()).toEqual({
      style: 'limit-offset',
      defaultLimit: null,
      limitQueryParam: 'limit',
      offsetQueryParam: 'offset',
      maxLimit: null,
    });
    expect(() => limitOffsetPagination({ defaultLimit: -1 })).toThrow(PaginationConfigError);
    expect(() => limitOffsetPagination({ maxLimit: -1 })).toThrow(PaginationConfigError);
  });

  it('pages without a count and ignores client limits when the parameter is off', async () => {
    const source = countingSource(arraySource(numbers(12)));
    const page = (await paginateLimitOffset(source, limitOffsetPagination({ defaultLimit: 4, limitQueryParam: null }), {
      limit: '2',
      offset: 10,
    }))!;
    expect(page).toMatchObject({ limit: 4, offset: 10, hasNext: false, hasPrevious: true, nextOffset: null, previousOffset: 6 });
    expect(source.calls).toEqual(['slice(10,5)']);
    expect(await page.totalPages()).toBe(4);
  });

  it('keeps default_limit 0 on, as DRF does', async () => {
    const page = (await paginateLimitOffset(arraySource(numbers(3)), limitOffsetPagination({ defaultLimit: 0 }), {}))!;
    expect(page).toMatchObject({ items: [], limit: 0, hasNext: true, nextOffset: 0 });
  });

  it.each([
    [100, 0, 5, 1, 20],
    [100, 1, 5, 2, 21],
    [100, 1000, 5, 20, 20],
    [0, 0, 5, 1, 1],
    [10, 3, 0, 1, 1],
  ])('page numbers of count %i offset %i limit %i', (count, offset, limit, current, final) => {
    expect(limitOffsetPageNumbers(count, offset, limit)).toEqual({ current, final });
  });
});

describe('cursor', () => {
  const rows = numbers(10);
  const source = (): PageSource<(typeof rows)[number]> => arraySource(rows, { uniqueKey: 'id' });

  it('fills in defaults and rejects misuse when defined', () => {
    expect(cursorPagination()).toMatchObject({
      pageSize: null,
      cursorQueryParam: 'cursor',
      ordering: [{ field: 'created', descending: true }],
      offsetCutoff: 1000,
      mode: 'exact',
      signer: null,
    });
    expect(() => cursorPagination({ pageSize: -5 })).toThrow(PaginationConfigError);
    expect(() => cursorPagination({ mode: 'fast' as 'drf' })).toThrow(PaginationConfigError);
    expect(() => cursorPagination({ orderingFields: ['bad field'] })).toThrow(PaginationConfigError);
    expect(() => cursorPagination({ ordering: '' })).toThrow(PaginationConfigError);
  });

  it('rejects an ordering on a field the source lacks (programmer misuse)', async () => {
    await expect(paginateCursor(source(), cursorPagination({ pageSize: 2, ordering: 'missing' }), {})).rejects.toThrow(
      PaginationConfigError,
    );
  });

  it('never counts for a page; counts on demand', async () => {
    const counted = countingSource(source());
    const page = await paginateRelay(counted, cursorPagination({ pageSize: 3, ordering: 'created' }), { first: 4 });
    expect(counted.calls).toEqual(['seek(forward,5)']);
    expect(await page.totalPages()).toBe(3);
    expect(counted.calls).toEqual(['seek(forward,5)', 'count']);
  });

  it('validates Relay counts, clamps or rejects oversize ones', async () => {
    const pagination = cursorPagination({ pageSize: 3, maxPageSize: 4, ordering: 'created' });
    await expect(paginateRelay(source(), pagination, { first: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      argument: 'first',
      message: 'Argument "first" must be a non-negative integer',
    });
    await expect(paginateRelay(source(), pagination, { last: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'last' });
    await expect(paginateRelay(source(), pagination, { first: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await paginateRelay(source(), pagination, { first: 9 })).items).toHaveLength(4);
    await expect(paginateRelay(source(), pagination, { first: 9 }, { onOversize: 'error' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      argument: 'first',
    });
  });

  it('first 0 gives an empty page with null cursors and an honest hasNextPage', async () => {
    const page = await paginateRelay(source(), cursorPagination({ pageSize: 3, ordering: 'created' }), { first: 0 });
    expect(page).toMatchObject({ items: [], hasNext: true, hasPrevious: false, startCursor: null, endCursor: null });
  });

  it('applies last after first, with hasPreviousPage true when last trimmed', async () => {
    const pagination = cursorPagination({ pageSize: 3, ordering: 'created' });
    const page = await paginateRelay(source(), pagination, { first: 5, last: 2 });
    expect(page.items.map((row) => row.id)).toEqual([4, 5]);
    expect(page).toMatchObject({ hasNext: true, hasPrevious: true });
  });

  it('takes after and before together as a window', async () => {
    const pagination = cursorPagination({ pageSize: 10, ordering: 'created' });
    const all = await paginateRelay(source(), pagination, {});
    const window = await paginateRelay(source(), pagination, { after: all.cursors[1], before: all.cursors[6] });
    expect(window.items.map((row) => row.id)).toEqual([3, 4, 5, 6]);
    const backward = await paginateRelay(source(), pagination, { last: 2, after: all.cursors[1], before: all.cursors[6] });
    expect(backward.items.map((row) => row.id)).toEqual([5, 6]);
    expect(backward).toMatchObject({ hasPrevious: true, hasNext: true });
  });

  it('drf mode: last alone starts from the end; one cursor names one position', async () => {
    const pagination = cursorPagination({ pageSize: 3, ordering: 'created', mode: 'drf' });
    const fromEnd = await paginateRelay(source(), pagination, { last: 3 });
    expect(fromEnd.items.map((row) => row.created)).toEqual([2, 2, 3]);
    expect(fromEnd.hasNext).toBe(false);
    await expect(
      paginateRelay(source(), pagination, { after: fromEnd.previousCursor, before: fromEnd.previousCursor }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  // An edge's cursor names its row; the argument says which way to page from it (Relay), in drf mode
  // as in exact mode, whichever of DRF's links the cursor was written as. Rows: ids 1..10.
  it.each([
    ['forward page', 'startCursor', 'after', [5, 6, 7]],
    ['forward page', 'startCursor', 'before', [1, 2, 3]],
    ['forward page', 'endCursor', 'after', [7, 8, 9]],
    ['forward page', 'endCursor', 'before', [3, 4, 5]],
    ['backward page', 'startCursor', 'after', [9, 10]],
    ['backward page', 'startCursor', 'before', [5, 6, 7]],
    ['backward page', 'endCursor', 'after', []],
    ['backward page', 'endCursor', 'before', [7, 8, 9]],
    ['backward page', 'previousCursor', 'before', [5, 6, 7]],
    ['forward page', 'nextCursor', 'after', [7, 8, 9]],
  ] as const)('%s: its %s as %s pages the same in drf and exact mode', async (from, cursor, argument, expected) => {
    for (const mode of ['drf', 'exact'] as const) {
      const pagination = cursorPagination({ pageSize: 3, ordering: 'created', mode });
      const first = await paginateRelay(source(), pagination, { first: 3 });
      const page =
        from === 'forward page'
          ? await paginateRelay(source(), pagination, { first: 3, after: first.endCursor })
          : await paginateRelay(source(), pagination, { last: 3 });
      const size = argument === 'after' ? { first: 3 } : { last: 3 };
      const next = await paginateRelay(source(), pagination, { ...size, [argument]: page[cursor] });
      expect([mode, next.items.map((row) => row.id)]).toEqual([mode, expected]);
      if (expected.length === 0) expect(next).toMatchObject({ hasNext: false, hasPrevious: true });
    }
  });

  it('exact mode reads cursors DRF wrote (no key) with DRF semantics, then writes exact ones', async () => {
    const pagination = cursorPagination({ pageSize: 3, ordering: 'created' });
    const page = (await paginateCursor(source(), pagination, { cursor: 'bz0yJnA9MA==' }))!; // o=2&p=0
    expect(page.items.map((row) => row.id)).toEqual([6, 7, 8]);
    const next = (await paginateCursor(source(), pagination, { cursor: page.nextCursor }))!;
    expect(next.items.map((row) => row.id)).toEqual([9, 10]);
  });

  it('rejects exact cursors with an offset, a short key, or a key of the wrong type', async () => {
    const pagination = cursorPagination({ pageSize: 3, ordering: 'created' });
    const tamper = (text: string) => Buffer.from(text).toString('base64');
    const page = (await paginateCursor(source(), pagination, {}))!;
    const body = Buffer.from(page.nextCursor!, 'base64').toString('ascii');
    for (const cursor of [
      tamper(`o=1&${body}`),
      tamper(body.replace(/%2C%22\d+%22%5D$/, '%5D')),
      tamper(body.replace(/%2C%22(\d+)%22%2C/, '%2C%22x%22%2C')),
    ]) {
      await expect(paginateCursor(source(), pagination, { cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR', argument: 'cursor' });
    }
    await expect(paginateRelay(source(), pagination, { before: tamper('o=1&' + body) })).rejects.toMatchObject({ argument: 'before' });
  });

  it('is off when the page size is null', async () => {
    expect(await paginateCursor(source(), cursorPagination({ ordering: 'created' }), {})).toBeNull();
  });

  it('signs offset cursors too', () => {
    const signer = hmacSigner('another long enough secret');
    const cursor = encodeOffsetCursor(7, { signer });
    expect(decodeOffsetCursor(cursor, { signer })).toBe(7);
    expect(() => decodeOffsetCursor(encodeOffsetCursor(7), { signer })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    for (const bad of ['', 'cD0tMQ==', 'cj0xJnA9Mw==', 'cD14']) {
      expect(() => decodeOffsetCursor(bad, { argument: 'after' })).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR', argument: 'after' }),
      );
    }
  });
});

describe('regressions', () => {
  it('a keyless cursor without position (REST rel="last") starts an exact walk from the end, no rows skipped', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, created: Math.floor(index / 4) }));
    const source = arraySource(rows, { uniqueKey: 'id' });
    const pagination = cursorPagination({ pageSize: 5, ordering: 'created' });
    const ids = (page: { items: ReadonlyArray<{ id: number }> }) => page.items.map((row) => row.id);
    const last = (await paginateCursor(source, pagination, { cursor: 'cj0x' }))!; // r=1: the end
    expect(ids(last)).toEqual([8, 9, 10, 11, 12]);
    expect(last).toMatchObject({ hasNext: false, hasPrevious: true });
    const middle = (await paginateCursor(source, pagination, { cursor: last.previousCursor }))!;
    expect(ids(middle)).toEqual([3, 4, 5, 6, 7]);
    const first = (await paginateCursor(source, pagination, { cursor: middle.previousCursor }))!;
    expect(ids(first)).toEqual([1, 2]);
    const again = (await paginateCursor(source, pagination, { cursor: first.nextCursor }))!;
    expect(ids(again)).toEqual([3, 4, 5, 6, 7]);
    const relay = await paginateRelay(source, pagination, { last: 5, before: 'cj0x' });
    expect(ids(relay)).toEqual([8, 9, 10, 11, 12]);
    expect(ids((await paginateCursor(source, pagination, { cursor: '' }))!)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('no query outlives a failed page', () => {
  const slowCount = <T>(source: PageSource<T>) => {
    const state = { started: 0, finished: 0 };
    const wrapped: PageSource<T> = {
      ...source,
      fieldType: (field) => source.fieldType(field),
      valueOf: (row, field) => source.valueOf(row, field),
      slice: (offset, limit, ordering) => source.slice(offset, limit, ordering),
      seek: (request) => source.seek(request),
      count: async () => {
        state.started += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        state.finished += 1;
        return source.count();
      },
    };
    return { source: wrapped, state };
  };

  it('a page past the end waits for the eager count before it rejects', async () => {
    const { source, state } = slowCount(arraySource(numbers(3)));
    await expect(paginatePageNumber(source, pageNumberPagination({ pageSize: 5 }), { page: 2 }, { withCount: true })).rejects.toMatchObject(
      {
        code: 'INVALID_PAGE',
      },
    );
    expect(state).toEqual({ started: 1, finished: 1 });
  });

  it('a malformed page number starts no query at all', async () => {
    const { source, state } = slowCount(arraySource(numbers(3)));
    await expect(
      paginatePageNumber(source, pageNumberPagination({ pageSize: 5 }), { page: 'x' }, { withCount: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_PAGE',
    });
    expect(state).toEqual({ started: 0, finished: 0 });
  });

  it('a cursor whose key is not of the field type waits for the eager count too', async () => {
    const { source, state } = slowCount(arraySource(numbers(3), { uniqueKey: 'id' }));
    const pagination = cursorPagination({ pageSize: 2, ordering: 'created' });
    const page = (await paginateCursor(arraySource(numbers(3), { uniqueKey: 'id' }), pagination, {}))!;
    const text = Buffer.from(page.nextCursor!, 'base64')
      .toString('ascii')
      .replace(/%22(\d+)%22%5D$/, '%22x%22%5D');
    await expect(
      paginateCursor(source, pagination, { cursor: Buffer.from(text).toString('base64') }, { withCount: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    expect(state).toEqual({ started: 1, finished: 1 });
  });
});
