// Bad input on every parameter gets DRF's status and detail, never a 500.
import fc from 'fast-check';
import {
  cursorPagination,
  hmacSigner,
  limitOffsetPagination,
  pageNumberPagination,
  PaginationConfigError,
  type PageSource,
} from 'pagewise';
import { arraySource } from 'pagewise/array';
import { checkRestOptions, expressHandler, fastifyHandler, nodeHandler, restResponse, type RestOptions } from 'pagewise/rest';

interface Row {
  readonly id: number;
  readonly created: number;
  readonly title: string;
}

const rows: Row[] = Array.from({ length: 40 }, (_, index) => ({ id: index + 1, created: index % 7, title: `t${index % 11}` }));
const source = arraySource(rows, { uniqueKey: 'id' });

const styles: Array<[string, RestOptions<Row>]> = [
  ['page-number', { pagination: pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 20 }), source }],
  ['limit-offset', { pagination: limitOffsetPagination({ defaultLimit: 5, maxLimit: 20 }), source }],
  [
    'cursor (exact)',
    {
      pagination: cursorPagination({
        pageSize: 5,
        pageSizeQueryParam: 'page_size',
        ordering: '-created',
        orderingFields: ['created', 'title'],
      }),
      source,
    },
  ],
  [
    'cursor (drf)',
    { pagination: cursorPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', ordering: 'created', mode: 'drf' }), source },
  ],
  [
    'cursor (signed)',
    {
      pagination: cursorPagination({
        pageSize: 5,
        ordering: '-created',
        signer: hmacSigner('a server secret of 32 bytes......'),
        orderingFields: ['title'],
      }),
      source,
    },
  ],
];

async function get(query: string, options: RestOptions<Row>, headers: Record<string, string> = { host: 'api.test' }) {
  const response = await restResponse({ url: `/rows/?${query}`, headers }, options);
  return { status: response.status, body: JSON.parse(response.body) as unknown };
}

describe.each(styles)('bad input to the %s style', (_style, options) => {
  it.each([
    ['page=0'],
    ['page=-1'],
    ['page=abc'],
    ['page=2.0'],
    ['page=99'],
    ['page=LAST'],
    ['page=99999999999999999999999'],
    ['page_size=abc'],
    ['page_size=-5'],
    ['page_size=0'],
    ['page_size=1e3'],
    ['page_size=99999999999999999999'],
    ['limit=abc'],
    ['limit=-1'],
    ['limit=0'],
    ['offset=abc'],
    ['offset=-10'],
    ['offset=99999999999999999999'],
    ['cursor=123'],
    ['cursor=%25%25'],
    ['cursor=bz0tMQ%3D%3D'],
    ['cursor=cD1hYmM%3D'],
    ['cursor=' + 'A'.repeat(5000)],
    ['ordering=secret'],
    ['ordering=-created,nope'],
  ])('%s gets a DRF answer', async (query) => {
    const { status, body } = await get(query, options);
    expect([200, 400, 404]).toContain(status);
    if (status !== 200) expect(Object.keys(body as object)).toEqual(['detail']);
  });

  it('never answers 500 to any query string', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.constantFrom('last', 'max', '', '-0', '٣', '1_0', ' 2 ', 'bz01', 'cj0xJnA9Mw=='),
    );
    const param = fc.constantFrom('page', 'page_size', 'limit', 'offset', 'cursor', 'ordering');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(param, value), { maxLength: 4 }), async (pairs) => {
        const query = pairs.map(([key, text]) => `${key}=${encodeURIComponent(text)}`).join('&');
        const { status } = await get(query, options);
        return status === 200 || status === 400 || status === 404;
      }),
      { numRuns: 150 },
    );
  });
});

