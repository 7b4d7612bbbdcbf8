import type { EntityMetadata, Platform } from '@mikro-orm/core';
import type { ToParam } from '../sql/ordering';
import { orderingProperty } from './field-types';

/**
 * A checked cursor value as a query parameter of its property's column, as MikroORM writes one:
 * custom types converted, dates in the platform's format, bigints as text.
 */
export function propertyParam(meta: EntityMetadata, platform: Platform): ToParam {
  return (column, value) => {
    const prop = orderingProperty(meta, column.name);
    let converted: unknown = value;
    if (prop.customType)
      converted = prop.customType.convertToDatabaseValue(value, platform, { fromQuery: true, key: prop.name, mode: 'query' });
    if (converted instanceof Date) return platform.processDateProperty(converted);
    if (typeof converted === 'bigint') return converted.toString();
    return converted;
  };
}
