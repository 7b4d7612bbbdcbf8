import { BigIntType, ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import { assertConfig, type FieldType } from '../../core/internal';
import { exactDatetime } from './datetime-text';
import type { PlatformKind } from './platform';

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
 * type (MikroORM's `runtimeType`, or its BigIntType mode), never from the data. A datetime column
 * finer than milliseconds on `kind` is `string`: its key is the database's own text of the value.
 */
export function fieldTypeOf(meta: EntityMetadata, field: string, kind: PlatformKind = 'other'): FieldType {
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
  return type === 'date' && exactDatetime(prop, kind) ? 'string' : type;
}
