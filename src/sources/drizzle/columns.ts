import { Column, is } from 'drizzle-orm';
import { assertConfig, type FieldType } from '../../core/internal';
import type { DrizzleKind } from './drizzle-database';

/** A field of the paged selection that is a table column, as Drizzle's metadata describes it. */
export interface SelectedColumn {
  /** The field's name in the selection (the row's property). */
  readonly field: string;
  /** The column's name in SQL, which is also its name in the paged subquery. */
  readonly name: string;
  readonly column: Column;
  /** The declared SQL type, lower-cased (`timestamp (3) with time zone`, `varchar(64)`, `bigint unsigned`). */
  readonly sqlType: string;
  readonly nullable: boolean;
  readonly primary: boolean;
}

/** PostgreSQL's serial types are integers with a default: a cast or an array of keys names the integer. */
const PG_SERIAL: Readonly<Record<string, string>> = { smallserial: 'smallint', serial: 'integer', bigserial: 'bigint' };

/** The type a column's values have in SQL, as casts and range checks read it. */
const storedType = (declared: string, kind: DrizzleKind): string => (kind === 'postgresql' ? (PG_SERIAL[declared] ?? declared) : declared);

/** Drizzle's `dataType` of a column, as pagewise restores a cursor's value of it. */
const BY_DATA_TYPE: Readonly<Record<string, FieldType>> = {
  number: 'number',
  bigint: 'bigint',
  string: 'string',
  boolean: 'boolean',
  date: 'date',
};

/**
 * The selection's fields that are columns (`db.select().from(table)`, or `{ id: t.id, ... }`), by
 * field name. Other fields (`sql\`...\`.as(...)`) come through in rows but cannot order a page.
 */
export function selectedColumns(fields: Readonly<Record<string, unknown>>, kind: DrizzleKind): Map<string, SelectedColumn> {
  const columns = new Map<string, SelectedColumn>();
  for (const [field, value] of Object.entries(fields)) {
    if (!is(value, Column)) continue;
    columns.set(field, {
      field,
      name: value.name,
      column: value,
      sqlType: storedType(value.getSQLType().toLowerCase().trim(), kind),
      nullable: !value.notNull,
      primary: value.primary,
    });
  }
  return columns;
}

/** Checks the `fieldTypes` option against the selection's columns and the field types pagewise knows. */
export function checkFieldTypes(fieldTypes: Readonly<Record<string, FieldType>>, columns: ReadonlyMap<string, SelectedColumn>): void {
  const known = [...new Set(Object.values(BY_DATA_TYPE))];
  for (const [field, type] of Object.entries(fieldTypes)) {
    assertConfig(columns.has(field), `fieldTypes names ${JSON.stringify(field)}, which is not a column of the selection`);
    assertConfig(known.includes(type), `fieldTypes.${field} must be one of ${known.join(', ')}`);
  }
}

/**
 * A column's field type: the `fieldTypes` override, else from Drizzle's `dataType` (`number`,
 * `bigint`, `string` for text, uuid, numeric and date strings, `boolean`, `date`). A custom column
 * (`customType`), json or a buffer without an override is a PaginationConfigError naming the option.
 */
export function fieldTypeOf(selected: SelectedColumn, override: FieldType | undefined): FieldType {
  if (override !== undefined) return override;
  // A blob compares by its bytes (SQLite's bigint mode keeps the digits as text: '10' < '9').
  const type = selected.sqlType === 'blob' ? undefined : BY_DATA_TYPE[selected.column.dataType];
  assertConfig(
    type,
    `ordering field ${JSON.stringify(selected.field)} is a ${selected.sqlType === 'blob' ? 'blob, which SQL orders by its bytes' : `${selected.column.dataType} column (${selected.sqlType})`}; name its type in the fieldTypes option (fieldTypes: { ${selected.field}: 'string' | 'number' | 'bigint' | 'date' | 'boolean' })`,
    'UNKNOWN_ORDERING_FIELD',
  );
  return type;
}

/**
 * Whether a datetime column read as a JS Date keeps less than the column holds: a PostgreSQL
 * timestamp of precision 4 to 6 (6 by default), a MySQL datetime or timestamp of fsp 4 to 6. Its
 * rows' Dates lose the microseconds, so a cursor built from them would repeat or skip rows.
 */
export function finerThanDate(selected: SelectedColumn, kind: DrizzleKind): boolean {
  if (selected.column.dataType !== 'date') return false;
  if (kind === 'postgresql') {
    const match = /^timestamp(?:\s*\((\d)\))?/.exec(selected.sqlType);
    return match !== null && (match[1] === undefined || Number(match[1]) > 3);
  }
  if (kind === 'mysql') {
    const match = /^(?:datetime|timestamp)\s*\((\d)\)/.exec(selected.sqlType);
    return match !== null && Number(match[1]) > 3;
  }
  return false;
}
