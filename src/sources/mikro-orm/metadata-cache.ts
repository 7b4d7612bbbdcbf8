import type { EntityMetadata } from '@mikro-orm/core';

/**
 * A cache of what sources work out per entity and key (an alias, a schema, options): sources are made
 * per request, and each entity's metadata belongs to one ORM, so to one platform and configuration.
 */
export function metadataCache<V>(): (meta: EntityMetadata, key: string, make: () => V) => V {
  const byMeta = new WeakMap<EntityMetadata, Map<string, V>>();
  return (meta, key, make) => {
    let known = byMeta.get(meta);
    if (!known) byMeta.set(meta, (known = new Map()));
    if (known.has(key)) return known.get(key) as V;
    const made = make();
    known.set(key, made);
    return made;
  };
}
