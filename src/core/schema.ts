import type { Pagination } from './pagination';

/** A JSON Schema / OpenAPI schema object, as plain data. */
export type SchemaObject = { readonly [key: string]: unknown };

/** An OpenAPI query parameter (DRF's `get_schema_operation_parameters`). */
export interface OperationParameter {
  readonly name: string;
  readonly required: false;
  readonly in: 'query';
  readonly description: string;
  readonly schema: { readonly type: 'integer' | 'string' };
}

/** The descriptions DRF gives its parameters; override any of them. */
export interface SchemaDescriptions {
  readonly page?: string;
  readonly pageSize?: string;
  readonly limit?: string;
  readonly offset?: string;
  readonly cursor?: string;
}

const DEFAULT_DESCRIPTIONS: Required<SchemaDescriptions> = {
  page: 'A page number within the paginated result set.',
  pageSize: 'Number of results to return per page.',
  limit: 'Number of results to return per page.',
  offset: 'The initial index from which to return the results.',
  cursor: 'The pagination cursor value.',
};

const link = (example: string): SchemaObject => ({ type: 'string', nullable: true, format: 'uri', example });

/** DRF's `get_paginated_response_schema`: the body schema around `results`, examples included. */
export function paginatedResponseSchema(pagination: Pagination, results: SchemaObject): SchemaObject {
  const base = 'http://api.example.org/accounts/';
  const count = { type: 'integer', example: 123 };
  switch (pagination.style) {
    case 'page-number': {
      const param = pagination.pageQueryParam;
      return {
        type: 'object',
        required: ['count', 'results'],
        properties: { count, next: link(`${base}?${param}=4`), previous: link(`${base}?${param}=2`), results },
      };
    }
    case 'limit-offset': {
      const { offsetQueryParam: offset, limitQueryParam: limit } = pagination;
      return {
        type: 'object',
        required: ['count', 'results'],
        properties: {
          count,
          next: link(`${base}?${offset}=400&${limit}=100`),
          previous: link(`${base}?${offset}=200&${limit}=100`),
          results,
        },
      };
    }
    case 'cursor': {
      const param = pagination.cursorQueryParam;
      // The stray quote is DRF's, asserted by its own test; byte-exact output keeps it.
      return {
        type: 'object',
        required: ['results'],
        properties: { next: link(`${base}?${param}=cD00ODY%3D"`), previous: link(`${base}?${param}=cj0xJnA9NDg3`), results },
      };
    }
  }
}

const parameter = (name: string, description: string, type: 'integer' | 'string' = 'integer'): OperationParameter => ({
  name,
  required: false,
  in: 'query',
  description,
  schema: { type },
});

/** DRF's `get_schema_operation_parameters`: the query parameters of a style. */
export function schemaOperationParameters(pagination: Pagination, descriptions: SchemaDescriptions = {}): OperationParameter[] {
  const text = { ...DEFAULT_DESCRIPTIONS, ...descriptions };
  const pageSize =
    'pageSizeQueryParam' in pagination && pagination.pageSizeQueryParam ? [parameter(pagination.pageSizeQueryParam, text.pageSize)] : [];
  switch (pagination.style) {
    case 'page-number':
      return [parameter(pagination.pageQueryParam, text.page), ...pageSize];
    case 'limit-offset':
      return [
        ...(pagination.limitQueryParam ? [parameter(pagination.limitQueryParam, text.limit)] : []),
        parameter(pagination.offsetQueryParam, text.offset),
      ];
    case 'cursor':
      return [parameter(pagination.cursorQueryParam, text.cursor, 'string'), ...pageSize];
  }
}
