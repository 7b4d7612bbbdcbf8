// Fuzzing of every argument and cursor: nothing but a PaginationError is ever thrown, and every page is a
// contiguous run of the ordered rows. With signing on, every mutated cursor is INVALID_CURSOR.
import fc from 'fast-check';
import {
  cursorPagination,
  encodeBase64,
  hmacSigner,
  isPaginationError,
  limitOffsetPagination,
  pageNumberPagination,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  resolveClientOrdering,
  type CursorPage,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { rowsArbitrary, sortRows, type Row } from '../support/rows';

const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer({ min: -5, max: 60 }).map(String),
  fc.constantFrom('', ' 2', '+3', '1_0', '2.0', 'last', 'LAST', '\u0663', '-0', '99999999999999999999', 'None', 'o=1'),
  fc.uint8Array({ maxLength: 30 }).map((bytes) => encodeBase64(bytes)),
  fc.string({ maxLength: 40 }).map((text) => encodeBase64(new TextEncoder().encode(text))),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function expectPaginationError(error: unknown): void {
  if (!isPaginationError(error)) throw error;
  expect(['INVALID_PAGE', 'INVALID_CURSOR', 'INVALID_ARGUMENT']).toContain(error.code);
}

function expectContiguous(page: readonly Row[], ordered: readonly Row[], key: (row: Row) => string): void {
  if (page.length === 0) return;
  const keys = ordered.map(key);
  const wanted = page.map(key).join('|');
  const found = keys.some((_, start) => keys.slice(start, start + page.length).join('|') === wanted);
  expect(found).toBe(true);
}

const byId = (row: Row): string => String(row.id);

describe('fuzzing page-number and limit-offset arguments', () => {
  it('page-number: only PaginationErrors; pages are runs of the list', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(30), maybe(junk), maybe(junk), fc.integer({ min: 0, max: 6 }), async (rows, page, pageSize, size) => {
        const pagination = pageNumberPagination({ pageSize: size, pageSizeQueryParam: 'page_size', maxPageSize: 8 });
        try {
          const result = await paginatePageNumber(arraySource(rows), pagination, { page, pageSize });
          if (result) {
            expect(result.items).toEqual(rows.slice((result.page - 1) * result.pageSize, result.page * result.pageSize));
            expect(result.pageSize).toBeLessThanOrEqual(8);
          }
        } catch (error) {
          expectPaginationError(error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('limit-offset: never throws; pages are runs of the list', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(30), maybe(junk), maybe(junk), async (rows, limit, offset) => {
        const result = await paginateLimitOffset(arraySource(rows), limitOffsetPagination({ defaultLimit: 4, maxLimit: 9 }), {
          limit,
          offset,
        });
        expect(result!.items).toEqual(rows.slice(result!.offset, result!.offset + result!.limit));
        expect(result!.limit).toBeLessThanOrEqual(9);
      }),
      { numRuns: 300 },
    );
  });

  it('GraphQL-typed numbers: only PaginationErrors', async () => {
    const numbers = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-0));
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(20), maybe(numbers), maybe(numbers), async (rows, first, second) => {
        try {
          await paginatePageNumber(arraySource(rows), pageNumberPagination({ pageSize: 3, pageSizeQueryParam: 'page_size' }), {
            page: first,
            pageSize: second,
          });
          await paginateLimitOffset(arraySource(rows), limitOffsetPagination({ defaultLimit: 3 }), { limit: first, offset: second });
          await paginateRelay(arraySource(rows, { uniqueKey: 'id' }), cursorPagination({ pageSize: 3, ordering: 'a' }), {
            first,
            last: second,
          });
        } catch (error) {
          expectPaginationError(error);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing cursor arguments', () => {
  const mutate = (value: string): fc.Arbitrary<string> =>
    fc.oneof(
      fc
        .nat({ max: Math.max(0, value.length - 1) })
        .chain((at) => fc.string({ minLength: 1, maxLength: 1 }).map((char) => value.slice(0, at) + char + value.slice(at + 1))),
      fc.nat({ max: value.length }).map((at) => value.slice(0, at)),
      fc
        .nat({ max: value.length })
        .chain((at) => fc.string({ minLength: 1, maxLength: 3 }).map((text) => value.slice(0, at) + text + value.slice(at))),
      fc.nat({ max: Math.max(0, value.length - 1) }).map((at) => value.slice(0, at) + value.slice(at + 1)),
    );

  it('random and mutated cursors, sizes and orderings: only PaginationErrors, contiguous pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary(25),
        fc.constantFrom<'exact' | 'drf'>('exact', 'drf'),
        maybe(junk),
        maybe(fc.oneof(junk, fc.constantFrom('a', '-a,b', 'c,-id', 'b,a', 'nope', '-', 'a,,b'))),
        fc.nat({ max: 3 }),
        fc.integer(),
        async (rows, mode, pageSize, ordering, hops, seed) => {
          const source = arraySource(rows, { uniqueKey: 'id' });
          const pagination = cursorPagination({
            pageSize: 3,
            pageSizeQueryParam: 'page_size',
            maxPageSize: 5,
            ordering: ['a', 'b'],
            orderingFields: ['a', 'b', 'c', 'id'],
            mode,
          });
          let resolved: Row[] | null = null;
          try {
            resolved = sortRows(
              rows,
              resolveClientOrdering(ordering, { ordering: ['a', 'b'], orderingFields: ['a', 'b', 'c', 'id'] }).map(
                ({ field, descending }) => (descending ? `-${field}` : field),
              ),
            );
          } catch (error) {
            expectPaginationError(error);
          }
          const drfKey = (row: Row) => `${row.a}`;
          const key = mode === 'exact' ? byId : drfKey;
          // A valid cursor a few hops in, then a mutation of it; plus a random string.
          let cursor: string | null | undefined;
          let page: CursorPage<Row> | null = null;
          try {
            for (let hop = 0; hop < hops; hop += 1) {
              page = await paginateCursor(source, pagination, { cursor, pageSize, ordering });
              cursor = page?.nextCursor ?? page?.previousCursor ?? cursor;
            }
          } catch (error) {
            expectPaginationError(error);
            return;
          }
          const candidates = [
            cursor,
            fc.sample(junk, { numRuns: 1, seed })[0],
            cursor ? fc.sample(mutate(cursor), { numRuns: 1, seed })[0] : undefined,
          ];
          for (const candidate of candidates) {
            try {
              const result = await paginateCursor(source, pagination, { cursor: candidate, pageSize, ordering });
              expect(resolved).not.toBeNull();
              expectContiguous(result!.items, resolved!, mode === 'exact' ? key : drfKey);
              const relay = await paginateRelay(source, pagination, { first: 2, after: candidate, ordering });
              expectContiguous(relay.items, resolved!, mode === 'exact' ? key : drfKey);
            } catch (error) {
              expectPaginationError(error);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with signing on, every mutated cursor is INVALID_CURSOR', async () => {
    const signer = hmacSigner('a server secret for the tests');
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary(25).filter((rows) => rows.length > 4),
        fc.constantFrom<'exact' | 'drf'>('exact', 'drf'),
        fc.nat({ max: 4 }),
        fc.integer(),
        async (rows, mode, hops, seed) => {
          const source = arraySource(rows, { uniqueKey: 'id' });
          const pagination = cursorPagination({ pageSize: 2, ordering: ['a', 'b'], mode, signer });
          let page = (await paginateCursor(source, pagination, {}))!;
          for (let hop = 0; hop < hops && page.nextCursor; hop += 1)
            page = (await paginateCursor(source, pagination, { cursor: page.nextCursor }))!;
          const cursors = [page.nextCursor, page.previousCursor, ...page.cursors].filter((value): value is string => value !== null);
          for (const cursor of cursors) {
            await expect(paginateCursor(source, pagination, { cursor })).resolves.toBeTruthy();
            const mutated = fc.sample(mutate(cursor), { numRuns: 1, seed })[0]!;
            if (mutated === cursor) continue;
            await expect(paginateCursor(source, pagination, { cursor: mutated })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
            await expect(paginateRelay(source, pagination, { first: 2, after: mutated })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
          }
          const other = cursorPagination({ pageSize: 2, ordering: ['-a', 'b'], mode, signer });
          for (const cursor of cursors) {
            await expect(paginateCursor(source, other, { cursor })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
