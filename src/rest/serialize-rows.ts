/** Whether a serializer's answer is to be awaited. */
const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as PromiseLike<unknown>).then === 'function';

/**
 * Each row through the serializer, in order; a promise only when some serializer answered with one.
 * Most serializers are synchronous, and a promise per row cost more than serializing it.
 */
export function serializeRows<T>(rows: readonly T[], serialize: (row: T) => unknown): unknown[] | Promise<unknown[]> {
  const serialized = rows.map(serialize);
  return serialized.some(isThenable) ? Promise.all(serialized) : serialized;
}
