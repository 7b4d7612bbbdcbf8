// The keyset condition as data: operators by `descending XOR before`, NULLs where each dialect sorts
// them, the row-value form only where it is exact and indexable.
import { isImpossible, keysetCondition, type KeysetColumn, type KeysetDialect } from '../../../src/sources/sql/keyset';

const a = (descending: boolean, nullable = false): KeysetColumn => ({ sql: 'a', descending, nullable });
const id: KeysetColumn = { sql: 'id', descending: false, nullable: false };
const postgres: KeysetDialect = { nullOrder: 'last', rowValues: true };
const mariadb: KeysetDialect = { nullOrder: 'first', rowValues: false };

describe('keysetCondition', () => {
  it.each([
    ['asc, after: row values', [a(false), id], [1, 2], 'after', postgres, '(a, id) > (?, ?)', [1, 2]],
    ['asc, before: row values', [a(false), id], [1, 2], 'before', postgres, '(a, id) < (?, ?)', [1, 2]],
    [
      'asc, no row values: expanded, led by a range',
      [a(false), id],
      [1, 2],
      'after',
      mariadb,
      '(a >= ?) and ((a > ?) or ((a = ?) and (id > ?)))',
      [1, 1, 1, 2],
    ],
    ['desc then asc, after', [a(true), id], [1, 2], 'after', postgres, '(a <= ?) and ((a < ?) or ((a = ?) and (id > ?)))', [1, 1, 1, 2]],
    ['desc then asc, before', [a(true), id], [1, 2], 'before', postgres, '(a >= ?) and ((a > ?) or ((a = ?) and (id < ?)))', [1, 1, 1, 2]],
    [
      'nullable, NULLs last, after a value: NULLs follow',
      [a(false, true), id],
      [1, 2],
      'after',
      postgres,
      '((a >= ?) or (a is null)) and (((a > ?) or (a is null)) or ((a = ?) and (id > ?)))',
      [1, 1, 1, 2],
    ],
    [
      'nullable, NULLs last, after NULL: only later NULLs',
      [a(false, true), id],
      [null, 2],
      'after',
      postgres,
      '(a is null) and ((a is null) and (id > ?))',
      [2],
    ],
    [
      'nullable, NULLs first, after a value: NULLs precede',
      [a(false, true), id],
      [1, 2],
      'after',
      mariadb,
      '(a >= ?) and ((a > ?) or ((a = ?) and (id > ?)))',
      [1, 1, 1, 2],
    ],
    [
      'nullable, NULLs first, after NULL: every value follows',
      [a(false, true), id],
      [null, 2],
      'after',
      mariadb,
      '(a is not null) or ((a is null) and (id > ?))',
      [2],
    ],
    [
      'nullable, descending on PostgreSQL (NULLs first), after NULL',
      [a(true, true), id],
      [null, 2],
      'after',
      postgres,
      '(a is not null) or ((a is null) and (id > ?))',
      [2],
    ],
    [
      'nullable, NULLs first, before a value: NULLs and smaller',
      [a(false, true), id],
      [1, 2],
      'before',
      mariadb,
      '((a <= ?) or (a is null)) and (((a < ?) or (a is null)) or ((a = ?) and (id < ?)))',
      [1, 1, 1, 2],
    ],
    ['one field (DRF position), descending', [a(true)], [5], 'after', postgres, 'a < ?', [5]],
  ] as const)('%s', (_label, columns, values, side, dialect, sql, params) => {
    expect(keysetCondition(columns, values, side, dialect)).toEqual({ sql, params });
  });

  it('nothing lies after NULL when NULLs sort last, so no query is needed', () => {
    expect(isImpossible(keysetCondition([a(false, true)], [null], 'after', postgres))).toBe(true);
  });
});
