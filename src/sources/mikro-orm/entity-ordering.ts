import type { EntityMetadata, Platform } from '@mikro-orm/core';
import { sqlOrdering, type SqlOrdering, type SqlOrderingOptions } from '../sql/ordering';
import { entityColumns } from './field-types';
import { propertyParam } from './key-values';
import { platformDialect } from './platform';

/** How an entity's rows are ordered, keyed and bounded in SQL: the SQL ordering over its metadata's columns. */
export function entityOrdering<T extends object>(
  meta: EntityMetadata<T>,
  platform: Platform,
  alias: string,
  options: SqlOrderingOptions,
): SqlOrdering<T> {
  return sqlOrdering<T>(entityColumns(meta), platformDialect(platform, options), alias, options, propertyParam(meta, platform));
}
