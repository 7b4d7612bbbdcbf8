import { PaginationError, type KeyValue } from '../../core/internal';
import { isMysqlFamily, type SqlDialect } from './dialect';
import { isCalendarValid } from './key-values';

/**
 * How a datetime column finer than a millisecond is keyed: read as text (a JS Date would round it to
 * the millisecond and a cursor would then repeat or skip rows) and compared through a cast back.
 */
export interface ExactDatetime {
  /** `cast(<column> as text)`: the column's full value as the database prints it. */
  readonly text: (column: string) => string;
  /** `cast(? as timestamptz)`: a cursor's text as a value of the column's type, so an index serves the seek. */
  readonly placeholder: string;
}

const PG_TIMESTAMP = /^(timestamptz|timestamp)(?:\s*\((\d)\))?(\s+with(?:out)?\s+time\s+zone)?$/;
const MYSQL_DATETIME = /^(datetime|timestamp)(?:\s*\((\d)\))?$/;

/**
 * The exact-keying plan of a datetime column (its declared type, `timestamptz(6)`) that keeps more
 * than milliseconds (PostgreSQL timestamps default to microseconds, MariaDB when declared
 * `datetime(4..6)`); null for every other column, SQLite (epoch milliseconds) and precision 3 or less.
 */
export function exactDatetime(columnType: string, dialect: SqlDialect['name']): ExactDatetime | null {
  const column = columnType.toLowerCase().trim();
  if (dialect === 'postgresql') {
    const match = PG_TIMESTAMP.exec(column);
    if (!match) return null;
    const precision = match[2] === undefined ? 6 : Number(match[2]);
    if (precision <= 3) return null;
    const zoned = match[1] === 'timestamptz' || / with time zone/.test(match[3] ?? '');
    return { text: (sql) => `cast(${sql} as text)`, placeholder: `cast(? as ${zoned ? 'timestamptz' : 'timestamp'})` };
  }
  if (isMysqlFamily(dialect)) {
    const match = MYSQL_DATETIME.exec(column);
    if (!match || match[2] === undefined || Number(match[2]) <= 3) return null;
    return { text: (sql) => `cast(${sql} as char)`, placeholder: 'cast(? as datetime(6))' };
  }
  return null;
}

/** The column alias under which a page query returns a field's text. */
export const textAlias = (field: string): string => `pw_t_${field}`;

// Keyed by row object (an ORM's identity map hands the same entity to every query): the text is the row's.
const texts = new WeakMap<object, ReadonlyMap<string, string>>();

/** The texts of a row of a page without exact datetime fields (shared: never written to). */
const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Each raw row's `pw_t_*` texts, read for {@link rememberTexts} (the rows keep the columns:
 * `withoutColumns` with {@link textAliases} leaves them out of what hydration sees).
 */
export function readTexts(raw: readonly Record<string, unknown>[], fields: readonly string[]): Array<ReadonlyMap<string, string>> {
  if (fields.length === 0) return raw.map(() => NONE);
  const aliases = textAliases(fields);
  return raw.map((row) => {
    const found = new Map<string, string>();
    fields.forEach((field, index) => {
      const value = row[aliases[index]!];
      if (value !== null && value !== undefined) found.set(field, String(value));
    });
    return found;
  });
}

/** The column aliases of `fields`' texts in a page query. */
export const textAliases = (fields: readonly string[]): string[] => fields.map(textAlias);

/**
 * Keeps the texts a page query read for a row, for `valueOf`: the map itself (readTexts makes one per
 * row; copying it cost a second map per row of every page). No kept map is written to: a row read
 * again gets a new one, merged.
 */
export function rememberTexts(entity: object, found: ReadonlyMap<string, string>): void {
  if (found.size === 0) return;
  const known = texts.get(entity);
  texts.set(entity, known ? new Map([...known, ...found]) : found);
}

/** An exact datetime field's key: the text its page query read, else the Date as ISO text. */
export function datetimeText(entity: object, field: string, value: unknown): KeyValue {
  const text = texts.get(entity)?.get(field);
  if (text !== undefined) return text;
  if (value instanceof Date) return value.toISOString();
  return value === undefined || value === null ? null : String(value);
}

const DATETIME_TEXT = /^\d{4,}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}(:?\d{2})?)?)?( BC)?$|^-?infinity$/;

/**
 * A cursor's text for an exact datetime field, checked before SQL (a text the cast cannot read is
 * a forged cursor, not a database error); `None` is DRF's text for NULL.
 */
export function datetimeParam(value: KeyValue): string | null {
  if (value === null || value === 'None') return null;
  if (typeof value !== 'string' || !DATETIME_TEXT.test(value) || !isCalendarValid(value)) throw PaginationError.invalidCursor();
  return value;
}
