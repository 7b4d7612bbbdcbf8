import type { EntityMetadata, Platform } from '@mikro-orm/core';
import { sqlOrdering, type SqlOrdering, type SqlOrderingOptions } from '../sql/ordering';
import { entityColumns } from './field-types';
import { propertyParam } from './key-values';
import { platformDialect } from './platform';

// Sources are made per request from the same few options: each ordering is described once per
// entity (its metadata belongs to one ORM, so to one platform), alias and options. A client's
// requested ordering belongs to its request and is never kept.
const described = new WeakMap<EntityMetadata, Map<string, SqlOrdering<object>>>();

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
  let known = described.get(meta);
  if (!known) described.set(meta, (known = new Map()));
  const key = keyOf(alias, options);
  let ordering = known.get(key) as SqlOrdering<T> | undefined;
  if (ordering === undefined) {
    ordering = make();
    known.set(key, ordering as SqlOrdering<object>);
  }
  return ordering;
}
