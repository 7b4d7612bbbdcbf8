import {
  assertConfig,
  parseOrdering,
  PaginationError,
  resolveClientOrdering,
  withTiebreaker,
  type FieldType,
  type KeyValue,
  type NullOrder,
  type OrderingField,
  type OrderingSpec,
  type SeekBound,
  type SeekRequest,
} from '../../core/internal';
import type { SqlColumn, SqlColumns } from './column';
import { datetimeParam, datetimeText, exactDatetime, textAlias, type ExactDatetime } from './datetime-text';
import type { SqlDialect } from './dialect';
import { checkKeyValue, equalInJs, floatPlaceholder, textOperand } from './key-values';
import { isImpossible, isInline, isTrivial, keysetAt, keysetCondition, type KeysetColumn, type SqlCondition } from './keyset';
import type { DeferredKey } from './window';

/**
 * Where a batch keeps each parent's bound values: in a column of its keys relation rather than in the
 * condition, so parents paged from different cursors share one condition. `ref(i)` is the SQL of the
 * i-th value (`"pw_keys"."pw_v0"`); `values` collects the values in that order.
 */
export interface BoundSlots {
  readonly ref: (index: number) => string;
  readonly values: unknown[];
}

/** How a source's rows are ordered, keyed and bounded in SQL, shared by the single and batch sources of every builder. */
export interface SqlOrdering<T extends object> {
  readonly dialect: SqlDialect;
  /** The primary key: the tiebreaker of every ordering and the source's `uniqueKey`. */
  readonly uniqueKey: readonly string[];
  /** A field's declared type (cached; an unknown or unorderable field is a PaginationConfigError). */
  readonly fieldType: (field: string) => FieldType;
  /** An ordering checked against `orderingFields` (INVALID_ARGUMENT) and the columns. */
  readonly checked: (ordering: readonly OrderingField[]) => readonly OrderingField[];
  /**
   * The checked order of a slice: `ordering` (from the paginator) or else the client's or the
   * source's ordering, with the primary key appended.
   */
  readonly sliceOrder: (ordering?: readonly OrderingField[]) => readonly OrderingField[];
  /** `"e"."created" desc, "e"."id" asc`, flipped when the scan runs reversed. */
  readonly orderBy: (ordering: readonly OrderingField[], reversed: boolean) => string;
  /**
   * The keyset conditions of a seek's bounds (values converted for the database; trivial ones left
   * out), or null when a bound admits no row at all. The `inclusive` bound admits its own key too.
   */
  readonly seekConditions: (
    ordering: readonly OrderingField[],
    request: Pick<SeekRequest, 'after' | 'before'>,
    slots?: BoundSlots,
    inclusive?: 'after' | 'before',
  ) => SqlCondition[] | null;
  /**
   * Whether a cursor's row can be told in JavaScript, by its key text, as surely as by SQL's own
   * equality (every field's column `equalInJs`): then a probe needs no flag column.
   */
  readonly equalInJs: (ordering: readonly OrderingField[]) => boolean;
  /** The row of a cursor's key itself, as SQL compares it (values converted, columns cast as in a seek). */
  readonly atCondition: (ordering: readonly OrderingField[], values: readonly KeyValue[]) => SqlCondition;
  /** The column of a field, as the builder described it. */
  readonly columnOf: (field: string) => SqlColumn;
  /** `"e"."created"`: a field's alias-qualified, quoted column. */
  readonly columnSql: (field: string) => string;
  /** The exact datetime fields of an ordering, read as text beside the row (see datetime-text). */
  readonly textFieldsOf: (ordering: readonly OrderingField[]) => string[];
  /** `cast(… as text) as pw_t_…`: the select of an exact datetime field's text. */
  readonly textSelect: (field: string) => string;
  /** A row's key value for a field (an exact datetime field's is its text). */
  readonly valueOf: (row: T, field: string) => KeyValue;
  /** The key a slice skipping `offset` rows reads first (see `SqlOrderingOptions.deferredOffset`); undefined: a plain OFFSET. */
  readonly deferredKey: (offset: number) => DeferredKey | undefined;
}

/** The options of a SQL source that decide its ordering (shared by every builder's sources). */
export interface SqlOrderingOptions {
  /**
   * The order of page-number and limit-offset pages (default: the unique key). The unique key is
   * appended as tiebreaker so pages never overlap.
   */
  readonly ordering?: OrderingSpec;
  /**
   * Fields a page may be ordered by (DRF's OrderingFilter `ordering_fields`). When set, any other
   * field in an ordering is INVALID_ARGUMENT before SQL is built; the unique key is always allowed.
   */
  readonly orderingFields?: readonly string[];
  /**
   * A client's ordering for page-number and limit-offset pages (`?ordering=-created,title` or a
   * GraphQL argument), checked against `orderingFields`; absent or empty means `ordering`.
   */
  readonly requestedOrdering?: string | readonly string[] | null;
  /** The argument name reported with an invalid `requestedOrdering` (default `ordering`). */
  readonly orderingArgument?: string;
  /** An unknown requested field: `error` (INVALID_ARGUMENT, default) or `ignore` (DRF's filter). */
  readonly onInvalidOrdering?: 'error' | 'ignore';
  /** Where NULL sorts ascending in this database (default: known per dialect). */
  readonly nullOrder?: NullOrder;
  /** Whether to use row-value comparisons `(a, b) > (?, ?)` (default: PostgreSQL and SQLite). */
  readonly rowValues?: boolean;
  /**
   * From how many skipped rows a page-number or limit-offset page reads its keys first, then their
   * rows (a deferred join: `id in (select id … limit ? offset ?)`), so a deep OFFSET skips index
   * entries rather than rows (default 1000; `Infinity`: never). Needs a one-column unique key.
   */
  readonly deferredOffset?: number;
}

