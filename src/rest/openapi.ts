import {
  assertConfig,
  sizeSettingsOf,
  paginatedResponseSchema,
  schemaOperationParameters,
  type OperationParameter,
  type SchemaDescriptions,
  type CountStrategy,
  type SchemaObject,
} from '../core/internal';
import type { RestOptions } from './rest-options';
import { querySwitchesOf } from './rest-page';
import { resultsKeyOf } from './rest-response';

type SchemaOptions = Pick<
  RestOptions<unknown>,
  'pagination' | 'shape' | 'links' | 'resultsKey' | 'paginatedQueryParam' | 'allowUnpaginated' | 'body' | 'bodySchema' | 'count'
>;

/** The flag a capped or estimated count adds beside `count` (pagewise's extension; none when exact). */
function countFlag(strategy: CountStrategy | undefined): Record<string, SchemaObject> {
  if (strategy === 'estimated') {
    return { count_estimated: { type: 'boolean', description: "Present (true) when count is the database planner's estimate." } };
  }
  if (typeof strategy === 'object') {
    return {
      count_capped: {
        type: 'boolean',
        description: `Present (true) when the list has more than ${strategy.capped} rows: count is a lower bound.`,
      },
    };
  }
  return {};
}

/** `schema` with `flag` right after its `count` property (DRF's key order kept). */
const withCountFlag = (schema: SchemaObject, flag: Record<string, SchemaObject>): SchemaObject => {
  const properties = Object.entries(schema['properties'] as Record<string, unknown>);
  return {
    ...schema,
    properties: Object.fromEntries(properties.flatMap((entry) => (entry[0] === 'count' ? [entry, ...Object.entries(flag)] : [entry]))),
  };
};

const renameResults = (schema: SchemaObject, key: string): SchemaObject => {
  if (key === 'results') return schema;
  const properties = schema['properties'] as Record<string, unknown>;
  const required = schema['required'] as string[];
  return {
    ...schema,
    required: required.map((name) => (name === 'results' ? key : name)),
    properties: Object.fromEntries(Object.entries(properties).map(([name, value]) => [name === 'results' ? key : name, value])),
  };
};

const without = (schema: SchemaObject, names: readonly string[]): SchemaObject => ({
  ...schema,
  properties: Object.fromEntries(Object.entries(schema['properties'] as Record<string, unknown>).filter(([name]) => !names.includes(name))),
});

/** drf-commons' `index`: the item's 1-based place in the whole list (in the page, for the cursor style). */
const indexed = (results: SchemaObject): SchemaObject => {
  const items = (results['items'] as SchemaObject | undefined) ?? {};
  const index = { type: 'integer', minimum: 1, description: 'Place in the whole list, from 1 (within the page for a cursor list).' };
  // allOf, since a `$ref` takes no sibling properties in OpenAPI 3.0.
  return { ...results, items: { allOf: [items, { type: 'object', required: ['index'], properties: { index } }] } };
};

/**
 * The response body's schema for `results` (DRF passes the list serializer's schema, an array): DRF's
 * `get_paginated_response_schema` for the drf shape, the matching schema of the other shapes, and
 * `bodySchema` for a `body` hook (which must come with one).
 */
export function restResponseSchema(options: SchemaOptions, results: SchemaObject): SchemaObject {
  const { pagination, shape = 'drf', links = 'body' } = options;
  if (options.body !== undefined || options.bodySchema !== undefined) {
    assertConfig(options.bodySchema !== undefined, 'bodySchema must be given beside body: its output has no schema of its own');
    return options.bodySchema(results);
  }
  const resultsKey = resultsKeyOf(options);
  const commons = shape === 'commons' || shape === 'commons-nested';
  const list = commons ? indexed(results) : results;
  const flag = countFlag(options.count ?? pagination.count);
  const drf = withCountFlag(renameResults(paginatedResponseSchema(pagination, list), resultsKey), flag);
  const body = links === 'header' ? without(drf, ['next', 'previous']) : drf;
  if (shape === 'commons') {
    const properties = body['properties'] as Record<string, unknown>;
    return {
      type: 'object',
      required: ['success', 'timestamp', 'message', ...(body['required'] as string[])],
      properties: {
        success: { type: 'boolean', example: true },
        timestamp: { type: 'string', format: 'date-time', example: '2026-01-15T10:30:00.000000Z' },
        message: { type: 'string', example: '' },
        ...properties,
      },
    };
  }
  if (shape === 'commons-nested') {
    return {
      type: 'object',
      required: ['message', 'success', 'timestamp', 'data'],
      properties: {
        message: { type: 'string', example: 'Request successful' },
        success: { type: 'boolean', example: true },
        timestamp: { type: 'string', format: 'date-time' },
        data: body,
      },
    };
  }
  if (shape === 'rails') {
    const { count, next, previous } = body['properties'] as Record<string, unknown>;
    // Rails RESTFramework leaves a null next or previous out of the body, so neither is nullable here.
    const link = (value: unknown): Record<string, unknown> =>
      Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([name]) => name !== 'nullable'));
    return {
      type: 'object',
      required: ['count', 'page', 'page_size', 'total_pages', resultsKey],
      properties: {
        count,
        ...flag,
        page: { type: 'integer', example: 3 },
        page_size: { type: 'integer', example: 100 },
        total_pages: { type: 'integer', example: 5 },
        ...(links === 'header' ? {} : { next: link(next), previous: link(previous) }),
        [resultsKey]: results,
      },
    };
  }
  return links === 'header' ? list : body;
}

/**
 * The query parameters of the endpoint: DRF's `get_schema_operation_parameters`, plus drf-commons'
 * `paginated` switch when it is on (and the pagination has no maximum, which it could not lift).
 */
export function restQueryParameters(
  options: SchemaOptions,
  descriptions: SchemaDescriptions = {},
): Array<OperationParameter | SchemaObject> {
  const parameters: Array<OperationParameter | SchemaObject> = schemaOperationParameters(options.pagination, descriptions);
  const paginated = querySwitchesOf(options).paginatedQueryParam;
  // With a maximum the switch does nothing (a client never lifts it), so it is not offered.
  const capped = sizeSettingsOf(options.pagination).maxSize !== null && options.allowUnpaginated !== true;
  if (paginated && !capped) {
    parameters.push({
      name: paginated,
      required: false,
      in: 'query',
      description: 'Set to false to get the whole list unpaginated (internal APIs only: the list is unbounded).',
      schema: { type: 'boolean' },
    });
  }
  return parameters;
}
