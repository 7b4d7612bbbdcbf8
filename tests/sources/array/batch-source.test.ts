// The array source's batched form: one parent of many, keyed by text, meets the whole PageSource
// contract (contract.test.ts runs the batch contract keyed by number), and for random rows and
// requests all parents paged together equal each parent paged alone.
import fc from 'fast-check';
import { batchedPageSources, PaginationConfigError } from 'pagewise/internal';
import { arrayBatchSource, arraySource, forgetArraySource } from 'pagewise/array';
import { batchRequestArbitrary, CHILD_FIELDS, childRowsArbitrary, pagesOfParents, type ChildRow } from '../../support/batch-property';
import { CONTRACT_FIELDS, CONTRACT_ROWS, describeSourceContract } from 'pagewise/testing';

describeSourceContract('array batch source, one parent (data set) of all', (dataset, options) => {
  const batch = arrayBatchSource(CONTRACT_ROWS, {
    key: 'dataset',
    uniqueKey: 'id',
    fields: CONTRACT_FIELDS,
    nulls: 'first',
    ordering: options.ordering?.length ? options.ordering : ['id'],
  });
  return Promise.resolve(batchedPageSources(batch)(dataset.name));
});

describe('arrayBatchSource', () => {
  it('pages all parents together as each parent alone, for random rows and requests (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        childRowsArbitrary,
        batchRequestArbitrary,
        fc.constantFrom('first' as const, 'last' as const),
        async (rows, request, nulls) => {
          const batched = batchedPageSources(arrayBatchSource(rows, { key: 'parent', uniqueKey: 'id', fields: CHILD_FIELDS, nulls }));
          const alone = (parent: number) =>
            arraySource(
              rows.filter((row) => row.parent === parent),
              { uniqueKey: 'id', fields: CHILD_FIELDS, nulls },
            );
          expect(await pagesOfParents(batched, request)).toEqual(await pagesOfParents(alone, request));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the default $index tiebreaker of the whole array, so cursors match an unbatched source', async () => {
    const rows = [
      { parent: 'x', n: 1 },
      { parent: 'y', n: 1 },
      { parent: 'x', n: 1 },
    ];
    const batch = arrayBatchSource(rows, { key: 'parent' });
    expect(batch.uniqueKey).toEqual(['$index']);
    const [x] = await batch.seekMany([
      {
        key: 'x',
        request: {
          ordering: [
            { field: 'n', descending: false },
            { field: '$index', descending: false },
          ],
          direction: 'forward',
          offset: 0,
          limit: 5,
          after: { kind: 'key', values: [1, 0] },
        },
      },
    ]);
    expect(x!.rows).toEqual([rows[2]]);
    expect(batch.valueOf(rows[2]!, '$index')).toBe(2);
    await expect(batch.countMany(['x', 'y', 'z'])).resolves.toEqual([2, 1, 0]);
    await expect(batch.sliceMany(['y', 'x'], 0, 1)).resolves.toEqual([[rows[1]], [rows[0]]]);
  });

  it('takes parent keys equal as text as one parent, as the SQL batch sources do, and a NULL key as none', async () => {
    const rows = [
      { id: 1, parent: 1 },
      { id: 2, parent: '1' },
      { id: 3, parent: 2 },
      { id: 4, parent: null },
    ];
    const batch = arrayBatchSource(rows, { key: 'parent', uniqueKey: 'id', fields: { id: 'number', parent: 'number' } });
    const request = { ordering: [{ field: 'id', descending: false }], direction: 'forward' as const, offset: 0, limit: 10 };
    await expect(batch.countMany([1, '1', 1n, 2, null])).resolves.toEqual([2, 2, 2, 1, 0]);
    const ids = (pages: readonly (readonly { id: number }[])[]) => pages.map((page) => page.map((row) => row.id));
    expect(ids(await batch.sliceMany([1, '1', 1n, null], 0, 10))).toEqual([[1, 2], [1, 2], [1, 2], []]);
    const seeks = await batch.seekMany([1, '1', 2, null].map((key) => ({ key, request })));
    expect(ids(seeks.map((result) => result.rows))).toEqual([[1, 2], [1, 2], [3], []]);
  });

  it('refuses an unknown ordering field as a config error', () => {
    const batch = arrayBatchSource<ChildRow>([], { key: 'parent', fields: CHILD_FIELDS, uniqueKey: 'id' });
    expect(() =>
      batch.seekMany([
        { key: 1, request: { ordering: [{ field: 'nope', descending: false }], direction: 'forward', offset: 0, limit: 1 } },
      ]),
    ).toThrow(PaginationConfigError);
  });
});

describe('arrayBatchSource keeps its grouping with the array', () => {
  const make = () => Array.from({ length: 40 }, (_, index) => ({ id: index + 1, parent: index % 4 }));
  const counting = () => {
    const counter = { parentReads: 0 };
    const read = (row: { id: number; parent: number }, field: string) => {
      if (field === 'parent') counter.parentReads += 1;
      return field === 'id' ? row.id : row.parent;
    };
    return { counter, read };
  };

  it('groups an array once across batch sources made per request, and again after a change', async () => {
    const rows = make();
    const { counter, read } = counting();
    const options = { key: 'parent', uniqueKey: 'id', read, fields: { id: 'number', parent: 'number' } } as const;
    const first = arrayBatchSource(rows, options);
    const reads = counter.parentReads;
    expect(reads).toBeGreaterThanOrEqual(rows.length);
    const second = arrayBatchSource(rows, options);
    expect(counter.parentReads).toBe(reads);
    expect(await second.countMany([0, 1, 9])).toEqual(await first.countMany([0, 1, 9]));
    forgetArraySource(rows);
    arrayBatchSource(rows, options);
    expect(counter.parentReads).toBe(2 * reads);
    arrayBatchSource(rows, { ...options, cache: false });
    arrayBatchSource(rows, { ...options, cache: false });
    expect(counter.parentReads).toBe(4 * reads);
  });
});
