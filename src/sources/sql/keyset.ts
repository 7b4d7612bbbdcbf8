import type { NullOrder } from '../../core/internal';

/** One column of an ordering as the SQL sees it: a quoted column expression, never client text. */
export interface KeysetColumn {
  /** The quoted, alias-qualified column (`"e"."created"`), taken from entity metadata. */
  readonly sql: string;
  readonly descending: boolean;
  /** Whether the column may hold NULL; only then does the condition test for it. */
  readonly nullable: boolean;
  /** The SQL a bound value stands in (default `?`), e.g. a cast to the column's own type. */
  readonly placeholder?: string;
}

/** A value written into the SQL itself (a hex literal): no parameter, so no escaping to get wrong. */
export interface InlineValue {
  readonly inlineSql: string;
}

/** Whether a value is written into the SQL itself. */
export const isInline = (value: unknown): value is InlineValue =>
  typeof value === 'object' && value !== null && typeof (value as { inlineSql?: unknown }).inlineSql === 'string';

/** The SQL standing for `value` in a comparison with `column`, and its parameters. */
function operand(column: KeysetColumn, value: unknown): { readonly sql: string; readonly params: readonly unknown[] } {
  return isInline(value) ? { sql: value.inlineSql, params: [] } : { sql: column.placeholder ?? '?', params: [value] };
}

/** A condition with `?` placeholders and its parameters, in order. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** How a dialect compares keys: where NULL sorts, and whether `(a, b) > (?, ?)` may be used. */
export interface KeysetDialect {
  readonly nullOrder: NullOrder;
  readonly rowValues: boolean;
}

const TRUE: SqlCondition = { sql: '1 = 1', params: [] };
const FALSE: SqlCondition = { sql: '1 = 0', params: [] };

function and(parts: readonly SqlCondition[]): SqlCondition {
  const kept = parts.filter((part) => part !== TRUE);
  if (kept.some((part) => part === FALSE)) return FALSE;
  if (kept.length === 0) return TRUE;
  if (kept.length === 1) return kept[0]!;
  return { sql: kept.map((part) => `(${part.sql})`).join(' and '), params: kept.flatMap((part) => part.params) };
}

function or(parts: readonly SqlCondition[]): SqlCondition {
  const kept = parts.filter((part) => part !== FALSE);
  if (kept.some((part) => part === TRUE)) return TRUE;
  if (kept.length === 0) return FALSE;
  if (kept.length === 1) return kept[0]!;
  return { sql: kept.map((part) => `(${part.sql})`).join(' or '), params: kept.flatMap((part) => part.params) };
}

/**
 * The column's value lies strictly beyond `value` in the scan: `>` when the scan runs ascending over
 * this column, `<` when descending; NULL sits at the end of the scan when `nullsLast`.
 */
function beyond(column: KeysetColumn, value: unknown, ascending: boolean, nullsLast: boolean): SqlCondition {
  if (value === null) {
    if (nullsLast || !column.nullable) return FALSE;
    return { sql: `${column.sql} is not null`, params: [] };
  }
  const right = operand(column, value);
  const compare: SqlCondition = { sql: `${column.sql} ${ascending ? '>' : '<'} ${right.sql}`, params: right.params };
  return nullsLast && column.nullable ? or([compare, { sql: `${column.sql} is null`, params: [] }]) : compare;
}

function equal(column: KeysetColumn, value: unknown): SqlCondition {
  if (value === null) return column.nullable ? { sql: `${column.sql} is null`, params: [] } : FALSE;
  const right = operand(column, value);
  return { sql: `${column.sql} = ${right.sql}`, params: right.params };
}

/** Not before `value` in the scan: the range an index on the first column can serve. */
function notBefore(column: KeysetColumn, value: unknown, ascending: boolean, nullsLast: boolean): SqlCondition {
  if (value === null) return nullsLast ? equal(column, null) : TRUE;
  const right = operand(column, value);
  const compare: SqlCondition = { sql: `${column.sql} ${ascending ? '>=' : '<='} ${right.sql}`, params: right.params };
  return nullsLast && column.nullable ? or([compare, { sql: `${column.sql} is null`, params: [] }]) : compare;
}

/** Whether `(a, b) > (?, ?)` says it: every column one way and none nullable. */
function rowComparable(columns: readonly KeysetColumn[]): boolean {
  const descending = columns[0]!.descending;
  return columns.every((column) => column.descending === descending && !column.nullable);
}

/**
 * Rows strictly after (`side: 'after'`) or strictly before (`'before'`) the key `values` in the
 * ordering of `columns` (or at the key too, when `inclusive`), built as data: `(a, b) > (?, ?)` where
 * every column runs one way and none is nullable and the dialect allows it, else the expanded form
 * `a > ? or (a = ? and b > ?)` led by a range on the first column, with the operator chosen by
 * `descending XOR before` and NULLs placed where the dialect sorts them.
 */
export function keysetCondition(
  columns: readonly KeysetColumn[],
  values: readonly unknown[],
  side: 'after' | 'before',
  dialect: KeysetDialect,
  inclusive = false,
): SqlCondition {
  const flip = side === 'before';
  // Every seek of a non-nullable ordering one way takes this branch: checked before anything is made.
  if (dialect.rowValues && columns.length > 1 && rowComparable(columns)) {
    const op = `${columns[0]!.descending === flip ? '>' : '<'}${inclusive ? '=' : ''}`;
    let left = '';
    let right = '';
    const params: unknown[] = [];
    columns.forEach((column, index) => {
      const value = values[index] ?? null;
      const separator = index === 0 ? '' : ', ';
      left += separator + column.sql;
      if (isInline(value)) right += separator + value.inlineSql;
      else {
        right += separator + (column.placeholder ?? '?');
        params.push(value);
      }
    });
    return { sql: `(${left}) ${op} (${right})`, params };
  }
  const scan = columns.map((column) => {
    const ascending = column.descending === flip;
    // NULL sits at the end of an ascending scan when the dialect sorts it last, and at the start otherwise.
    const nullsLast = (dialect.nullOrder === 'last') === ascending;
    return { column, ascending, nullsLast };
  });
  const branches = scan.map(({ column, ascending, nullsLast }, index) =>
    and([
      ...scan.slice(0, index).map((prior, at) => equal(prior.column, values[at] ?? null)),
      beyond(column, values[index] ?? null, ascending, nullsLast),
    ]),
  );
  const first = scan[0];
  if (inclusive && first && columns.length === 1) return notBefore(first.column, values[0] ?? null, first.ascending, first.nullsLast);
  const at = inclusive ? [and(scan.map(({ column }, index) => equal(column, values[index] ?? null)))] : [];
  const expanded = or([...branches, ...at]);
  if (!first || columns.length === 1 || expanded === FALSE || expanded === TRUE) return expanded;
  return and([notBefore(first.column, values[0] ?? null, first.ascending, first.nullsLast), expanded]);
}

/** The row of the key `values` itself: every column equal to its value (NULL as `is null`). */
export function keysetAt(columns: readonly KeysetColumn[], values: readonly unknown[]): SqlCondition {
  return and(columns.map((column, index) => equal(column, values[index] ?? null)));
}

/** Whether a condition is the constant true, so callers add nothing to the query. */
export function isTrivial(condition: SqlCondition): boolean {
  return condition === TRUE;
}

/** The constant false condition (an impossible bound). */
export function isImpossible(condition: SqlCondition): boolean {
  return condition === FALSE;
}
