// Property tests: walking every page forward or backward yields every row exactly once (exact mode), and
// drf mode behaves as a plain model of DRF's algorithm written here.
import fc from 'fast-check';
import {
  cursorPagination,
  decodeCursor,
  paginateCursor,
  paginateRelay,
  parseOrdering,
  type Cursor,
  type OrderingField,
  type PageSource,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { orderingArbitrary, rowsArbitrary, sortRows, type Row } from '../support/rows';

const MAX_PAGES = 200;
const ids = (rows: readonly Row[]): number[] => rows.map((row) => row.id);

async function walkRestForward(source: PageSource<Row>, pagination: ReturnType<typeof cursorPagination>) {
  const seen: Row[] = [];
  let cursor: string | null | undefined;
  let last;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = (await paginateCursor(source, pagination, { cursor }))!;
    expect(page.hasPrevious).toBe(pages > 0);
    seen.push(...page.items);
    last = page;
    if (!page.nextCursor) return { seen, last };
    expect(page.items.length).toBe(pagination.pageSize);
    cursor = page.nextCursor;
  }
  throw new Error('walk did not end');
}

describe('exact mode walks (fast-check)', () => {
  it('forward by next cursors and backward by previous cursors yield every row once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(), orderingArbitrary, fc.integer({ min: 1, max: 7 }), async (rows, ordering, size) => {
        const source = arraySource(rows, { uniqueKey: 'id' });
        const pagination = cursorPagination({ pageSize: size, ordering });
        const expected = ids(sortRows(rows, ordering));

        const forward = await walkRestForward(source, pagination);
        expect(ids(forward.seen)).toEqual(expected);
        expect(forward.last.hasNext).toBe(false);

        // REST: back from the last page by previous links.
        let page = forward.last;
        let backward = [...page.items];
        for (let pages = 0; page.previousCursor && pages < MAX_PAGES; pages += 1) {
          page = (await paginateCursor(source, pagination, { cursor: page.previousCursor }))!;
          expect(page.hasNext).toBe(true);
          backward = [...page.items, ...backward];
        }
        expect(ids(backward)).toEqual(expected);
        expect(page.hasPrevious).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('Relay: first/after forward and last/before backward, with exact flags on both sides', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(), orderingArbitrary, fc.integer({ min: 1, max: 7 }), async (rows, ordering, size) => {
        const source = arraySource(rows, { uniqueKey: 'id' });
        const pagination = cursorPagination({ pageSize: 3, ordering });
        const expected = ids(sortRows(rows, ordering));

        let forward: Row[] = [];
        let page = await paginateRelay(source, pagination, { first: size });
        for (let pages = 0; ; pages += 1) {
          forward = [...forward, ...page.items];
          expect(page.hasPrevious).toBe(pages > 0);
          expect(page.startCursor === null).toBe(page.items.length === 0);
          if (!page.hasNext || pages > MAX_PAGES) break;
          page = await paginateRelay(source, pagination, { first: size, after: page.endCursor });
        }
        expect(ids(forward)).toEqual(expected);

        let backward: Row[] = [];
        page = await paginateRelay(source, pagination, { last: size });
        for (let pages = 0; ; pages += 1) {
          backward = [...page.items, ...backward];
          expect(page.hasNext).toBe(pages > 0);
          if (!page.hasPrevious || pages > MAX_PAGES) break;
          page = await paginateRelay(source, pagination, { last: size, before: page.startCursor });
        }
        expect(ids(backward)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('edge cursors continue right after their node', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(20), orderingArbitrary, async (rows, ordering) => {
        const source = arraySource(rows, { uniqueKey: 'id' });
        const pagination = cursorPagination({ pageSize: 50, ordering });
        const all = await paginateRelay(source, pagination, { first: 50 });
        for (const [index, cursor] of all.cursors.entries()) {
          const after = await paginateRelay(source, pagination, { first: 2, after: cursor });
          expect(ids(after.items)).toEqual(ids(all.items.slice(index + 1, index + 3)));
          const before = await paginateRelay(source, pagination, { last: 2, before: cursor });
          expect(ids(before.items)).toEqual(ids(all.items.slice(Math.max(0, index - 2), index)));
        }
      }),
      { numRuns: 60 },
    );
  });
});

// ---- drf mode against a plain model of DRF's CursorPagination (reference §4.5–4.7) ----

interface ModelPage {
  results: Row[];
  next: Cursor | null;
  previous: Cursor | null;
}

function modelSort(rows: readonly Row[], ordering: readonly OrderingField[]): Row[] {
  return [...rows].sort((x, y) => {
    for (const { field, descending } of ordering) {
      const a = x[field as 'a'] as number;
      const b = y[field as 'a'] as number;
      if (a !== b) return (a < b ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}

function drfModel(rows: readonly Row[], ordering: readonly OrderingField[], size: number, given: Cursor | null): ModelPage {
  const cursor = given ?? { offset: 0, reverse: false, position: null };
  const first = ordering[0]!;
  const pos = (row: Row): string => String(row[first.field as 'id']);
  let queryset = modelSort(rows, cursor.reverse ? ordering.map((o) => ({ ...o, descending: !o.descending })) : ordering);
  if (cursor.position !== null) {
    const p = Number(cursor.position);
    queryset = queryset.filter((row) =>
      cursor.reverse !== first.descending ? (row[first.field as 'id'] as number) < p : (row[first.field as 'id'] as number) > p,
    );
  }
  const results = queryset.slice(cursor.offset, cursor.offset + size + 1);
  let page = results.slice(0, size);
  const hasFollowing = results.length > size;
  const followingPosition = hasFollowing ? pos(results[size]!) : null;
  let hasNext, hasPrevious, nextPosition, previousPosition;
  if (cursor.reverse) {
    page = page.reverse();
    hasNext = given !== null && (cursor.position !== null || cursor.offset > 0);
    nextPosition = cursor.position;
    hasPrevious = hasFollowing;
    previousPosition = followingPosition;
  } else {
    hasNext = hasFollowing;
    nextPosition = followingPosition;
    hasPrevious = given !== null && (cursor.position !== null || cursor.offset > 0);
    previousPosition = cursor.position;
  }
  let next: Cursor | null = null;
  if (hasNext) {
    let compare = page.length && given && cursor.reverse && cursor.offset ? pos(page[page.length - 1]!) : nextPosition;
    let offset = 0;
    let position: string | null = null;
    let unique = false;
    for (const row of [...page].reverse()) {
      position = pos(row);
      if (position !== compare) {
        unique = true;
        break;
      }
      compare = position;
      offset += 1;
    }
    if (page.length && !unique) {
      if (!hasPrevious) [offset, position] = [size, null];
      else if (cursor.reverse) [offset, position] = [0, previousPosition];
      else [offset, position] = [cursor.offset + size, previousPosition];
    }
    if (!page.length) position = nextPosition;
    next = { offset, reverse: false, position };
  }
  let previous: Cursor | null = null;
  if (hasPrevious) {
    let compare = page.length && given && !cursor.reverse && cursor.offset ? pos(page[0]!) : previousPosition;
    let offset = 0;
    let position: string | null = null;
    let unique = false;
    for (const row of page) {
      position = pos(row);
      if (position !== compare) {
        unique = true;
        break;
      }
      compare = position;
      offset += 1;
    }
    if (page.length && !unique) {
      if (!hasNext) [offset, position] = [size, null];
      else if (cursor.reverse) [offset, position] = [cursor.offset + size, nextPosition];
      else [offset, position] = [0, nextPosition];
    }
    if (!page.length) position = previousPosition;
    previous = { offset, reverse: true, position };
  }
  return { results: page, next, previous };
}

describe('drf mode matches a model of DRF (fast-check)', () => {
  const intRows = fc
    .array(fc.record({ a: fc.integer({ min: 0, max: 5 }), id: fc.integer({ min: 0, max: 3 }) }), { maxLength: 40 })
    .map((rows) => rows.map((row) => ({ ...row, b: 'x', c: null }) as Row));
  const drfOrdering = fc.constantFrom(['a'], ['-a'], ['a', '-id'], ['-a', 'id']);

  it('walks forward by next links and back by previous links exactly as DRF', async () => {
    await fc.assert(
      fc.asyncProperty(intRows, drfOrdering, fc.integer({ min: 1, max: 6 }), async (rows, orderingSpec, size) => {
        const ordering = parseOrdering(orderingSpec);
        const source = arraySource(rows);
        const pagination = cursorPagination({ pageSize: size, ordering: orderingSpec, mode: 'drf' });
        // Rows equal in every ordering field are indistinguishable to DRF, so compare only those fields.
        const values = (page: readonly Row[]) => page.map((row) => ordering.map(({ field }) => row[field as 'a']).join(':'));
        for (const direction of ['next', 'previous'] as const) {
          let cursor: string | null = direction === 'next' ? null : 'bz0wJnI9MQ==';
          for (let step = 0; step < 3 * rows.length + 3; step += 1) {
            const decoded = cursor === null ? null : decodeCursor(cursor, { offsetCutoff: 1000 });
            const expected = drfModel(
              rows,
              ordering,
              size,
              decoded && { offset: decoded.offset, reverse: decoded.reverse, position: decoded.position },
            );
            const page = (await paginateCursor(source, pagination, { cursor }))!;
            expect(values(page.items)).toEqual(values(expected.results));
            const strip = (value: string | null) =>
              value === null ? null : (({ key: _key, ...rest }) => rest)(decodeCursor(value, { offsetCutoff: 1000 }));
            expect(strip(page.nextCursor)).toEqual(expected.next);
            expect(strip(page.previousCursor)).toEqual(expected.previous);
            cursor = direction === 'next' ? page.nextCursor : page.previousCursor;
            if (cursor === null) break;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('drf mode through Relay arguments (fast-check)', () => {
  // An edge's cursor names its row in drf mode too: `after` pages from the row on, `before` up to it,
  // whichever way DRF wrote the cursor (forward pages' next links, backward pages' reverse cursors).
  it('edge cursors of forward and backward pages page after and before their node, as in exact mode', async () => {
    const drfOrdering = fc.constantFrom(['a'], ['-a'], ['a', '-id'], ['-a', 'id']);
    await fc.assert(
      fc.asyncProperty(rowsArbitrary(20), drfOrdering, fc.integer({ min: 1, max: 5 }), async (rows, orderingSpec, size) => {
        // Declared types: with only NULLs a guessed text type would read DRF's "None" as text.
        const source = arraySource(rows, { uniqueKey: 'id', fields: { id: 'number', a: 'number' } });
        const all = await paginateRelay(source, cursorPagination({ pageSize: 50, ordering: orderingSpec }), { first: 50 });
        const order = ids(all.items);
        const pagination = cursorPagination({ pageSize: size, ordering: orderingSpec, mode: 'drf' });
        const first = await paginateRelay(source, pagination, { first: size });
        const pages = [
          first,
          await paginateRelay(source, pagination, { first: size, after: first.endCursor }),
          await paginateRelay(source, pagination, { last: size }),
        ];
        const fromEnd = pages[2]!;
        pages.push(await paginateRelay(source, pagination, { last: size, before: fromEnd.startCursor }));
        for (const page of pages) {
          for (const [index, cursor] of page.cursors.entries()) {
            const at = order.indexOf(page.items[index]!.id);
            // A window of 20 rows always reaches past a run of ties, so the turn is exact.
            const after = await paginateRelay(source, pagination, { first: 20, after: cursor });
            expect(ids(after.items)).toEqual(order.slice(at + 1, at + 21));
            const before = await paginateRelay(source, pagination, { last: 20, before: cursor });
            expect(ids(before.items)).toEqual(order.slice(Math.max(0, at - 20), at));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
