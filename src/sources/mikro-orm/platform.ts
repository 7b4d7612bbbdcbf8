import type { EntityProperty, Platform } from '@mikro-orm/core';
import type { NullOrder } from '../../core/internal';
import type { KeysetDialect } from './keyset';

/** The SQL family of a MikroORM platform, found by its class chain (drivers are optional peers). */
export type PlatformKind = 'postgresql' | 'sqlite' | 'mysql' | 'other';

/** Which SQL family a platform belongs to. */
export function platformKind(platform: Platform): PlatformKind {
  for (let proto: unknown = Object.getPrototypeOf(platform); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const name = (proto as { constructor: { name: string } }).constructor.name;
    if (/postgre/i.test(name)) return 'postgresql';
    if (/sqlite/i.test(name)) return 'sqlite';
    if (/mysql|mariadb/i.test(name)) return 'mysql';
  }
  return 'other';
}

/** A source's say over its dialect; what it leaves out is known per platform. */
export interface DialectOptions {
  readonly nullOrder?: NullOrder;
  readonly rowValues?: boolean;
}

/**
 * NULL order and row-value support of a dialect. PostgreSQL sorts NULL last ascending; SQLite and
 * MariaDB/MySQL first. MariaDB cannot seek an index with a row-value comparison, so it gets the
 * expanded form.
 */
export function dialectOf(kind: PlatformKind, options: DialectOptions): KeysetDialect {
  return {
    nullOrder: options.nullOrder ?? (kind === 'postgresql' ? 'last' : 'first'),
    rowValues: options.rowValues ?? (kind === 'postgresql' || kind === 'sqlite'),
  };
}

/** A property's declared column type, lower-cased and trimmed (`''` when it has none). */
export const columnTypeOf = (prop: EntityProperty): string =>
  String(prop.columnTypes?.[0] ?? '')
    .toLowerCase()
    .trim();
