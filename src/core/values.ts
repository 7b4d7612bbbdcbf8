import { PaginationError } from './errors';

/** The type of an ordering field, by which cursor text is turned back into a value. */
export type FieldType = 'string' | 'number' | 'bigint' | 'date' | 'boolean';

/** A value of an ordering field as sources hold it. */
export type KeyValue = string | number | bigint | boolean | Date | null;

/** Where NULL sorts in an ascending ordering: PostgreSQL puts it last, SQLite and MariaDB first. */
export type NullOrder = 'first' | 'last';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Python's `str(value)`, which DRF writes as a cursor's position: `True`/`False`, `None`, and
 * datetimes as `YYYY-MM-DD HH:MM:SS[.ffffff]+00:00` (pagewise keeps dates in UTC).
 */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) {
    const micros = value.getUTCMilliseconds() * 1000;
    return (
      `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
      `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` +
      (micros ? `.${pad(micros, 6)}` : '') +
      '+00:00'
    );
  }
  return String(value);
}

/** The text pagewise writes for a key value in an `exact` cursor; the inverse of {@link parseKeyValue}. */
export function serializeKeyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Days in a month of the proleptic Gregorian calendar. */
const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

function parseDate(text: string): Date | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  // Calendar-valid only (Python's datetime: year 1 on, no February 30th), never rolled over by Date.UTC.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
  date.setTime(date.getTime() - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Turns cursor text back into a value of the field's declared type, never guessing from the text.
 * Throws INVALID_CURSOR when the text is not a value of that type.
 */
export function parseKeyValue(text: string | null, type: FieldType): KeyValue {
  if (text === null) return null;
  const fail = (): never => {
    throw PaginationError.invalidCursor();
  };
  switch (type) {
    case 'string':
      return text;
    case 'number': {
      if (!NUMBER.test(text)) return fail();
      const value = Number(text);
      return Number.isFinite(value) ? value : fail();
    }
    case 'bigint':
      return INTEGER.test(text) ? BigInt(text) : fail();
    case 'boolean':
      if (text === 'true' || text === 'True') return true;
      if (text === 'false' || text === 'False') return false;
      return fail();
    case 'date':
      return parseDate(text) ?? fail();
  }
}

/** The type of a value as held in memory, for sources that learn types from their data. */
export function typeOfValue(value: unknown): FieldType | null {
  if (value instanceof Date) return 'date';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    default:
      return null;
  }
}

/** Compares two non-null values of one type (strings by UTF-16 code unit, as JavaScript sorts). */
function compareDefined(a: Exclude<KeyValue, null>, b: Exclude<KeyValue, null>): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (
    (typeof a === 'bigint' || typeof b === 'bigint') &&
    (typeof a === 'bigint' || Number.isInteger(a)) &&
    (typeof b === 'bigint' || Number.isInteger(b))
  ) {
    const x = BigInt(a as bigint | number);
    const y = BigInt(b as bigint | number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') return Number(a) - Number(b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ascending comparison of two key values with NULL placed by `nulls`. */
export function compareKeyValues(a: KeyValue | undefined, b: KeyValue | undefined, nulls: NullOrder): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    return (aNull ? -1 : 1) * (nulls === 'first' ? 1 : -1);
  }
  return compareDefined(a, b);
}

/**
 * A parent key as text, as batch sources compare keys (drivers give them back as strings or numbers):
 * `1`, `'1'` and `1n` are one parent, a Date is its ISO text, a composite key its JSON.
 */
export function keyText(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, (_, part: unknown) => (typeof part === 'bigint' ? String(part) : part));
  return String(value);
}
