import type { PageSource } from 'pagewise';

/** Wraps a source and records which of its queries ran, to assert "no COUNT unless asked". */
export function countingSource<T>(source: PageSource<T>): PageSource<T> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    uniqueKey: source.uniqueKey,
    nullOrder: source.nullOrder,
    fieldType: (field) => source.fieldType(field),
    valueOf: (row, field) => source.valueOf(row, field),
    count: () => {
      calls.push('count');
      return source.count();
    },
    slice: (offset, limit, ordering) => {
      calls.push(`slice(${offset},${limit})`);
      return source.slice(offset, limit, ordering);
    },
    seek: (request) => {
      calls.push(`seek(${request.direction},${request.limit})`);
      return source.seek(request);
    },
  };
}
