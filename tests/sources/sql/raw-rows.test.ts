// The strategies' own columns left out of a statement's rows: copies, the driver's rows untouched.
import { withoutColumns } from '../../../src/sources/sql/raw-rows';

describe('withoutColumns', () => {
  it('copies each row without the columns, keeping the others in their order', () => {
    const raw: Array<Record<string, unknown>> = [
      { id: 1, title: 'a', pw_at: 1, pw_t_created: '2024-01-01 00:00:00.000001+00' },
      { id: 2, title: null, pw_at: 0, pw_t_created: null },
    ];
    const rows = withoutColumns(raw, ['pw_at', 'pw_t_created']);
    expect(rows).toEqual([
      { id: 1, title: 'a' },
      { id: 2, title: null },
    ]);
    expect(rows.map((row) => Object.keys(row))).toEqual([
      ['id', 'title'],
      ['id', 'title'],
    ]);
    expect(raw[0]).toHaveProperty('pw_at', 1);
    expect(rows[0]).not.toBe(raw[0]);
  });

  it('gives the rows themselves when none of the columns is there', () => {
    const raw: Array<Record<string, unknown>> = [{ id: 1 }, { id: 2 }];
    expect(withoutColumns(raw, ['pw_at'])).toBe(raw);
    expect(withoutColumns(raw, [])).toBe(raw);
    expect(withoutColumns([], ['pw_at'])).toEqual([]);
  });
});
