// Issue 14, item 2: repeated ordering terms never reach SQL. A field named twice counts once; more
// than MAX_ORDERING_TERMS terms are INVALID_ARGUMENT before any query runs.
import { cursorPagination, MAX_ORDERING_TERMS, paginateCursor, paginateRelay, resolveClientOrdering } from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { countingSource } from '../support/counting-source';

const rows = Array.from({ length: 20 }, (_, index) => ({ id: index + 1, views: index % 4, title: `t${index}` }));
const pagination = cursorPagination({ pageSize: 5, ordering: '-views', orderingFields: ['views', 'title', 'id'] });

describe('ordering bounds', () => {
  it.each([
    ['2,100 repeats of one term', Array.from({ length: 2100 }, () => 'views').join(',')],
    ['600 alternating terms', Array.from({ length: 600 }, (_, index) => (index % 2 ? '-views' : 'views')).join(',')],
    [`${MAX_ORDERING_TERMS + 1} terms`, Array.from({ length: MAX_ORDERING_TERMS + 1 }, () => 'title').join(',')],
  ])('%s: INVALID_ARGUMENT naming the parameter, no query', async (_, ordering) => {
    const source = countingSource(arraySource(rows, { uniqueKey: 'id' }));
    await expect(paginateCursor(source, pagination, { ordering })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      argument: 'ordering',
    });
    expect(source.calls).toEqual([]);
  });

  it('a term named twice counts once, in its first direction', () => {
    const options = { ordering: '-views', orderingFields: ['views', 'title'] };
    expect(resolveClientOrdering('views,-views,title,views', options)).toEqual([
      { field: 'views', descending: false },
      { field: 'title', descending: false },
    ]);
  });

  it('deduplicated orderings page as the single term does, with the same cursors', async () => {
    const source = arraySource(rows, { uniqueKey: 'id' });
    const once = await paginateRelay(source, pagination, { first: 5, ordering: ['views'] });
    const twice = await paginateRelay(source, pagination, { first: 5, ordering: ['views', 'views', '-views'] });
    expect(twice.items).toEqual(once.items);
    expect(twice.endCursor).toBe(once.endCursor);
  });
});