/** The default of `SqlOrderingOptions.deferredOffset`: below it a plain OFFSET is as fast (docs/sql-strategies.md). */
export const DEFERRED_OFFSET = 1000;

/**
 * A builder's conversion of a checked cursor value (never NULL) to a parameter of its column (an
 * ORM's custom types, its date format); the default passes it as is, bigints as text.
 */
export type ToParam = (column: SqlColumn, value: Exclude<KeyValue, null>) => unknown;

const defaultParam: ToParam = (_column, value) => (typeof value === 'bigint' ? value.toString() : value);

/**
 * The ordering of a source's pages over `columns` (quoted with `dialect`, qualified by `alias`)
 * under `options`: the allow-list, the source's own ordering (a field outside the allow-list is a
 * PaginationConfigError now) and the client's requested one.
 */
export function sqlOrdering<T extends object>(
  columns: SqlColumns,
  dialect: SqlDialect,
  alias: string,
  options: SqlOrderingOptions,
  toParam: ToParam = defaultParam,
): SqlOrdering<T> {
  const kind = dialect.name;
  const described = new Map<string, SqlColumn>();
  const exact = new Map<string, ExactDatetime | null>();
  const columnOf = (field: string): SqlColumn => {
    let column = described.get(field);
    if (column === undefined) {
      column = columns.column(field);
      described.set(field, column);
      exact.set(field, exactDatetime(column.type, kind));
    }
    return column;
  };
  const exactOf = (field: string): ExactDatetime | null => {
    columnOf(field);
    return exact.get(field) ?? null;
  };
  // A datetime finer than milliseconds is keyed by the database's own text of it.
  const fieldType = (field: string): FieldType =>
    columnOf(field).fieldType === 'date' && exactOf(field) ? 'string' : columnOf(field).fieldType;
  const uniqueKey = [...columns.uniqueKey];
  for (const field of uniqueKey) fieldType(field);
  const allowed = options.orderingFields ? new Set([...options.orderingFields, ...uniqueKey]) : null;
  for (const field of options.orderingFields ?? []) fieldType(field);
  const argument = options.orderingArgument ?? 'ordering';
  const deferFrom = options.deferredOffset ?? DEFERRED_OFFSET;
  assertConfig(
    typeof deferFrom === 'number' && deferFrom >= 0 && (Number.isSafeInteger(deferFrom) || deferFrom === Infinity),
    `the \`deferredOffset\` option of ${columns.name} is ${String(deferFrom)}: give a whole number of rows, or Infinity`,
  );
  const checked = (ordering: readonly OrderingField[]): readonly OrderingField[] => {
    for (const { field } of ordering) {
      if (allowed && !allowed.has(field)) {
        throw PaginationError.invalidArgument(
          `Cannot order by ${JSON.stringify(field)}; allowed fields: ${[...allowed].join(', ')}.`,
          argument,
        );
      }
      fieldType(field);
    }
    return ordering;
  };
  const declared = options.ordering === undefined || options.ordering.length === 0 ? uniqueKey : options.ordering;
  const fallback = parseOrdering(declared);
  // The source's own ordering is the developer's: a field outside the allow-list is misconfiguration.
  for (const { field } of fallback) {
    assertConfig(
      !allowed || allowed.has(field),
      `the ordering of ${columns.name} names ${JSON.stringify(field)}, which is not among its orderingFields (${[...(allowed ?? [])].join(', ')})`,
    );
  }
  const base =
    options.requestedOrdering === undefined || options.requestedOrdering === null
      ? fallback
      : resolveClientOrdering(options.requestedOrdering, {
          ordering: fallback.map(({ field, descending }) => (descending ? `-${field}` : field)),
          orderingFields: options.orderingFields ?? [],
          onInvalid: options.onInvalidOrdering ?? 'error',
          argument,
        });
  const sliceOrdering = checked(withTiebreaker(base, uniqueKey));

  // Quoted columns come from the builder's description, never from client text; every page names
  // the same few, so each is quoted once.
  const quoted = new Map<string, string>();
  const columnSql = (field: string): string => {
    let sql = quoted.get(field);
    if (sql === undefined) {
      sql = `${dialect.quote(alias)}.${dialect.quote(columnOf(field).column)}`;
      quoted.set(field, sql);
    }
    return sql;
  };
  const comparable = new Map<string, boolean>();
  // Every seek asks for the same few keyset columns: each is made once (ascending, descending).
  const keysetColumns = [new Map<string, KeysetColumn>(), new Map<string, KeysetColumn>()] as const;
  const column = ({ field, descending }: OrderingField): KeysetColumn => {
    const made = keysetColumns[descending ? 1 : 0];
    let found = made.get(field);
    if (found === undefined) {
      const placeholder = exactOf(field)?.placeholder ?? floatPlaceholder(columnOf(field), kind);
      found = { sql: columnSql(field), descending, nullable: columnOf(field).nullable, ...(placeholder ? { placeholder } : {}) };
      made.set(field, found);
    }
    return found;
  };
  const convert = (field: string, value: KeyValue): unknown => {
    if (exactOf(field)) return datetimeParam(value);
    const described = columnOf(field);
    checkKeyValue(described, value);
    return textOperand(described, value === null ? null : toParam(described, value), kind);
  };
  /**
   * A value moved into a slot: the SQL reading it back as the column's type (the column's own
   * placeholder around the slot; on PostgreSQL, whose slots are text, a cast to the column type).
   */
  const slotted = (field: string, value: unknown, slots: BoundSlots | undefined): unknown => {
    if (!slots || value === null || isInline(value)) return value;
    slots.values.push(value);
    const ref = slots.ref(slots.values.length - 1);
    const placeholder = column({ field, descending: false }).placeholder;
    if (placeholder) return { inlineSql: placeholder.replace('?', ref) };
    // The base type without its modifier, as a literal compared with the column is read (`varchar`,
    // not `varchar(255)`), so no cast truncates or rounds a bound; a bare `char` or `bit` would mean
    // one character or bit, so those become `bpchar` and `varbit`. Case kept, for quoted type names.
    const declared = columnOf(field)
      .type.replace(/\s*\([^)]*\)/g, '')
      .trim();
    const type = /^(char|character|bpchar)$/i.test(declared) ? 'bpchar' : /^bit$/i.test(declared) ? 'varbit' : declared;
    assertConfig(kind !== 'postgresql' || type !== '', `the column of ${columns.name}.${field} has no declared type`);
    return { inlineSql: kind === 'postgresql' ? `cast(${ref} as ${type})` : ref };
  };
  const boundCondition = (
    ordering: readonly OrderingField[],
    bound: SeekBound,
    side: 'after' | 'before',
    slots?: BoundSlots,
    inclusive = false,
  ): SqlCondition => {
    const columns = ordering.map(column);
    const first = ordering[0]!.field;
    if (bound.kind === 'position')
      return keysetCondition(columns.slice(0, 1), [slotted(first, convert(first, bound.value), slots)], side, dialect, inclusive);
    return keysetCondition(
      columns,
      ordering.map(({ field }, index) => slotted(field, convert(field, bound.values[index] ?? null), slots)),
      side,
      dialect,
      inclusive,
    );
  };

  return {
    dialect,
    uniqueKey,
    fieldType,
    checked,
    sliceOrder: (ordering) => (ordering ? checked(withTiebreaker(ordering, uniqueKey)) : sliceOrdering),
    columnOf,
    columnSql,
    orderBy: (ordering, reversed) =>
      ordering.map(({ field, descending }) => `${columnSql(field)} ${descending !== reversed ? 'desc' : 'asc'}`).join(', '),
    seekConditions: (ordering, request, slots, inclusive) => {
      const conditions: SqlCondition[] = [];
      for (const [bound, side] of [
        [request.after, 'after'],
        [request.before, 'before'],
      ] as const) {
        if (!bound) continue;
        const condition = boundCondition(ordering, bound, side, slots, inclusive === side);
        if (isImpossible(condition)) return null;
        if (!isTrivial(condition)) conditions.push(condition);
      }
      return conditions;
    },
    equalInJs: (ordering) => {
      for (const { field } of ordering) {
        let known = comparable.get(field);
        if (known === undefined) {
          known = !exactOf(field) && equalInJs(columnOf(field), kind);
          comparable.set(field, known);
        }
        if (!known) return false;
      }
      return true;
    },
    atCondition: (ordering, values) =>
      keysetAt(
        ordering.map(column),
        ordering.map(({ field }, index) => convert(field, values[index] ?? null)),
      ),
    textFieldsOf: (ordering) => ordering.filter(({ field }) => exactOf(field) !== null).map(({ field }) => field),
    textSelect: (field) => `${exactOf(field)!.text(columnSql(field))} as ${dialect.quote(textAlias(field))}`,
    valueOf: (row, field) => {
      const value = (row as Record<string, unknown>)[field];
      if (exactOf(field)) return datetimeText(row, field, value);
      return value === undefined ? null : (value as KeyValue);
    },
    deferredKey: (offset) =>
      offset > 0 && offset >= deferFrom && uniqueKey.length === 1
        ? { sql: columnSql(uniqueKey[0]!), column: columnOf(uniqueKey[0]!).column }
        : undefined,
  };
}
