import type { Platform } from '@mikro-orm/core';
import { sqlDialect, type SqlDialect, type SqlDialectOptions } from '../sql/dialect';

/** The SQL family of a MikroORM platform, found by its class chain (drivers are optional peers). */
export function platformDialectName(platform: Platform): SqlDialect['name'] {
  let name = names.get(platform);
  if (name === undefined) {
    name = classChainName(platform);
    names.set(platform, name);
  }
  return name;
}

// One platform serves every request of an ORM: told once.
const names = new WeakMap<Platform, SqlDialect['name']>();

function classChainName(platform: Platform): SqlDialect['name'] {
  for (let proto: unknown = Object.getPrototypeOf(platform); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const name = (proto as { constructor: { name: string } }).constructor.name;
    if (/postgre/i.test(name)) return 'postgresql';
    if (/sqlite/i.test(name)) return 'sqlite';
    if (/mariadb/i.test(name)) return 'mariadb';
    if (/mysql/i.test(name)) return 'mysql';
  }
  return 'other';
}

/** The dialect of a platform under a source's options, quoting as the platform quotes. */
export function platformDialect(platform: Platform, options: Omit<SqlDialectOptions, 'quote'>): SqlDialect {
  return sqlDialect(platformDialectName(platform), { ...options, quote: (name) => platform.quoteIdentifier(name) });
}
