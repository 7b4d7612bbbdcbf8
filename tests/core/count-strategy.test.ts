// Count strategies in core: checked at definition, carried by the plan, run through the source's
// optional members (folded slice, countWith), and exact wherever a source cannot do better.
import { cursorPagination, limitOffsetPagination, pageNumberPagination, paginate, PaginationConfigError, planPage } from 'pagewise';
import { arraySource } from 'pagewise/array';
import type { CountStrategy, PageCount } from '../../src/core/internal';
import { checkPlanOverrides } from '../../src/core/internal';
import { ESTIMATE, sqlLikeSource } from '../support/sql-like-source';

const rows = Array.from({ length: 25 }, (_, index) => ({ id: index + 1 }));

type Case = readonly [name: string, count: CountStrategy, query: Record<string, string>, total: PageCount, calls: readonly string[]];

describe('count strategies', () => {
  const cases: readonly Case[] = [
    ['exact', 'exact', { page: '2' }, { value: 25, kind: 'exact' }, ['count', 'slice']],
    ['folded: one statement', 'folded', { page: '2' }, { value: 25, kind: 'exact' }, ['sliceCounted']],
    ['folded past the end: the separate count', 'folded', { page: '9' }, { value: 25, kind: 'exact' }, ['sliceCounted', 'count']],
    ['capped below the total', { capped: 10 }, { page: '2' }, { value: 10, kind: 'capped' }, ['capped(10)', 'slice']],
    ['capped above the total', { capped: 100 }, { page: '2' }, { value: 25, kind: 'exact' }, ['capped(100)', 'slice']],
    ['estimated', 'estimated', { page: '2' }, { value: ESTIMATE, kind: 'estimated' }, ['estimate', 'slice']],
    ['capped, page "last": the exact count it needed', { capped: 10 }, { page: 'last' }, { value: 25, kind: 'exact' }, ['count', 'slice']],
    [
      'folded, page "last": the exact count it needed, no fold',
      'folded',
      { page: 'last' },
      { value: 25, kind: 'exact' },
      ['count', 'slice'],
    ],
  ];

  it.each(cases)('%s', async (_, count, query, total, calls) => {
    const source = sqlLikeSource(rows);
    const pagination = pageNumberPagination({ pageSize: 5, count, invalidPage: 'empty' });
    const page = await paginate(source, pagination, { via: 'query', ...query }, { withCount: true });
    if (page.style === 'whole') throw new Error('paginated');
    expect(await page.total()).toEqual(total);
    expect(await page.count()).toEqual(total.value);
    expect(source.calls.sort()).toEqual([...calls].sort());
  });

  it.each<CountStrategy>(['exact', 'folded', { capped: 3 }, 'estimated'])('is exact over the array source (%j)', async (count) => {
    const page = await paginate(
      arraySource(rows),
      limitOffsetPagination({ defaultLimit: 5, count }),
      { via: 'query', offset: '5' },
      {
        withCount: true,
      },
    );
    if (page.style === 'whole') throw new Error('paginated');
    expect(await page.total()).toEqual({ value: 25, kind: 'exact' });
  });

  it.each<readonly [CountStrategy, PageCount, string]>([
    [{ capped: 10 }, { value: 10, kind: 'capped' }, 'capped(10)'],
    ['estimated', { value: ESTIMATE, kind: 'estimated' }, 'estimate'],
  ])('counts a cursor page by %j too', async (count, total, call) => {
    const source = sqlLikeSource(rows);
    const page = await paginate(source, cursorPagination({ pageSize: 5, ordering: 'id', count }), { via: 'query' }, { withCount: true });
    if (page.style === 'whole') throw new Error('paginated');
    expect(await page.total()).toEqual(total);
    expect(source.calls.filter((name) => !name.startsWith('slice'))).toEqual([call]);
  });

  it('folds only when the count is wanted; asked later, it is the separate count', async () => {
    const source = sqlLikeSource(rows);
    const page = await paginate(source, pageNumberPagination({ pageSize: 5, count: 'folded' }), { via: 'query', page: '2' });
    expect(source.calls).toEqual(['slice']);
    if (page.style === 'whole') throw new Error('paginated');
    expect(await page.total()).toEqual({ value: 25, kind: 'exact' });
    expect(source.calls).toEqual(['slice', 'count']);
  });

  it('takes a per-field or per-endpoint override over the pagination', async () => {
    const source = sqlLikeSource(rows);
    const page = await paginate(
      source,
      pageNumberPagination({ pageSize: 5, count: 'folded' }),
      { via: 'query' },
      {
        withCount: true,
        count: { capped: 7 },
      },
    );
    if (page.style === 'whole') throw new Error('paginated');
    expect(await page.total()).toEqual({ value: 7, kind: 'capped' });
  });

  it('writes a strategy into the plan only when it is not exact (plans of before compare equal)', () => {
    const source = arraySource(rows);
    expect(planPage(source, pageNumberPagination({ pageSize: 5 }), { via: 'query' })).not.toHaveProperty('count');
    expect(planPage(source, pageNumberPagination({ pageSize: 5, count: 'exact' }), { via: 'query' })).not.toHaveProperty('count');
    expect(planPage(source, pageNumberPagination({ pageSize: 5, count: 'estimated' }), { via: 'query' })).toMatchObject({
      count: 'estimated',
    });
    expect(pageNumberPagination({ pageSize: 5 })).toEqual(pageNumberPagination({ pageSize: 5 }));
    expect(pageNumberPagination({ pageSize: 5 })).not.toHaveProperty('count');
  });

  it.each<readonly [string, () => unknown, string]>([
    [
      'an unknown name',
      () => pageNumberPagination({ count: 'approximate' as never }),
      'count must be "exact", "folded", "estimated" or { capped: N }, not "approximate"',
    ],
    [
      'a cap of 0',
      () => limitOffsetPagination({ count: { capped: 0 } }),
      'count { capped: N } needs N a positive integer (and nothing else)',
    ],
    [
      'a fractional cap',
      () => pageNumberPagination({ count: { capped: 2.5 } }),
      'count { capped: N } needs N a positive integer (and nothing else)',
    ],
    [
      'folded on a cursor pagination',
      () => cursorPagination({ count: 'folded' }),
      'count "folded" applies to page-number and limit-offset pages (a cursor page is no window of the whole list)',
    ],
    [
      'folded on a cursor field',
      () => checkPlanOverrides(cursorPagination(), { count: 'folded' }),
      'count "folded" applies to page-number and limit-offset pages (a cursor page is no window of the whole list)',
    ],
  ])('refuses %s at definition', (_, define, message) => {
    expect(define).toThrow(new PaginationConfigError('INVALID_OPTIONS', message));
  });
});
