import type { NullOrder } from '../../core/internal';
import type { KeysetDialect } from './keyset';

/** The SQL databases pagewise knows the particulars of. */
export type SqlDialectName = 'postgresql' | 'mysql' | 'mariadb' | 'sqlite';

/** Quotes one identifier (a table, column or alias name) for the dialect. */
export type QuoteIdentifier = (name: string) => string;

/**
 * What the SQL of a page depends on in a database: where NULL sorts, whether a row-value comparison
 * seeks an index, how identifiers are quoted. `other` is a SQL database with none of the known
 * particulars (standard SQL only: no casts to exact types, no LATERAL, no hex literals).
 */
export interface SqlDialect extends KeysetDialect {
  readonly name: SqlDialectName | 'other';
  readonly quote: QuoteIdentifier;
}

/** A source's say over its dialect; what it leaves out is known per database. */
export interface SqlDialectOptions {
  readonly nullOrder?: NullOrder;
  readonly rowValues?: boolean;
  /** The builder's own quoting (MikroORM's platform), else the dialect's standard one. */
  readonly quote?: QuoteIdentifier;
}

/** MySQL and MariaDB: the same SQL as far as pages go (backticks, NULL first, hex literals). */
export const isMysqlFamily = (name: SqlDialect['name']): boolean => name === 'mysql' || name === 'mariadb';

/** `"name"` (doubled inner quotes), or `` `name` `` on MySQL/MariaDB. */
export function standardQuote(name: SqlDialect['name']): QuoteIdentifier {
  const mark = isMysqlFamily(name) ? '`' : '"';
  return (identifier) => `${mark}${identifier.replaceAll(mark, mark + mark)}${mark}`;
}

/**
 * The dialect of `name`. PostgreSQL sorts NULL last ascending; SQLite and MariaDB/MySQL first.
 * MariaDB cannot seek an index with a row-value comparison, so it (and MySQL) gets the expanded form.
 */
export function sqlDialect(name: SqlDialect['name'], options: SqlDialectOptions = {}): SqlDialect {
  return {
    name,
    nullOrder: options.nullOrder ?? (name === 'postgresql' ? 'last' : 'first'),
    rowValues: options.rowValues ?? (name === 'postgresql' || name === 'sqlite'),
    quote: options.quote ?? standardQuote(name),
  };
}
