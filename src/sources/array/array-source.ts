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
  /**
   * Whether sorted orderings, inferred types and row indexes are kept with the array for the next
   * source over it (default `true`). Pass `false` for an array that is changed in place between requests.
   */
  readonly cache?: boolean;
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

/** What sources over one array share per reader and null order: inferred types and sorted orderings. */
interface View {
  readonly types: Map<string, FieldType>;
  readonly sorted: Map<string, Entry<unknown>[]>;
}

/** What a source learns of an array, kept with the array (not the source) for the next source over it. */
interface ArrayFacts {
  /** The length when learnt: a push or splice changes it, and the facts are learnt again. */
  readonly length: number;
  readonly objects: boolean;
  /** Row to index, for `$index` cursors; built on first need (never with a declared unique key). */
  indexOf: Map<unknown, number> | null;
  /** Keyed by the `read` option (or the default reader), then by null order and `$index` handling. */
  readonly views: WeakMap<object, Map<string, View>>;
}

// Weak: the facts live exactly as long as the array, so a per-request array costs no memory after it.
const FACTS = new WeakMap<readonly unknown[], ArrayFacts>();

function factsOf(rows: readonly unknown[], cache: boolean): ArrayFacts {
  const known = cache ? FACTS.get(rows) : undefined;
  if (known && known.length === rows.length) return known;
  let objects = true;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) {
      objects = false;
      break;
    }
  }
  const facts: ArrayFacts = { length: rows.length, objects, indexOf: null, views: new WeakMap() };
  if (cache) FACTS.set(rows, facts);
  return facts;
}

function viewOf(facts: ArrayFacts, reader: object, name: string): View {
  let views = facts.views.get(reader);
  if (!views) facts.views.set(reader, (views = new Map()));
  let view = views.get(name);
  if (!view) views.set(name, (view = { types: new Map(), sorted: new Map() }));
  return view;
}

/** An array's rows grouped by parent, as `arrayBatchSource` keeps them (per key field and reader). */
export interface Grouping {
  readonly length: number;
  readonly groups: ReadonlyMap<string, readonly unknown[]>;
}

/**
 * Kept with the array, as the sorts are: a batch source made per request over the same array groups it
 * once, and each parent's group is then the same array, whose sorts `arraySource` keeps in turn.
 */
export const GROUPINGS = new WeakMap<readonly unknown[], Map<string, Map<object | undefined, Grouping>>>();

/**
 * Drops what `arraySource` and `arrayBatchSource` keep of `rows` (sorted orderings, types, indexes,
 * groups). Call it after changing the array or its rows' fields in place; a new array needs nothing.
 */
export function forgetArraySource(rows: readonly unknown[]): void {
  FACTS.delete(rows);
  GROUPINGS.delete(rows);
}

/**
 * An in-memory PageSource over `rows`, for all three styles. Each ordering is sorted once (stable) and
 * kept with the array, so a source made per request over the same array costs a lookup, and a page a
 * binary search plus the page itself. Treat the array as immutable (see {@link forgetArraySource}).
 */
export function arraySource<T>(rows: readonly T[], options: ArraySourceOptions<T> = {}): PageSource<T> {
  const nulls = options.nulls ?? 'last';
  const facts = factsOf(rows, options.cache ?? true);
  const objects = facts.objects;
  const uniqueKey =
    typeof options.uniqueKey === 'string' ? [options.uniqueKey] : (options.uniqueKey ?? (objects && rows.length > 0 ? [INDEX] : []));
  const read = options.read ?? readPath;
  const ownIndex = !options.fields?.[INDEX];
  const indexOf = (row: T): number | null => {
    if (!facts.indexOf) {
      const map = new Map<unknown, number>();
      rows.forEach((each, index) => map.set(each, index));
      facts.indexOf = map;
    }
    return facts.indexOf.get(row) ?? null;
  };
  const valueOf = (row: T, field: string): KeyValue => (field === INDEX && ownIndex ? indexOf(row) : read(row, field));
  const view = viewOf(facts, read, `${nulls}:${ownIndex}`);

  const declared = new Map<string, FieldType>(Object.entries(options.fields ?? {}));
  const fieldType = (field: string): FieldType => {
    const known = declared.get(field) ?? (options.fields === undefined ? view.types.get(field) : undefined);
    if (known) return known;
    if (field === INDEX && objects) return 'number';
    assertConfig(
      options.fields === undefined && (rows.length === 0 || rows.some((row) => hasPath(row, field))),
      `unknown ordering field ${JSON.stringify(field)}`,
      'UNKNOWN_ORDERING_FIELD',
    );
    let sample: KeyValue = null;
    for (let index = 0; index < rows.length && sample === null; index += 1) sample = valueOf(rows[index]!, field);
    const type = typeOfValue(sample) ?? 'string';
    view.types.set(field, type);
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

  const sortedBy = (ordering: readonly OrderingField[]): Entry<T>[] => {
    const name = formatOrdering(ordering);
    let entries = view.sorted.get(name) as Entry<T>[] | undefined;
    if (!entries) {
      for (const { field } of ordering) fieldType(field);
      // The index is the position here: no row-to-index lookups for a million rows.
      const fields = ordering.map(({ field }) => field);
      entries = rows.map((row, index) => ({ row, key: fields.map((field) => (field === INDEX && ownIndex ? index : read(row, field))) }));
      entries.sort((a, b) => compareKeys(ordering, a.key, b.key));
      view.sorted.set(name, entries as Entry<unknown>[]);
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
