import {
  assertConfig,
  compareKeyValues,
  formatOrdering,
  parseOrdering,
  typeOfValue,
  type FieldType,
  type KeyValue,
  type NullOrder,
  type OrderingField,
  type OrderingSpec,
  type PageSource,
  type SeekBound,
  type SeekRequest,
  type SeekResult,
  withTiebreaker,
} from '../../core/internal';

/** Options of {@link arraySource}. */
export interface ArraySourceOptions<T> {
  /**
   * Fields whose values identify a row, appended to cursor orderings in `exact` mode. Default: for
   * object rows, the row's index in the array (`$index`), so equal ordering values still page exactly.
   */
  readonly uniqueKey?: string | readonly string[];
  /** Declared field types; undeclared fields are typed from the first non-null value in the data. */
  readonly fields?: Readonly<Record<string, FieldType>>;
  /** Where NULL sorts in ascending order (default `last`, as PostgreSQL sorts). */
  readonly nulls?: NullOrder;
  /** The order of page-number and limit-offset pages (default: the array's own order). */
  readonly ordering?: OrderingSpec;
  /** Reads a field of a row (default: the property, dotted paths followed). */
  readonly read?: (row: T, field: string) => KeyValue;
}

interface Entry<T> {
  readonly row: T;
  readonly key: readonly KeyValue[];
}

const INDEX = '$index';

function readPath(row: unknown, field: string): KeyValue {
  let value: unknown = row;
  for (const part of field.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : (value as KeyValue);
}

function hasPath(row: unknown, field: string): boolean {
  let value: unknown = row;
  for (const part of field.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object' || !(part in value)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
}

/** First index in `[lo, hi)` whose entry is not before `target` (`strict`: after it). */
function search<T>(entries: readonly Entry<T>[], compare: (entry: Entry<T>) => number, strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(entries[mid]!);
    if (order < 0 || (strict && order === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An in-memory PageSource over `rows`, for all three styles. Each ordering is sorted once (stable) and
 * cached; after that a page costs a binary search plus the page itself.
 */
export function arraySource<T>(rows: readonly T[], options: ArraySourceOptions<T> = {}): PageSource<T> {
  const nulls = options.nulls ?? 'last';
  const indexOf = new WeakMap<object, number>();
  const objects = rows.every((row) => typeof row === 'object' && row !== null);
  if (objects) rows.forEach((row, index) => indexOf.set(row as object, index));
  const uniqueKey =
    typeof options.uniqueKey === 'string' ? [options.uniqueKey] : (options.uniqueKey ?? (objects && rows.length > 0 ? [INDEX] : []));
  const read = options.read ?? readPath;
  const valueOf = (row: T, field: string): KeyValue =>
    field === INDEX && !options.fields?.[INDEX] ? (indexOf.get(row as object) ?? null) : read(row, field);

  const types = new Map<string, FieldType>(Object.entries(options.fields ?? {}));
  const fieldType = (field: string): FieldType => {
    const known = types.get(field);
    if (known) return known;
    if (field === INDEX && objects) return 'number';
    assertConfig(
      options.fields === undefined && (rows.length === 0 || rows.some((row) => hasPath(row, field))),
      `unknown ordering field ${JSON.stringify(field)}`,
      'UNKNOWN_ORDERING_FIELD',
    );
    const sample = rows.map((row) => valueOf(row, field)).find((value) => value !== null);
    const type = typeOfValue(sample) ?? 'string';
    types.set(field, type);
    return type;
  };
  for (const field of uniqueKey) fieldType(field);

  const compareKeys = (
    ordering: readonly OrderingField[],
    a: readonly KeyValue[],
    b: readonly KeyValue[],
    width = ordering.length,
  ): number => {
    for (let i = 0; i < width; i += 1) {
      const order = compareKeyValues(a[i], b[i], nulls);
      if (order !== 0) return ordering[i]!.descending ? -order : order;
    }
    return 0;
  };

  const sorted = new Map<string, Entry<T>[]>();
  const sortedBy = (ordering: readonly OrderingField[]): Entry<T>[] => {
    const name = formatOrdering(ordering);
    let entries = sorted.get(name);
    if (!entries) {
      for (const { field } of ordering) fieldType(field);
      entries = rows.map((row) => ({ row, key: ordering.map(({ field }) => valueOf(row, field)) }));
      entries.sort((a, b) => compareKeys(ordering, a.key, b.key));
      sorted.set(name, entries);
    }
    return entries;
  };
  const defaultOrdering = options.ordering === undefined ? null : parseOrdering(options.ordering);

  const boundCompare =
    (ordering: readonly OrderingField[], bound: SeekBound) =>
    (entry: Entry<T>): number =>
      bound.kind === 'key' ? compareKeys(ordering, entry.key, bound.values) : compareKeys(ordering, entry.key, [bound.value], 1);

  return {
    uniqueKey,
    nullOrder: nulls,
    fieldType,
    valueOf,
    count: () => Promise.resolve(rows.length),
    slice(offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<readonly T[]> {
      // The unique key breaks ties as in a cursor page (and in SQL), not the array's own order.
      const order = ordering ?? defaultOrdering;
      const window = order
        ? sortedBy(withTiebreaker(order, uniqueKey))
            .slice(offset, offset + limit)
            .map((entry) => entry.row)
        : rows.slice(offset, offset + limit);
      return Promise.resolve(window);
    },
    seek(request: SeekRequest): Promise<SeekResult<T>> {
      const entries = sortedBy(request.ordering);
      const lo = request.after ? search(entries, boundCompare(request.ordering, request.after), true) : 0;
      const hi = Math.max(lo, request.before ? search(entries, boundCompare(request.ordering, request.before), false) : entries.length);
      let window: Entry<T>[];
      let beyond: boolean;
      if (request.direction === 'forward') {
        const start = Math.min(hi, lo + request.offset);
        window = entries.slice(start, Math.min(hi, start + request.limit));
        beyond = lo > 0;
      } else {
        const end = Math.max(lo, hi - request.offset);
        window = entries.slice(Math.max(lo, end - request.limit), end).reverse();
        beyond = hi < entries.length;
      }
      return Promise.resolve({ rows: window.map((entry) => entry.row), beyond });
    },
  };
}
