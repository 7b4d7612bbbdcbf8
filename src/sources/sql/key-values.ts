import { PaginationError, type KeyValue } from '../../core/internal';
import type { SqlColumn } from './column';
import { isMysqlFamily, type SqlDialect } from './dialect';
import type { InlineValue } from './keyset';

const PG_REAL = /^(real|float4|float\s*\((\d+)\))$/;
const MYSQL_FLOAT = /^float(\s*\((\d+)(\s*,\s*\d+)?\))?$/;

/**
 * `cast(? as real)` for a single-precision float column: a cursor's number is a double, and the
 * column's own value compared as a double lies beside it (0.1f > 0.1), which repeats rows.
 */
export function floatPlaceholder(column: SqlColumn, dialect: SqlDialect['name']): string | undefined {
  const type = column.type.toLowerCase().trim();
  if (dialect === 'postgresql') {
    const match = PG_REAL.exec(type);
    return match && (match[2] === undefined || Number(match[2]) <= 24) ? 'cast(? as real)' : undefined;
  }
  if (isMysqlFamily(dialect)) {
    const match = MYSQL_FLOAT.exec(type);
    // FLOAT(p) with p over 24 is a double; FLOAT(m, d) and plain FLOAT are single precision.
    return match && (match[2] === undefined || match[3] !== undefined || Number(match[2]) <= 24) ? 'cast(? as float)' : undefined;
  }
  return undefined;
}

/** Magnitude bounds of integer column types (unsigned included), by their declared name. */
const INTEGER_BITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(tinyint|int1)\b/, 8],
  [/^(smallint|int2|smallserial)\b/, 16],
  [/^mediumint\b/, 24],
  [/^(int|integer|int4|serial)\b/, 32],
  [/^(bigint|int8|bigserial)\b/, 64],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4,}-\d{2}-\d{2}( BC)?$|^-?infinity$/;
const CALENDAR = /^(\d{4,})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/;

/**
 * Whether the date (and time of day) at the start of `text` exists on the calendar: year 1 or later
 * (none has year 0), month 1-12, a day the month has (leap years proleptic, BC years counted
 * astronomically), 00:00:00-23:59:59. A regex alone lets `2024-02-30` reach the database as an error.
 */
export function isCalendarValid(text: string): boolean {
  if (/^-?infinity$/.test(text)) return true;
  const match = CALENDAR.exec(text);
  if (!match) return false;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const bc = / BC$/.test(text);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const astronomical = bc ? 1 - year : year;
  const leap = astronomical % 4 === 0 && (astronomical % 100 !== 0 || astronomical % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days && Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59;
}

/** The range of an integer column: signed two's complement of `bits`, or 0..2^bits-1 when unsigned. */
function integerRange(bits: number, unsigned: boolean): readonly [bigint, bigint] {
  const span = 1n << BigInt(bits);
  return unsigned ? [0n, span - 1n] : [-(span >> 1n), (span >> 1n) - 1n];
}

// A column's declared names and integer sizes, read once per column description (every seek checks its values).
const declarations = new WeakMap<SqlColumn, { readonly declared: readonly string[]; readonly sizes: readonly number[] }>();

/** The declared type and the column's (SQLite names every integer column `integer`, MariaDB a uuid `varchar(36)`), and their integer sizes. */
function declaredTypes(column: SqlColumn): { readonly declared: readonly string[]; readonly sizes: readonly number[] } {
  let found = declarations.get(column);
  if (found === undefined) {
    const declared = [column.type, ...(column.typeNames ?? [])].map((name) => name.toLowerCase().trim());
    const sizes = declared.flatMap((name) => INTEGER_BITS.filter(([pattern]) => pattern.test(name)).map(([, bits]) => bits));
    found = { declared, sizes };
    declarations.set(column, found);
  }
  return found;
}

/**
 * Throws INVALID_CURSOR for a cursor value the column cannot hold, which a database would answer
 * with an error of its own (a NUL in text, an integer out of its column's signed or unsigned range,
 * a UUID that is not one, a date not on the calendar): a forged cursor is the client's mistake,
 * never a driver error.
 */
export function checkKeyValue(column: SqlColumn, value: KeyValue): void {
  if (value === null) return;
  const fail = (): never => {
    throw PaginationError.invalidCursor();
  };
  const { declared, sizes } = declaredTypes(column);
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fail();
    // A bigint kept as text (BigIntType('string')) is still an integer column.
    if (sizes.length > 0) return checkKeyValue(column, /^[+-]?\d+$/.test(value) ? BigInt(value) : fail());
    if (declared.includes('uuid') && !UUID.test(value)) fail();
    if (declared.includes('date') && !(DATE.test(value) && isCalendarValid(value))) fail();
    return;
  }
  if (value instanceof Date) {
    // Python's datetime (DRF's side) starts at year 1; a database rejects year 0 or an invalid Date.
    if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1 || value.getUTCFullYear() > 9999) fail();
    return;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (sizes.length === 0) return;
    if (typeof value === 'number' && !Number.isInteger(value)) fail();
    // An ORM marks unsigned columns on MariaDB/MySQL (MikroORM: primary keys by default); the type may say so too.
    const unsigned = column.unsigned === true || declared.some((name) => /\bunsigned\b/.test(name));
    const [min, max] = integerRange(Math.min(...sizes), unsigned);
    const big = BigInt(value);
    if (big < min || big > max) fail();
  }
}

/**
 * Whether a column's values, as the driver reads them, are equal in JavaScript (as key text)
 * exactly when the database says they are: integers (a 64-bit one only as a bigint), and datetimes
 * kept to the millisecond outside SQLite (a Date round-trips them, as every keyset bound already
 * relies on). Not text (collations, trailing spaces), floats or decimals, uuids, booleans,
 * SQLite's datetime text, nor a datetime keyed by its text.
 */
export function equalInJs(column: SqlColumn, dialect: SqlDialect['name']): boolean {
  const { sizes } = declaredTypes(column);
  if (column.fieldType === 'bigint') return sizes.length > 0;
  // A 64-bit column read as a JavaScript number rounds above 2^53: two keys could look one.
  if (column.fieldType === 'number') return sizes.length > 0 && Math.max(...sizes) < 64;
  return column.fieldType === 'date' && dialect !== 'sqlite';
}

/**
 * A checked cursor value as a query parameter of its column, for a builder that converts nothing
 * itself: bigints as text (drivers take them so), everything else as is.
 */
export function keyParam(column: SqlColumn, value: KeyValue): unknown {
  checkKeyValue(column, value);
  return typeof value === 'bigint' ? value.toString() : value;
}

const TEXT_COLUMN = /char|text|clob|^enum\b|^set\b/;

/**
 * On MariaDB/MySQL, a cursor's text for a character column as a hex literal (`_utf8mb4 X'6162'`)
 * written into the SQL, not a parameter: builders and drivers escape parameters with
 * backslashes, which `NO_BACKSLASH_ESCAPES` turns into a way out of the literal. The literal is
 * coercible, so the column's collation still decides, and an index still serves the comparison.
 */
export function textOperand(column: SqlColumn, value: unknown, dialect: SqlDialect['name']): unknown {
  if (!isMysqlFamily(dialect) || typeof value !== 'string') return value;
  if (!TEXT_COLUMN.test(column.type.toLowerCase())) return value;
  const hex = Array.from(new TextEncoder().encode(value), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const literal: InlineValue = { inlineSql: `_utf8mb4 X'${hex}'` };
  return literal;
}
