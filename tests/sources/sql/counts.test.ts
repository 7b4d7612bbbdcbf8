// The builder-neutral SQL of the count strategies: the text each wraps around a rows query, and how
// each driver's answer is read.
import {
  cappedCountSql,
  estimatedCountSql,
  foldedCountSelect,
  readCappedCount,
  readEstimatedCount,
  readFoldedCount,
  strategyCount,
  type RunCountStatement,
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

  describe('strategyCount', () => {
    /** A runner that records the statement of `select 1 from t` it was asked, answering `rows`. */
    const recording = (rows: Array<Record<string, unknown>>) => {
      const ran: string[] = [];
      const run: RunCountStatement = (wrap, limit) => {
        ran.push(wrap(`select 1 from t${limit === undefined ? '' : ` limit ${limit}`}`));
        return Promise.resolve(rows);
      };
      return { ran, run };
    };

    it('caps on every dialect, the builder writing limit cap + 1', async () => {
      for (const dialect of ['sqlite', 'mysql', 'mariadb', 'postgresql'] as const) {
        const { ran, run } = recording([{ pw_count: 11 }]);
        expect(await strategyCount({ capped: 10 }, dialect, run)).toEqual({ value: 10, kind: 'capped' });
        expect(ran).toEqual(['select count(*) as pw_count from (select 1 from t limit 11) as pw_capped']);
      }
    });

    it('estimates on PostgreSQL only: elsewhere nothing runs and core counts exactly', async () => {
      const postgresql = recording([{ 'QUERY PLAN': plan }]);
      expect(await strategyCount('estimated', 'postgresql', postgresql.run)).toEqual({ value: 999, kind: 'estimated' });
      expect(postgresql.ran).toEqual(['explain (format json) select 1 from t']);
      for (const dialect of ['sqlite', 'mysql', 'mariadb', 'other'] as const) {
        const { ran, run } = recording([]);
        expect(await strategyCount('estimated', dialect, run)).toBeNull();
        expect(ran).toEqual([]);
      }
    });
  });
});
