// The builder-neutral SQL of the count strategies: the text each wraps around a rows query, and how
// each driver's answer is read.
import {
  cappedCountSql,
  estimatedCountSql,
  foldedCountSelect,
  readCappedCount,
  readEstimatedCount,
  readFoldedCount,
} from '../../../src/sources/sql/counts';

const plan = [{ Plan: { 'Node Type': 'Seq Scan', 'Plan Rows': 998.6 } }];

describe('count SQL', () => {
  it('writes the folded column, the capped wrapper and the EXPLAIN around the rows query', () => {
    expect(foldedCountSelect('select 1 from t where a = ?', (name) => `"${name}"`)).toEqual(
      '(select count(*) from (select 1 from t where a = ?) as pw_rows) as "pw_total"',
    );
    expect(cappedCountSql('select 1 from t where a = ? limit ?')).toEqual(
      'select count(*) as pw_count from (select 1 from t where a = ? limit ?) as pw_capped',
    );
    expect(estimatedCountSql('select 1 from t where a = ?')).toEqual('explain (format json) select 1 from t where a = ?');
  });

  it.each([
    ['a number', 12, 12],
    ["PostgreSQL's bigint text", '12', 12],
    ['a bigint', 12n, 12],
  ])('reads the folded count of the rows (%s)', (_, value, total) => {
    const rows: Array<Record<string, unknown>> = [
      { id: 1, pw_total: value },
      { id: 2, pw_total: value },
    ];
    expect(readFoldedCount(rows)).toEqual(total);
  });

  it('has no folded count on an empty page', () => {
    expect(readFoldedCount([])).toBeNull();
  });

  it.each([
    [11, 10, { value: 10, kind: 'capped' }],
    [10, 10, { value: 10, kind: 'exact' }],
    ['3', 10, { value: 3, kind: 'exact' }],
  ])('reads a capped count of %j under a cap of %d', (counted, cap, total) => {
    expect(readCappedCount([{ pw_count: counted }], cap)).toEqual(total);
  });

  it.each([
    ['parsed json', [{ 'QUERY PLAN': plan }], { value: 999, kind: 'estimated' }],
    ['json text', [{ 'QUERY PLAN': JSON.stringify(plan) }], { value: 999, kind: 'estimated' }],
    ['no row', [], null],
    ['text that is no json', [{ 'QUERY PLAN': 'Seq Scan on t' }], null],
    ['a plan without rows', [{ 'QUERY PLAN': [{ Plan: {} }] }], null],
  ])('reads the estimate of %s', (_, rows, total) => {
    expect(readEstimatedCount(rows as Array<Record<string, unknown>>)).toEqual(total);
  });
});
