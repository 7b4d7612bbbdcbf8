import type { EntityMetadata, Platform } from '@mikro-orm/core';
import {
  assertConfig,
  parseOrdering,
  PaginationError,
  resolveClientOrdering,
  withTiebreaker,
  type FieldType,
  type KeyValue,
  type OrderingField,
  type SeekBound,
  type SeekRequest,
} from '../../core/internal';
import { datetimeParam, datetimeText, exactDatetimeFields, textAlias, type ExactDatetime } from './datetime-text';
import { fieldTypeOf, orderingProperty } from './field-types';
import { floatPlaceholder, textOperand, toDatabase } from './key-values';
import {
  isImpossible,
  isInline,
  isTrivial,
  keysetAt,
  keysetCondition,
  type KeysetColumn,
  type KeysetDialect,
  type SqlCondition,
} from './keyset';
import type { SqlSourceOptions } from './source-options';
import { dialectOf, platformKind } from './platform';

/**
 * Where a batch keeps each parent's bound values: in a column of its keys relation rather than in the
 * condition, so parents paged from different cursors share one condition. `ref(i)` is the SQL of the
 * i-th value (`"pw_keys"."pw_v0"`); `values` collects the values in that order.
 */
export interface BoundSlots {
  readonly ref: (index: number) => string;
  readonly values: unknown[];
}

/** How an entity's rows are ordered, keyed and bounded in SQL, shared by the single and batch sources. */
export interface EntityOrdering<T extends object> {
  readonly dialect: KeysetDialect;
  /** The primary key: the tiebreaker of every ordering and the source's `uniqueKey`. */
  readonly uniqueKey: readonly string[];
  /** A field's declared type (cached; an unknown or unorderable field is a PaginationConfigError). */
  readonly fieldType: (field: string) => FieldType;
  /** An ordering checked against `orderingFields` (INVALID_ARGUMENT) and the metadata. */
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
  /** The row of a cursor's key itself, as SQL compares it (values converted, columns cast as in a seek). */
  readonly atCondition: (ordering: readonly OrderingField[], values: readonly KeyValue[]) => SqlCondition;
  /** The exact datetime fields of an ordering, read as text beside the row (see datetime-text). */
  readonly textFieldsOf: (ordering: readonly OrderingField[]) => string[];
  /** `cast(… as text) as pw_t_…`: the select of an exact datetime field's text. */
  readonly textSelect: (field: string) => string;
  /** A row's key value for a field (an exact datetime field's is its text). */
  readonly valueOf: (row: T, field: string) => KeyValue;
}

/**
 * The ordering of an entity's pages under `options`: the allow-list, the source's own ordering (a
 * field outside the allow-list is a PaginationConfigError now) and the client's requested one.
 */
export function entityOrdering<T extends object>(
  meta: EntityMetadata<T>,
  platform: Platform,
  alias: string,
  options: SqlSourceOptions,
): EntityOrdering<T> {
  const kind = platformKind(platform);
  const dialect = dialectOf(kind, options);
  const exact: ReadonlyMap<string, ExactDatetime> = exactDatetimeFields(meta, kind);
  const types = new Map<string, FieldType>();
  const fieldType = (field: string): FieldType => {
    let type = types.get(field);
    if (type === undefined) {
      type = fieldTypeOf(meta, field, kind);
      types.set(field, type);
    }
    return type;
  };
  const uniqueKey = [...meta.primaryKeys] as string[];
  for (const field of uniqueKey) fieldType(field);
  const allowed = options.orderingFields ? new Set([...options.orderingFields, ...uniqueKey]) : null;
  for (const field of options.orderingFields ?? []) fieldType(field);
  const argument = options.orderingArgument ?? 'ordering';
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
      `the ordering of ${meta.className} names ${JSON.stringify(field)}, which is not among its orderingFields (${[...(allowed ?? [])].join(', ')})`,
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

  // Quoted columns come from metadata, never from client text.
  const columnOf = (field: string): string => platform.quoteIdentifier(`${alias}.${orderingProperty(meta, field).fieldNames[0]!}`);
  const column = ({ field, descending }: OrderingField): KeysetColumn => {
    const prop = orderingProperty(meta, field);
    const placeholder = exact.get(field)?.placeholder ?? floatPlaceholder(prop, kind);
    return {
      sql: columnOf(field),
      descending,
      nullable: prop.nullable === true,
      ...(placeholder ? { placeholder } : {}),
    };
  };
  const convert = (field: string, value: KeyValue): unknown =>
    exact.has(field)
      ? datetimeParam(value)
      : textOperand(orderingProperty(meta, field), toDatabase(orderingProperty(meta, field), value, platform), kind);
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
    const declared = String(orderingProperty(meta, field).columnTypes?.[0] ?? '')
      .replace(/\s*\([^)]*\)/g, '')
      .trim();
    const type = /^(char|character|bpchar)$/i.test(declared) ? 'bpchar' : /^bit$/i.test(declared) ? 'varbit' : declared;
    assertConfig(kind !== 'postgresql' || type !== '', `the column of ${meta.className}.${field} has no declared type`);
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
    orderBy: (ordering, reversed) =>
      ordering.map(({ field, descending }) => `${columnOf(field)} ${descending !== reversed ? 'desc' : 'asc'}`).join(', '),
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
    atCondition: (ordering, values) =>
      keysetAt(
        ordering.map(column),
        ordering.map(({ field }, index) => convert(field, values[index] ?? null)),
      ),
    textFieldsOf: (ordering) => ordering.filter(({ field }) => exact.has(field)).map(({ field }) => field),
    textSelect: (field) => `${exact.get(field)!.text(columnOf(field))} as ${platform.quoteIdentifier(textAlias(field))}`,
    valueOf: (row, field) => {
      const value = (row as Record<string, unknown>)[field];
      if (exact.has(field)) return datetimeText(row, field, value);
      return value === undefined ? null : (value as KeyValue);
    },
  };
}
