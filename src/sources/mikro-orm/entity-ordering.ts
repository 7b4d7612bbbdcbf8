import type { EntityMetadata, Platform } from '@mikro-orm/core';
import { sqlOrdering, type SqlOrdering, type SqlOrderingOptions } from '../sql/ordering';
import { entityColumns } from './field-types';
import { propertyParam } from './key-values';
import { metadataCache } from './metadata-cache';
import { platformDialect } from './platform';

// Each ordering is described once per entity, alias and options. A client's requested ordering
// belongs to its request and is never kept.
const described = metadataCache<SqlOrdering<object>>();

/** The options that decide an ordering, as one key (`deferredOffset` as text: JSON writes Infinity as null). */
function keyOf(alias: string, options: SqlOrderingOptions): string {
  const { ordering, orderingFields, orderingArgument, onInvalidOrdering, nullOrder, rowValues, deferredOffset } = options;
  return JSON.stringify([
    alias,
    ordering ?? null,
    orderingFields ?? null,
    orderingArgument ?? null,
    onInvalidOrdering ?? null,
    nullOrder ?? null,
    rowValues ?? null,
    deferredOffset === undefined ? null : String(deferredOffset),
  ]);
}

/** How an entity's rows are ordered, keyed and bounded in SQL: the SQL ordering over its metadata's columns. */
export function entityOrdering<T extends object>(
  meta: EntityMetadata<T>,
  platform: Platform,
  alias: string,
  options: SqlOrderingOptions,
): SqlOrdering<T> {
  const make = () => sqlOrdering<T>(entityColumns(meta), platformDialect(platform, options), alias, options, propertyParam(meta, platform));
  if (options.requestedOrdering !== undefined && options.requestedOrdering !== null) return make();
  return described(meta, keyOf(alias, options), make as () => SqlOrdering<object>) as SqlOrdering<T>;
}
