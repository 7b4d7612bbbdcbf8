// drf-commons' presets and shapes beyond the documented vectors (tests/rest/shape-vectors.ts):
// htvictoire/drf-commons drf_commons/pagination/base.py, drf_commons/views/mixins/crud.py, docs/pagination.rst.
import { cursorPagination, limitOffsetPagination, pageNumberPagination, PaginationConfigError } from 'pagewise';
import { arraySource } from 'pagewise/array';
import {
  limitOffsetPaginationWithFormat,
  restQueryParameters,
  restResponse,
  restResponseSchema,
  standardPageNumberPagination,
  type RestOptions,
} from 'pagewise/rest';

interface Row {
  readonly id: number;
}

const rows: Row[] = Array.from({ length: 30 }, (_, index) => ({ id: index + 1 }));
const now = () => new Date(Date.UTC(2026, 10, 22, 9, 30, 5, 120));
const indexed = (from: number, to: number, first = from) => rows.slice(from - 1, to).map(({ id }, at) => ({ id, index: first + at }));

async function get(query: string, options: Omit<RestOptions<Row>, 'source'>) {
  const response = await restResponse({ url: `/rows/${query}`, headers: { host: 'api.test' } }, { ...options, source: arraySource(rows) });
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(response.body) as Record<string, unknown>,
    text: response.body,
  };
}

describe("drf-commons' presets", () => {
  it("are drf-commons' classes with its defaults, the flat shape and ?paginated honoured past the maximum", () => {
    expect(standardPageNumberPagination()).toEqual({
      pagination: pageNumberPagination({ pageSize: 20, pageSizeQueryParam: 'page_size', maxPageSize: 100 }),
      shape: 'commons',
      paginatedQueryParam: 'paginated',
      allowUnpaginated: true,
    });
    expect(limitOffsetPaginationWithFormat()).toEqual({
      pagination: limitOffsetPagination({ defaultLimit: 20, limitQueryParam: 'limit', offsetQueryParam: 'offset', maxLimit: 100 }),
      shape: 'commons',
      paginatedQueryParam: 'paginated',
      allowUnpaginated: true,
    });
  });

  it('take overrides as a subclass does, and check them', () => {
    expect(limitOffsetPaginationWithFormat({ maxLimit: 10 }).pagination).toMatchObject({ defaultLimit: 20, maxLimit: 10 });
    expect(() => standardPageNumberPagination({ pageSize: -1 })).toThrow(PaginationConfigError);
  });
});

describe('the flat commons body', () => {
  const flat = { ...standardPageNumberPagination({ pageSize: 5 }), now };

  it("writes drf-commons' documented key order and timestamp", async () => {
    const { text, headers } = await get('?page=2', flat);
    expect(headers['content-type']).toBe('application/json');
    expect(text).toBe(
      `{"success":true,"timestamp":"2026-11-22T09:30:05.120000Z","message":"","count":30,` +
        `"next":"http://api.test/rows/?page=3","previous":"http://api.test/rows/",` +
        `"data":${JSON.stringify(indexed(6, 10))}}`,
    );
  });

  it('takes a message and a results key', async () => {
    const { body } = await get('?page=6', { ...flat, message: 'Rows retrieved successfully', resultsKey: 'rows' });
    expect(body).toMatchObject({ message: 'Rows retrieved successfully', rows: indexed(26, 30) });
    expect(body['data']).toBeUndefined();
  });

  it('numbers a cursor page within the page, which is all a cursor knows', async () => {
    const options = { pagination: cursorPagination({ pageSize: 4, ordering: 'id' }), shape: 'commons' as const, now };
    const first = await get('', options);
    expect(Object.keys(first.body)).toEqual(['success', 'timestamp', 'message', 'next', 'previous', 'data']);
    const second = await get(new URL(first.body['next'] as string).search, options);
    expect(second.body['data']).toEqual(indexed(5, 8, 1));
  });

  it('writes the count but no links in the body when links go in the header', async () => {
    const { body, headers } = await get('?page=2', { ...flat, links: 'header' });
    expect(Object.keys(body)).toEqual(['success', 'timestamp', 'message', 'count', 'data']);
    expect(headers['link']).toContain('rel="next"');
    const whole = await get('?paginated=no', { ...flat, links: 'header' });
    expect(Object.keys(whole.body)).toEqual(['success', 'timestamp', 'message', 'count', 'data']);
  });

  it.each([
    ['false', true],
    ['0', true],
    ['no', true],
    ['', true],
    ['TRUE', false],
    ['Yes', false],
    ['1', false],
  ])('reads ?paginated=%s as crud.py does (whole list: %s)', async (value, whole) => {
    const { body } = await get(`?paginated=${value}`, flat);
    expect(body['count']).toBe(30);
    expect((body['data'] as unknown[]).length).toBe(whole ? 30 : 5);
  });
});

describe('allowUnpaginated', () => {
  const capped = pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 10 });

  it('is off unless asked: with a maximum, ?paginated=false is a page', async () => {
    const { body } = await get('?paginated=false', { pagination: capped, shape: 'commons', now });
    expect((body['data'] as unknown[]).length).toBe(5);
  });

  it('lets the switch serve the whole list past the maximum, for any shape that has the switch', async () => {
    const { body } = await get('?paginated=false', { pagination: capped, paginatedQueryParam: 'paginated', allowUnpaginated: true });
    expect(body).toEqual(rows);
  });

  it('does nothing without the switch', async () => {
    const { body } = await get('?paginated=false', {
      pagination: capped,
      shape: 'commons',
      paginatedQueryParam: null,
      allowUnpaginated: true,
    });
    expect((body['data'] as unknown[]).length).toBe(5);
  });

  it('is offered in OpenAPI only where it works', () => {
    const param = (options: Parameters<typeof restQueryParameters>[0]) =>
      restQueryParameters(options).some((parameter) => parameter['name'] === 'paginated');
    expect(param(standardPageNumberPagination())).toBe(true);
    expect(param({ pagination: capped, shape: 'commons' })).toBe(false);
    expect(param({ pagination: pageNumberPagination({ pageSize: 5 }), shape: 'commons' })).toBe(true);
  });

  it('must be a boolean', async () => {
    await expect(get('', { pagination: capped, allowUnpaginated: 'yes' as unknown as boolean })).rejects.toThrow(/allowUnpaginated/);
  });
});

describe('the OpenAPI schema of the flat body', () => {
  const items = { type: 'array', items: { $ref: '#/components/schemas/Article' } };

  it("names the envelope's fields beside DRF's, the list under data with each item's index", () => {
    const schema = restResponseSchema(standardPageNumberPagination(), items);
    expect(schema['required']).toEqual(['success', 'timestamp', 'message', 'count', 'data']);
    expect(Object.keys(schema['properties'] as object)).toEqual(['success', 'timestamp', 'message', 'count', 'next', 'previous', 'data']);
    const data = (schema['properties'] as Record<string, Record<string, unknown>>)['data']!;
    expect(data['items']).toEqual({
      allOf: [
        { $ref: '#/components/schemas/Article' },
        { type: 'object', required: ['index'], properties: { index: expect.objectContaining({ type: 'integer', minimum: 1 }) } },
      ],
    });
  });
});
