import { BigIntType, ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import { assertConfig, type FieldType } from '../../core/internal';
import type { SqlColumn, SqlColumns } from '../sql/column';

/**
 * The scalar property behind an ordering field; relations, embeddables and unknown names are a
 * developer's misuse (PaginationConfigError), caught before any SQL is written.
 */
export function orderingProperty(meta: EntityMetadata, field: string): EntityProperty {
  const prop = Object.prototype.hasOwnProperty.call(meta.properties, field)
    ? meta.properties[field as keyof typeof meta.properties]
    : undefined;
  assertConfig(prop, `unknown ordering field ${JSON.stringify(field)} on ${meta.className}`, 'UNKNOWN_ORDERING_FIELD');
  assertConfig(
    prop.kind === ReferenceKind.SCALAR && prop.persist !== false && prop.fieldNames?.length === 1,
    `ordering field ${JSON.stringify(field)} on ${meta.className} is not a scalar column (relations cannot order a page)`,
    'UNKNOWN_ORDERING_FIELD',
  );
  return prop;
}

const BY_TYPE: Readonly<Record<string, FieldType>> = {
  string: 'string',
  text: 'string',
  character: 'string',
  uuid: 'string',
  number: 'number',
  integer: 'number',
  int: 'number',
  smallint: 'number',
  tinyint: 'number',
  mediumint: 'number',
  float: 'number',
  double: 'number',
  bigint: 'bigint',
  boolean: 'boolean',
  date: 'string',
  datetime: 'date',
  Date: 'date',
};

/**
 * The declared type of a property as pagewise restores cursor values: from the property's runtime
 * type (MikroORM's `runtimeType`, or its BigIntType mode), never from the data. (A datetime column
 * finer than milliseconds becomes `string` in the SQL ordering: its key is the database's own text.)
 */
export function fieldTypeOf(meta: EntityMetadata, field: string): FieldType {
  const prop = orderingProperty(meta, field);
  if (prop.customType instanceof BigIntType) {
    const mode = (prop.customType as { mode?: string }).mode;
    return mode === 'number' ? 'number' : mode === 'string' ? 'string' : 'bigint';
  }
  const runtime = prop.runtimeType as string | undefined;
  const type = (runtime && BY_TYPE[runtime]) ?? BY_TYPE[String(prop.type)];
  assertConfig(
    type,
    `ordering field ${JSON.stringify(field)} on ${meta.className} has type ${JSON.stringify(runtime ?? prop.type)}, which cannot order a cursor`,
    'UNKNOWN_ORDERING_FIELD',
  );
  return type;
}

/** An ordering property as the SQL strategies see it: its column, declared types and nullability. */
export function propertyColumn(meta: EntityMetadata, field: string): SqlColumn {
  const prop = orderingProperty(meta, field);
  return {
    name: field,
    column: prop.fieldNames[0]!,
    type: String(prop.columnTypes?.[0] ?? ''),
    nullable: prop.nullable === true,
    fieldType: fieldTypeOf(meta, field),
    unsigned: prop.unsigned === true,
    typeNames: [String(prop.type ?? '')],
  };
}

// Sources are made per request over metadata that lives as long as the ORM: each entity's columns are described once.
const described = new WeakMap<EntityMetadata, SqlColumns>();

/** An entity's columns for the SQL strategies: its primary key, and each ordering property's column (an unknown one throws every time). */
export function entityColumns(meta: EntityMetadata): SqlColumns {
  let columns = described.get(meta);
  if (columns === undefined) {
    const known = new Map<string, SqlColumn>();
    columns = {
      uniqueKey: [...meta.primaryKeys] as string[],
      name: meta.className,
      column: (field) => {
        let column = known.get(field);
        if (column === undefined) {
          column = propertyColumn(meta, field);
          known.set(field, column);
        }
        return column;
      },
    };
    described.set(meta, columns);
  }
  return columns;
}
