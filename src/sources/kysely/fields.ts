import type { Kysely } from 'kysely';
import { assertConfig, type FieldType, type KeyValue } from '../../core/internal';
import type { SqlColumn, SqlColumns } from '../sql/column';
import type { SqlDialect } from '../sql/dialect';

/** The types a Kysely source's fields are declared with: how cursors restore and check their values. */
export type KyselyFieldType = 'integer' | 'bigint' | 'number' | 'text' | 'uuid' | 'boolean' | 'datetime' | 'date';

/**
 * A field of the rows a Kysely query returns: its type (`'integer'`, a NOT NULL column), the type
 * with `?` for a nullable one (`'integer?'`), or in full.
 */
export type KyselyField =
  | KyselyFieldType
  | `${KyselyFieldType}?`
  | {
      readonly type: KyselyFieldType;
      /** Whether the column may hold NULL (default false: a wrong `false` misplaces NULL rows). */
      readonly nullable?: boolean;
      /** The column's name in the query's result, when it differs from the field's. */
      readonly column?: string;
      /**
       * The column's declared SQL type (`timestamptz(6)`, `real`, `smallint unsigned`): a datetime finer
       * than milliseconds is then keyed by the database's text, a single-precision float compared
       * through a cast, an integer bounded by its size.
       */
      readonly sqlType?: string;
      /** An unsigned integer column (MySQL/MariaDB). */
      readonly unsigned?: boolean;
    };

/** The field declarations of a Kysely source, by the name a row's property has. */
export type KyselyFields = Readonly<Record<string, KyselyField>>;

// The SQL type a declared field stands for when no `sqlType` says more: what PostgreSQL casts a
// batch's bound values to. `datetime` is the dialect's finest (DATETIME_SQL).
const TYPES: Readonly<Record<KyselyFieldType, { readonly fieldType: FieldType; readonly sqlType: string }>> = {
  integer: { fieldType: 'number', sqlType: 'integer' },
  bigint: { fieldType: 'bigint', sqlType: 'bigint' },
  number: { fieldType: 'number', sqlType: 'numeric' },
  text: { fieldType: 'string', sqlType: 'text' },
  uuid: { fieldType: 'string', sqlType: 'uuid' },
  boolean: { fieldType: 'boolean', sqlType: 'boolean' },
  datetime: { fieldType: 'date', sqlType: 'timestamptz(3)' },
  date: { fieldType: 'string', sqlType: 'date' },
};

/**
 * A `datetime` declared without `sqlType`: the finest the dialect keeps (PostgreSQL's and MySQL's
 * microseconds), keyed by the database's text, so a finer column's keys are never cut to
 * milliseconds (which would repeat or skip rows). `sqlType: 'timestamptz(3)'` keys by a Date.
 */
const DATETIME_SQL: Readonly<Record<SqlDialect['name'], string>> = {
  postgresql: 'timestamptz',
  mysql: 'datetime(6)',
  mariadb: 'datetime(6)',
  sqlite: 'datetime',
  other: 'timestamp',
};

/** A declaration as a column description of the SQL strategies. */
function columnOf(name: string, field: KyselyField, dialect: SqlDialect['name']): SqlColumn {
  const full = typeof field === 'string' ? { type: field.replace(/\?$/, '') as KyselyFieldType, nullable: field.endsWith('?') } : field;
  const known = Object.prototype.hasOwnProperty.call(TYPES, full?.type ?? '') ? TYPES[full.type] : undefined;
  assertConfig(
    known,
    `the \`fields\` option: field ${JSON.stringify(name)} has type ${JSON.stringify(full?.type)}; use one of ${Object.keys(TYPES).join(', ')}`,
  );
  return {
    name,
    column: full.column ?? name,
    type: full.sqlType ?? (full.type === 'datetime' ? DATETIME_SQL[dialect] : known.sqlType),
    nullable: full.nullable === true,
    fieldType: known.fieldType,
    unsigned: full.unsigned === true,
    typeNames: [full.type],
  };
}

