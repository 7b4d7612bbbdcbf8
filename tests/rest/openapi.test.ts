import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { restQueryParameters, restResponseSchema } from 'pagewise/rest';
import { optionsOf, vectorsOf } from '../support/drf-vectors';

const items = { type: 'array', items: { $ref: '#/components/schemas/Article' } };
const indexSchema = {
  type: 'object',
  required: ['index'],
  properties: {
    index: { type: 'integer', minimum: 1, description: 'Place in the whole list, from 1 (within the page for a cursor list).' },
  },
};
const uri = (example: string) => ({ type: 'string', nullable: true, format: 'uri', example });

describe("DRF's schema vectors through the REST adapter", () => {
  it.each(vectorsOf('response_schema').map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const options = optionsOf(vector);
    const pagination =
      vector.style === 'page_number'
        ? pageNumberPagination(options)
        : vector.style === 'limit_offset'
          ? limitOffsetPagination(options)
          : cursorPagination(options);
    expect(restResponseSchema({ pagination }, vector.input_schema!)).toEqual(vector.expect['schema']);
    expect(restQueryParameters({ pagination })).toEqual(vector.expect['operation_parameters']);
  });
});

describe('the schemas of the other shapes', () => {
  const pagination = pageNumberPagination({ pageSize: 10, pageSizeQueryParam: 'page_size' });

  it('renames the results key', () => {
    expect(restResponseSchema({ pagination, resultsKey: 'items' }, items)).toEqual({
      type: 'object',
      required: ['count', 'items'],
      properties: {
        count: { type: 'integer', example: 123 },
        next: uri('http://api.example.org/accounts/?page=4'),
        previous: uri('http://api.example.org/accounts/?page=2'),
        items,
      },
    });
  });

  it('is the plain list with the Link header', () => {
    expect(restResponseSchema({ pagination, links: 'header' }, items)).toEqual(items);
  });

  it('wraps the DRF body in the drf-commons envelope and documents ?paginated', () => {
    const cursor = cursorPagination({ pageSize: 10 });
    expect(restResponseSchema({ pagination: cursor, shape: 'commons-nested' }, items)).toEqual({
      type: 'object',
      required: ['message', 'success', 'timestamp', 'data'],
      properties: {
        message: { type: 'string', example: 'Request successful' },
        success: { type: 'boolean', example: true },
        timestamp: { type: 'string', format: 'date-time' },
        data: {
          type: 'object',
          required: ['results'],
          properties: {
            next: uri('http://api.example.org/accounts/?cursor=cD00ODY%3D"'),
            previous: uri('http://api.example.org/accounts/?cursor=cj0xJnA9NDg3'),
            results: { ...items, items: { allOf: [items.items, indexSchema] } },
          },
        },
      },
    });
    expect(restQueryParameters({ pagination: cursor, shape: 'commons-nested' })).toEqual([
      { name: 'cursor', required: false, in: 'query', description: 'The pagination cursor value.', schema: { type: 'string' } },
      {
        name: 'paginated',
        required: false,
        in: 'query',
        description: 'Set to false to get the whole list unpaginated (internal APIs only: the list is unbounded).',
        schema: { type: 'boolean' },
      },
    ]);
  });

  it('does not offer ?paginated when the pagination has a maximum, which it could not lift', () => {
    const capped = cursorPagination({ pageSize: 10, maxPageSize: 50 });
    expect(restQueryParameters({ pagination: capped, shape: 'commons-nested' })).toEqual([
      { name: 'cursor', required: false, in: 'query', description: 'The pagination cursor value.', schema: { type: 'string' } },
    ]);
  });

  it("gives the Rails body's keys in its order, links not nullable since Rails leaves them out", () => {
    const schema = restResponseSchema({ pagination, shape: 'rails' }, items);
    expect(schema).toEqual({
      type: 'object',
      required: ['count', 'page', 'page_size', 'total_pages', 'results'],
      properties: {
        count: { type: 'integer', example: 123 },
        page: { type: 'integer', example: 3 },
        page_size: { type: 'integer', example: 100 },
        total_pages: { type: 'integer', example: 5 },
        next: { type: 'string', format: 'uri', example: 'http://api.example.org/accounts/?page=4' },
        previous: { type: 'string', format: 'uri', example: 'http://api.example.org/accounts/?page=2' },
        results: items,
      },
    });
    expect(Object.keys(schema['properties'] as object)).toEqual([
      'count',
      'page',
      'page_size',
      'total_pages',
      'next',
      'previous',
      'results',
    ]);
  });

  it('takes custom parameter descriptions', () => {
    expect(
      restQueryParameters({ pagination: limitOffsetPagination({ defaultLimit: 5 }) }, { limit: 'How many.', offset: 'From where.' }),
    ).toEqual([
      { name: 'limit', required: false, in: 'query', description: 'How many.', schema: { type: 'integer' } },
      { name: 'offset', required: false, in: 'query', description: 'From where.', schema: { type: 'integer' } },
    ]);
  });
});
