import {
  sizeSettingsOf,
  paginatedResponseSchema,
  schemaOperationParameters,
  type OperationParameter,
  type SchemaDescriptions,
  type SchemaObject,
} from '../core/internal';
import type { RestOptions } from './rest-options';
import { querySwitchesOf } from './rest-page';

type SchemaOptions = Pick<RestOptions<unknown>, 'pagination' | 'shape' | 'links' | 'resultsKey' | 'paginatedQueryParam'>;

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

/**
 * The response body's schema for `results` (DRF passes the list serializer's schema, an array): DRF's
 * `get_paginated_response_schema` for the drf shape, and the matching schema of the other shapes.
 */
export function restResponseSchema(options: SchemaOptions, results: SchemaObject): SchemaObject {
  const { pagination, shape = 'drf', links = 'body', resultsKey = 'results' } = options;
  const drf = renameResults(paginatedResponseSchema(pagination, results), resultsKey);
  const body = links === 'header' ? without(drf, ['next', 'previous']) : drf;
  if (shape === 'commons') {
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
        page: { type: 'integer', example: 3 },
        page_size: { type: 'integer', example: 100 },
        total_pages: { type: 'integer', example: 5 },
        ...(links === 'header' ? {} : { next: link(next), previous: link(previous) }),
        [resultsKey]: results,
      },
    };
  }
  return links === 'header' ? results : body;
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
  const capped = sizeSettingsOf(options.pagination).maxSize !== null;
  if (paginated && !capped) {
    parameters.push({
      name: paginated,
      required: false,
      in: 'query',
      description: 'Set to false to get the whole list unpaginated.',
      schema: { type: 'boolean' },
    });
  }
  return parameters;
}