describe('DRF statuses and details', () => {
  const [, pageOptions] = styles[0]!;
  const [, cursorOptions] = styles[2]!;

  it.each([
    ['an invalid page', 'page=abc', pageOptions, 404, 'Invalid page.'],
    ['a page past the end', 'page=9', pageOptions, 404, 'Invalid page.'],
    ['an invalid cursor', 'cursor=123', cursorOptions, 404, 'Invalid cursor'],
    ['an unknown ordering field', 'ordering=secret', cursorOptions, 400, 'Cannot order by "secret"; allowed fields: created, title.'],
  ])('%s', async (_case, query, options, status, detail) => {
    expect(await get(query, options)).toEqual({ status, body: { detail } });
  });

  it('formats a custom invalid page message as DRF str.format does', async () => {
    const options = {
      ...pageOptions,
      pagination: pageNumberPagination({ pageSize: 5, invalidPageMessage: 'Page {page_number}: {message}' }),
    };
    expect(await get('page=x', options)).toEqual({ status: 404, body: { detail: 'Page x: That page number is not an integer' } });
  });

  it('ignores an unknown ordering with the ignore policy, as DRF OrderingFilter does', async () => {
    const options = {
      source,
      pagination: cursorPagination({ pageSize: 2, ordering: 'id', orderingFields: ['created'], onInvalidOrdering: 'ignore' as const }),
    };
    expect(await get('ordering=secret', options)).toMatchObject({ status: 200, body: { results: rows.slice(0, 2) } });
  });

  it('answers a bad Host header with 400', async () => {
    expect(await get('', pageOptions, { host: 'evil.test/<x>' })).toEqual({ status: 400, body: { detail: 'Invalid host header.' } });
  });

  it('answers another method with 405 and Allow', async () => {
    const response = await restResponse({ url: '/rows/', headers: { host: 'api.test' }, method: 'POST' }, pageOptions);
    expect(response).toEqual({
      status: 405,
      headers: { 'content-type': 'application/json', allow: 'GET, HEAD' },
      body: '{"detail":"Method \\"POST\\" not allowed."}',
    });
  });

  it.each([
    ['a source factory that throws', { ...pageOptions, source: () => Promise.reject(new Error('no tenant')) }],
    ['an ordering field the source lacks', { source, pagination: cursorPagination({ pageSize: 5, ordering: 'missing' }) }],
    [
      'a serializer that throws',
      {
        ...pageOptions,
        serialize: () => {
          throw new TypeError('bad row');
        },
      },
    ],
    ['a value JSON cannot hold', { ...pageOptions, serialize: () => BigInt(1) }],
  ])('hides %s behind a 500 and tells onError', async (_case, options) => {
    const heard: unknown[] = [];
    const response = await restResponse({ url: '/rows/', headers: { host: 'api.test' } }, {
      ...options,
      onError: (error) => heard.push(error),
    } as RestOptions<Row>);
    expect([response.status, response.body]).toEqual([500, '{"detail":"A server error occurred."}']);
    expect(heard).toHaveLength(1);
  });

  it('still answers when onError itself throws', async () => {
    const broken: PageSource<Row> = { ...source, count: () => Promise.reject(new Error('down')) };
    const options = {
      ...pageOptions,
      source: broken,
      onError: () => {
        throw new Error('logger down');
      },
    };
    expect(await get('', options)).toEqual({ status: 500, body: { detail: 'A server error occurred.' } });
  });
});

describe('options checked when a handler is defined', () => {
  const pagination = pageNumberPagination({ pageSize: 5 });
  it.each([
    ['an unknown shape', { pagination, source, shape: 'jsonapi' }],
    ['the rails shape on limit-offset', { pagination: limitOffsetPagination({ defaultLimit: 5 }), source, shape: 'rails' }],
    ['unknown links', { pagination, source, links: 'footer' }],
    ['an empty results key', { pagination, source, resultsKey: '' }],
    ['an origin with a path', { pagination, source, origin: 'https://api.example.org/v1' }],
    ['no pagination', { source }],
  ])('refuses %s', (_case, options) => {
    for (const define of [checkRestOptions, nodeHandler, expressHandler, fastifyHandler]) {
      expect(() => define(options as unknown as RestOptions<Row>)).toThrow(PaginationConfigError);
    }
  });
});

describe('options are checked once, not on every request', () => {
  const pagination = pageNumberPagination({ pageSize: 5 });
  const request = { url: '/rows/', headers: { host: 'api.test' } };
  // Counts every read of an option, so a check on each request would show as more reads.
  const watched = () => {
    const counter = { reads: 0 };
    const options = new Proxy<RestOptions<Row>>(
      { pagination, source },
      {
        get: (target, key, receiver) => {
          counter.reads += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    return { options, counter };
  };
  const readsOf = async (options: RestOptions<Row>, counter: { reads: number }) => {
    const before = counter.reads;
    expect((await restResponse(request, options)).status).toBe(200);
    return counter.reads - before;
  };

  it('a direct caller pays for the check on its first request only', async () => {
    const { options, counter } = watched();
    const first = await readsOf(options, counter);
    const second = await readsOf(options, counter);
    expect(second).toBeLessThan(first);
    expect(await readsOf(options, counter)).toBe(second);
  });

  it('options the glue checked are not checked again per request', async () => {
    const unchecked = watched();
    const withCheck = await readsOf(unchecked.options, unchecked.counter);
    const { options, counter } = watched();
    nodeHandler(options);
    const first = await readsOf(options, counter);
    expect(first).toBeLessThan(withCheck);
    expect(await readsOf(options, counter)).toBe(first);
  });

  it('a misconfigured options object rejects as the programmer error it is, not a 500 answer', async () => {
    const onError = jest.fn();
    const bad = { pagination, source, shape: 'jsonapi', onError } as unknown as RestOptions<Row>;
    await expect(restResponse(request, bad)).rejects.toThrow(PaginationConfigError);
    expect(onError).not.toHaveBeenCalled();
  });
});
