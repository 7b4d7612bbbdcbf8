import {
  cursorPagination,
  limitOffsetPagination,
  paginateCursor,
  paginateLimitOffset,
  paginateRelay,
  PaginationConfigError,
} from 'pagewise';
import { arraySource, forgetArraySource } from 'pagewise/array';

describe('arraySource', () => {
  const people = [
    { id: 3, name: 'Cleo', team: { name: 'b' }, joined: new Date('2020-01-03T00:00:00Z'), score: null },
    { id: 1, name: 'Abe', team: { name: 'a' }, joined: new Date('2020-01-01T00:00:00Z'), score: 5 },
    { id: 2, name: 'Bea', team: { name: 'a' }, joined: new Date('2020-01-02T00:00:00Z'), score: 7 },
  ];

  it('learns field types from the data and follows dotted paths', () => {
    const source = arraySource(people, { uniqueKey: 'id' });
    expect([source.fieldType('joined'), source.fieldType('name'), source.fieldType('team.name'), source.fieldType('score')]).toEqual([
      'date',
      'string',
      'string',
      'number',
    ]);
    expect(source.valueOf(people[0]!, 'team.name')).toBe('b');
    expect(source.valueOf(people[0]!, 'team.name.missing')).toBeNull();
    expect(source.uniqueKey).toEqual(['id']);
    expect(source.nullOrder).toBe('last');
  });

  it('rejects unknown fields as programmer misuse', () => {
    expect(() => arraySource(people).fieldType('password')).toThrow(PaginationConfigError);
    expect(() => arraySource(people, { fields: { id: 'number' } }).fieldType('name')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ORDERING_FIELD' }),
    );
    expect(() => arraySource(people, { uniqueKey: 'nope' })).toThrow(PaginationConfigError);
  });

  it('uses declared types and a custom reader', async () => {
    const rows = [{ v: '10' }, { v: '9' }, { v: '100' }];
    const source = arraySource(rows, {
      fields: { v: 'number', $index: 'number' },
      read: (row, field) => (field === '$index' ? rows.indexOf(row) : Number(row.v)),
    });
    const page = (await paginateCursor(source, cursorPagination({ pageSize: 2, ordering: 'v' }), {}))!;
    expect(page.items).toEqual([{ v: '9' }, { v: '10' }]);
    const next = (await paginateCursor(source, cursorPagination({ pageSize: 2, ordering: 'v' }), { cursor: page.nextCursor }))!;
    expect(next.items).toEqual([{ v: '100' }]);
  });

  it('sorts NULL last by default and first when told, in both directions', async () => {
    const names = async (nulls: 'first' | 'last', ordering: string) =>
      (await paginateRelay(arraySource(people, { uniqueKey: 'id', nulls }), cursorPagination({ pageSize: 5, ordering }), {})).items.map(
        (row) => row.name,
      );
    expect(await names('last', 'score')).toEqual(['Abe', 'Bea', 'Cleo']);
    expect(await names('last', '-score')).toEqual(['Cleo', 'Bea', 'Abe']);
    expect(await names('first', 'score')).toEqual(['Cleo', 'Abe', 'Bea']);
    expect(await names('first', '-score')).toEqual(['Bea', 'Abe', 'Cleo']);
  });

  it('pages past NULLs with exact cursors', async () => {
    const pagination = cursorPagination({ pageSize: 1, ordering: ['-score'] });
    for (const nulls of ['first', 'last'] as const) {
      const source = arraySource(people, { uniqueKey: 'id', nulls });
      const seen: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = (await paginateCursor(source, pagination, { cursor }))!;
        seen.push(...page.items.map((row) => row.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(3);
    }
  });

  it('keeps the array order for offset pages unless given an ordering', async () => {
    const pagination = limitOffsetPagination({ defaultLimit: 2 });
    expect((await paginateLimitOffset(arraySource(people), pagination, {}))!.items.map((row) => row.id)).toEqual([3, 1]);
    expect(
      (await paginateLimitOffset(arraySource(people, { ordering: '-joined' }), pagination, { offset: 1 }))!.items.map((row) => row.id),
    ).toEqual([2, 1]);
    expect(await arraySource(people).slice(1, 5, [{ field: 'id', descending: false }])).toEqual([people[2], people[0]]);
  });

  it('pages primitive rows by position (no unique key to append)', async () => {
    const source = arraySource([3, 1, 2]);
    expect(source.uniqueKey).toEqual([]);
    expect((await paginateLimitOffset(source, limitOffsetPagination({ defaultLimit: 2 }), { offset: 1 }))!.items).toEqual([1, 2]);
  });

  it('accepts any ordering on an empty array', async () => {
    const page = await paginateRelay(arraySource<{ x: number }>([]), cursorPagination({ pageSize: 2, ordering: 'x' }), {});
    expect(page).toMatchObject({ items: [], hasNext: false, hasPrevious: false, startCursor: null, endCursor: null });
  });

  it('sorts once per ordering: later pages read only the rows they return', async () => {
    let reads = 0;
    const rows = Array.from({ length: 1000 }, (_, index) => ({ id: index, group: index % 7 }));
    const source = arraySource(rows, {
      uniqueKey: 'id',
      read: (row, field) => {
        reads += 1;
        return row[field as 'id'];
      },
    });
    const pagination = cursorPagination({ pageSize: 10, ordering: ['group', '-id'] });
    let page = (await paginateCursor(source, pagination, {}))!;
    const afterSort = reads;
    expect(afterSort).toBeGreaterThanOrEqual(2000);
    for (let hop = 0; hop < 5; hop += 1) page = (await paginateCursor(source, pagination, { cursor: page.nextCursor }))!;
    // Each page reads the key of its 10 rows for their cursors, and nothing of the other 990 rows.
    expect(reads - afterSort).toBeLessThan(5 * 10 * 3 * 2);
    expect(page.items.map((row) => row.id)).toEqual(sixthPage(rows));
  });

  describe('kept with the array, so a source per request is cheap', () => {
    const counted = () => {
      const counter = { reads: 0 };
      const read = (row: { id: number; group: number }, field: string) => {
        counter.reads += 1;
        return row[field as 'id' | 'group'];
      };
      return { counter, read };
    };
    const pagination = cursorPagination({ pageSize: 10, ordering: ['group'] });

    it('sorts an array once for every source over it with the same reader', async () => {
      const rows = Array.from({ length: 1000 }, (_, index) => ({ id: index, group: index % 7 }));
      const { counter, read } = counted();
      const first = (await paginateCursor(arraySource(rows, { uniqueKey: 'id', read }), pagination, {}))!;
      expect(counter.reads).toBeGreaterThanOrEqual(2000);
      counter.reads = 0;
      const next = (await paginateCursor(arraySource(rows, { uniqueKey: 'id', read }), pagination, { cursor: first.nextCursor }))!;
      // Only the page's own rows (their cursors) and the sampled types: nothing of the other 990.
      expect(counter.reads).toBeLessThan(100);
      expect(next.items.map((row) => row.id)).toEqual(
        [...rows]
          .sort((a, b) => a.group - b.group || a.id - b.id)
          .slice(10, 20)
          .map((row) => row.id),
      );
    });

    it('pages by `$index` across sources without indexing the array again', async () => {
      const rows = Array.from({ length: 30 }, (_, index) => ({ id: index, group: index % 3 }));
      const seen: number[] = [];
      let cursor: string | null | undefined;
      do {
        const page = (await paginateCursor(arraySource(rows), pagination, { cursor }))!;
        seen.push(...page.items.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...rows].sort((a, b) => a.group - b.group || a.id - b.id).map((row) => row.id));
    });

    it('learns again when the length changed (a push), or when told', async () => {
      const rows = [
        { id: 2, group: 2 },
        { id: 1, group: 1 },
      ];
      const ids = async (options: { cache?: boolean } = {}) =>
        (await paginateRelay(arraySource(rows, { uniqueKey: 'id', ...options }), pagination, {})).items.map((row) => row.id);
      expect(await ids()).toEqual([1, 2]);
      rows.push({ id: 0, group: 0 });
      expect(await ids()).toEqual([0, 1, 2]);
      // Same length, changed in place: the kept order is stale until forgotten; `cache: false` never keeps one.
      rows[0]!.group = -1;
      expect(await ids()).toEqual([0, 1, 2]);
      expect(await ids({ cache: false })).toEqual([2, 0, 1]);
      forgetArraySource(rows);
      expect(await ids()).toEqual([2, 0, 1]);
    });

    it('keeps readers, null orders and declared types apart', async () => {
      const rows = [{ v: '10' }, { v: '9' }, { v: null }];
      const byString = arraySource(rows);
      const byNumber = arraySource(rows, { read: (row, field) => (row[field as 'v'] === null ? null : Number(row[field as 'v'])) });
      const order = cursorPagination({ pageSize: 3, ordering: 'v' });
      expect((await paginateRelay(byString, order, {})).items.map((row) => row.v)).toEqual(['10', '9', null]);
      expect((await paginateRelay(byNumber, order, {})).items.map((row) => row.v)).toEqual(['9', '10', null]);
      expect((await paginateRelay(arraySource(rows, { nulls: 'first' }), order, {})).items.map((row) => row.v)).toEqual([null, '10', '9']);
      expect(byNumber.fieldType('v')).toBe('number');
      expect(arraySource(rows, { fields: { v: 'string' } }).fieldType('v')).toBe('string');
      expect(() => arraySource(rows, { fields: { $index: 'number' } }).fieldType('v')).toThrow(PaginationConfigError);
    });
  });
});

function sixthPage(rows: ReadonlyArray<{ id: number; group: number }>): number[] {
  return [...rows]
    .sort((a, b) => a.group - b.group || b.id - a.id)
    .slice(50, 60)
    .map((row) => row.id);
}
