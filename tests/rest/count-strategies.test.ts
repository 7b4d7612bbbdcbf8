// The REST adapter's `count` option: DRF's `count` stays a number; a capped or estimated count says so
// beside it (pagewise's extension), and an exact one leaves DRF's body byte-identical.
import { limitOffsetPagination, pageNumberPagination, PaginationConfigError, cursorPagination } from 'pagewise';
import { checkRestOptions, restResponse, restResponseSchema, type RestOptions } from 'pagewise/rest';
import { ESTIMATE, sqlLikeSource } from '../support/sql-like-source';

const rows = Array.from({ length: 12 }, (_, index) => ({ id: index + 1 }));
const BASE = 'http://api.test/rows/';

const sqlLike = () => sqlLikeSource(rows);

async function text(query: string, options: RestOptions<{ id: number }>): Promise<string> {
  return (await restResponse({ url: `/rows/${query}`, headers: { host: 'api.test' } }, options)).body;
}

const results = (from: number, to: number): string => JSON.stringify(rows.slice(from - 1, to));

describe('REST count strategies', () => {
  const pagination = pageNumberPagination({ pageSize: 5 });
  it.each<readonly [string, RestOptions<{ id: number }>['count'], string]>([
    ['exact: DRF to the byte', undefined, `{"count":12,"next":"${BASE}?page=3","previous":"${BASE}","results":${results(6, 10)}}`],
    ['folded: DRF to the byte', 'folded', `{"count":12,"next":"${BASE}?page=3","previous":"${BASE}","results":${results(6, 10)}}`],
    [
      'capped below the total',
      { capped: 10 },
      `{"count":10,"count_capped":true,"next":"${BASE}?page=3","previous":"${BASE}","results":${results(6, 10)}}`,
    ],
    [
      'capped above the total: exact',
      { capped: 50 },
      `{"count":12,"next":"${BASE}?page=3","previous":"${BASE}","results":${results(6, 10)}}`,
    ],
    [
      'estimated',
      'estimated',
      `{"count":${ESTIMATE},"count_estimated":true,"next":"${BASE}?page=3","previous":"${BASE}","results":${results(6, 10)}}`,
    ],
  ])('%s', async (_, count, body) => {
    expect(await text('?page=2', { pagination, source: sqlLike(), count })).toBe(body);
  });

  it('takes the pagination’s own strategy, and an endpoint’s over it', async () => {
    const capped = limitOffsetPagination({ defaultLimit: 2, count: { capped: 3 } });
    expect(JSON.parse(await text('?offset=2', { pagination: capped, source: sqlLike() }))).toMatchObject({ count: 3, count_capped: true });
    expect(JSON.parse(await text('?offset=2', { pagination: capped, source: sqlLike(), count: 'exact' }))).not.toHaveProperty(
      'count_capped',
    );
  });

  it('says so in the Rails and commons bodies too', async () => {
    const rails = JSON.parse(await text('?page=2', { pagination, source: sqlLike(), count: 'estimated', shape: 'rails' })) as object;
    expect(Object.keys(rails).slice(0, 3)).toEqual(['count', 'count_estimated', 'page']);
    const commons = JSON.parse(await text('?page=2', { pagination, source: sqlLike(), count: { capped: 4 }, shape: 'commons' }));
    expect(commons).toMatchObject({ count: 4, count_capped: true });
  });

  it('gives a body hook the count’s kind', async () => {
    const body = await text('?page=2', {
      pagination,
      source: sqlLike(),
      count: { capped: 4 },
      body: (page) => ({ total: page.count, kind: page.countKind }),
    });
    expect(body).toBe('{"total":4,"kind":"capped"}');
  });

  it('refuses a bad count when the endpoint is defined', () => {
    expect(() => checkRestOptions({ pagination: cursorPagination(), source: sqlLike(), count: 'folded' })).toThrow(PaginationConfigError);
    expect(() => checkRestOptions({ pagination, source: sqlLike(), count: { capped: -1 } })).toThrow(/count \{ capped: N \}/);
  });

  it('documents the flag in the OpenAPI schema beside count, and nothing for an exact count', () => {
    const results = { type: 'array', items: {} };
    const keys = (schema: object) => Object.keys((schema as { properties: object }).properties);
    expect(keys(restResponseSchema({ pagination }, results))).toEqual(['count', 'next', 'previous', 'results']);
    expect(keys(restResponseSchema({ pagination, count: { capped: 9 } }, results))).toEqual([
      'count',
      'count_capped',
      'next',
      'previous',
      'results',
    ]);
    expect(keys(restResponseSchema({ pagination, count: 'estimated', shape: 'rails' }, results)).slice(0, 3)).toEqual([
      'count',
      'count_estimated',
      'page',
    ]);
  });
});