/** The columns of a Kysely source: each declared field (all checked now), the unique key among them. */
export function kyselyColumns(fields: KyselyFields, uniqueKey: readonly string[], name: string, dialect: SqlDialect['name']): SqlColumns {
  const has = (field: string): boolean => Object.prototype.hasOwnProperty.call(fields, field);
  for (const field of uniqueKey) assertConfig(has(field), `the unique key field ${JSON.stringify(field)} is not among the declared fields`);
  const columns = new Map<string, SqlColumn>();
  // A mistyped declaration is a config error when the source is made, not when a client orders by it.
  for (const [field, declared] of Object.entries(fields)) {
    const column = columnOf(field, declared, dialect);
    // A unique key holds no NULL (SQLite reports its INTEGER PRIMARY KEY nullable all the same).
    columns.set(field, uniqueKey.includes(field) ? { ...column, nullable: false } : column);
  }
  return {
    uniqueKey,
    name,
    column: (field) => {
      assertConfig(
        has(field),
        `unknown ordering field ${JSON.stringify(field)} on ${name} (declare it in fields)`,
        'UNKNOWN_ORDERING_FIELD',
      );
      return columns.get(field)!;
    },
  };
}

const BY_DATA_TYPE: ReadonlyArray<readonly [RegExp, KyselyFieldType]> = [
  [/^(bool|boolean)$/, 'boolean'],
  [/^(int8|bigint|bigserial)\b/, 'bigint'],
  [/^(int|int2|int4|integer|smallint|mediumint|tinyint|serial|smallserial)\b/, 'integer'],
  [/^(real|float|float4|float8|double|double precision|numeric|decimal)\b/, 'number'],
  [/^(timestamp|timestamptz|datetime)\b/, 'datetime'],
  [/^date$/, 'date'],
  [/^uuid$/, 'uuid'],
  [/char|text|clob|^citext$|^enum\b|^set\b/, 'text'],
];

/**
 * The fields of a table as the database declares them (Kysely's `db.introspection`): each column
 * of a known type with its nullability and SQL type. MySQL/MariaDB report booleans as `tinyint`
 * (override them as `'boolean'`) and no datetime precision (declare a `datetime(6)` column with its
 * `sqlType`); PostgreSQL timestamps are keyed by the database's text (microseconds). Columns of
 * other types are left out: they cannot order a page.
 */
export async function kyselyFields<DB>(db: Kysely<DB>, table: string, options: { readonly schema?: string } = {}): Promise<KyselyFields> {
  const tables = await db.introspection.getTables();
  const found = tables.find(
    (candidate) => candidate.name === table && (options.schema === undefined || candidate.schema === options.schema),
  );
  assertConfig(found, `kyselyFields: no table ${JSON.stringify(table)}${options.schema ? ` in schema ${options.schema}` : ''}`);
  const fields: Record<string, KyselyField> = {};
  for (const column of found.columns) {
    const dataType = column.dataType.toLowerCase().trim();
    const type = BY_DATA_TYPE.find(([pattern]) => pattern.test(dataType))?.[1];
    if (type) fields[column.name] = { type, nullable: column.isNullable, sqlType: dataType };
  }
  return fields;
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/**
 * A row's value as the cursor keys it, whatever the driver gave (SQLite's 0/1 and text, pg's int8
 * as text, MySQL's tinyint): a Date, a bigint, a boolean, a number or text, by the field's type.
 */
export function keyValueOf(value: unknown, type: FieldType): KeyValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'date':
      if (value instanceof Date) return value;
      return new Date(typeof value === 'number' || typeof value === 'bigint' ? Number(value) : String(value));
    case 'bigint':
      return typeof value === 'bigint' ? value : BigInt(typeof value === 'number' ? Math.trunc(value) : String(value));
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' || (value !== 'false' && Number(value) !== 0);
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    default:
      // pg reads a DATE column as a local-midnight Date; its key is the calendar date's text.
      if (value instanceof Date) return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
      return typeof value === 'string' ? value : String(value);
  }
}
