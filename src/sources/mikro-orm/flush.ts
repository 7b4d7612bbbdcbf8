import type { EntityMetadata } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

// One flush at a time per EntityManager: a page and its count started together share it.
const inFlight = new WeakMap<SqlEntityManager, Promise<void>>();

/**
 * Flushes pending changes of the entity first in MikroORM's AUTO flush mode, as em.find does, so a
 * page and a count see what the request wrote; calls made while a flush runs wait for that one.
 */
export function flushFirst(em: SqlEntityManager, meta: EntityMetadata): Promise<void> {
  const running = inFlight.get(em);
  if (running) return running;
  const flushing = em.tryFlush(meta.className, { flushMode: undefined }).finally(() => inFlight.delete(em));
  inFlight.set(em, flushing);
  return flushing;
}
