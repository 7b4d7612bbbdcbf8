import {
  fanOutBatchSource,
  keyText,
  formatOrdering,
  parseOrdering,
  type BatchPageSource,
  type FieldType,
  type KeyValue,
  type OrderingField,
  type PageSource,
} from '../../core/internal';
import { arraySource, GROUPINGS, type ArraySourceOptions } from './array-source';

/** Options of {@link arrayBatchSource}: those of {@link arraySource}, plus the field that names the parent. */
export interface ArrayBatchSourceOptions<T> extends ArraySourceOptions<T> {
  /**
   * The field holding each row's parent key (`authorId`), read like an ordering field. Keys compare
   * as text, as in the SQL batch sources (`1` and `'1'` are one parent); a NULL key is no parent.
   */
  readonly key: string;
}

/**
 * An in-memory BatchPageSource: the rows grouped by their `key` field, each parent's rows paged as
 * {@link arraySource} pages them. Field types, values and the `$index` tiebreaker are those of the
 * whole array, so a parent's cursors are the same as an `arraySource` of all rows filtered by parent.
 */
export function arrayBatchSource<T>(rows: readonly T[], options: ArrayBatchSourceOptions<T>): BatchPageSource<KeyValue, T> {
  const { key, ...rest } = options;
  const whole = arraySource(rows, rest);
  const groups = groupsOf(rows, key, (row) => whole.valueOf(row, key), rest.read, rest.cache ?? true);
  const defaultOrdering = rest.ordering === undefined ? null : parseOrdering(rest.ordering);
  // One source per parent and ordering, declared with the whole array's types and values, so that
  // `$index` and every field read the same in each parent as in the whole.
  const sources = new Map<string, PageSource<T>>();
  const sourceOf = (parent: KeyValue, ordering: readonly OrderingField[] | null): PageSource<T> => {
    const fields = [...new Set([...whole.uniqueKey, ...(ordering ?? []).map(({ field }) => field)])];
    const name = `${groupName(parent)}\u0000${ordering ? formatOrdering(ordering) : ''}`;
    let source = sources.get(name);
    if (!source) {
      const types: Record<string, FieldType> = {};
      for (const field of fields) types[field] = whole.fieldType(field);
      source = arraySource(groups.get(groupName(parent)) ?? [], {
        ...rest,
        uniqueKey: whole.uniqueKey,
        fields: types,
        read: (row, field) => whole.valueOf(row, field),
      });
      sources.set(name, source);
    }
    return source;
  };
  const fanOut = (ordering: readonly OrderingField[] | null) =>
    fanOutBatchSource<KeyValue, T>(whole, (parent) => sourceOf(parent, ordering));
  return {
    uniqueKey: whole.uniqueKey,
    nullOrder: whole.nullOrder,
    fieldType: (field) => whole.fieldType(field),
    valueOf: (row, field) => whole.valueOf(row, field),
    countMany: (keys) => Promise.resolve(keys.map((parent) => groups.get(groupName(parent))?.length ?? 0)),
    sliceMany: (keys, offset, limit, ordering) => {
      const order = ordering ?? defaultOrdering;
      return fanOut(order).sliceMany(keys, offset, limit, order ?? undefined);
    },
    seekMany: (requests) => {
      for (const { field } of requests[0]?.request.ordering ?? []) whole.fieldType(field);
      return fanOut(requests[0]?.request.ordering ?? null).seekMany(requests);
    },
  };
}

const groupName = (value: KeyValue): string => keyText(value);

function groupsOf<T>(
  rows: readonly T[],
  key: string,
  parentOf: (row: T) => KeyValue,
  reader: object | undefined,
  cache: boolean,
): ReadonlyMap<string, readonly T[]> {
  let byKey = cache ? GROUPINGS.get(rows) : undefined;
  const known = byKey?.get(key)?.get(reader);
  if (known && known.length === rows.length) return known.groups as ReadonlyMap<string, readonly T[]>;
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    // As in SQL, where `key in (null)` matches nothing, a row without a parent belongs to none.
    if (parent === null) continue;
    const name = groupName(parent);
    let group = groups.get(name);
    if (!group) {
      group = [];
      groups.set(name, group);
    }
    group.push(row);
  }
  if (cache) {
    if (!byKey) GROUPINGS.set(rows, (byKey = new Map()));
    let byReader = byKey.get(key);
    if (!byReader) byKey.set(key, (byReader = new Map()));
    byReader.set(reader, { length: rows.length, groups });
  }
  return groups;
}
