// Which columns a probe may tell the cursor's row of in JavaScript: those whose values are equal as
// key text exactly when the database's own equality says so.
import type { FieldType } from 'pagewise';
import type { SqlColumn } from '../../../src/sources/sql/column';
import type { SqlDialect } from '../../../src/sources/sql/dialect';
import { equalInJs } from '../../../src/sources/sql/key-values';

const column = (type: string, fieldType: FieldType): SqlColumn => ({ name: 'f', column: 'f', type, nullable: false, fieldType });

describe('equalInJs', () => {
  it.each<[string, FieldType, SqlDialect['name'], boolean]>([
    ['integer', 'number', 'postgresql', true],
    ['int(11)', 'number', 'mariadb', true],
    ['bigint', 'bigint', 'mysql', true],
    // A 64-bit integer read as a number rounds above 2^53.
    ['bigint', 'number', 'postgresql', false],
    ['integer', 'number', 'sqlite', true],
    ['timestamptz(3)', 'date', 'postgresql', true],
    ['datetime(3)', 'date', 'mariadb', true],
    ['datetime', 'date', 'sqlite', false],
    ['numeric(10,2)', 'number', 'postgresql', false],
    ['double precision', 'number', 'postgresql', false],
    ['real', 'number', 'sqlite', false],
    ['varchar(64)', 'string', 'mariadb', false],
    ['text', 'string', 'postgresql', false],
    ['uuid', 'string', 'postgresql', false],
    ['boolean', 'boolean', 'postgresql', false],
  ])('%s (%s) on %s: %s', (type, fieldType, dialect, expected) => {
    expect(equalInJs(column(type, fieldType), dialect)).toBe(expected);
  });
});
