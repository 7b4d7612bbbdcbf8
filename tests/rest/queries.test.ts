// Which source calls a REST request makes: the COUNT in parallel with the page for the styles whose
// body has a count, none for the cursor style, none when pagination is off.
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { restResponse, type RestOptions, type RestPagination } from 'pagewise/rest';

const rows = Array.from({ length: 30 }, (_, index) => ({ id: index + 1 }));

/** A source whose count and slice wait a tick, logging when each starts and ends. */
function recording(): { source: PageSource<{ id: number }>; log: string[] } {
  const log: string[] = [];
  const inner = arraySource(rows, { uniqueKey: 'id' });
  const timed =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      log.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name} end`);
      return run(...args);
    };
  return {
    log,
    source: { ...inner, count: timed('count', inner.count), slice: timed('slice', inner.slice), seek: timed('seek', inner.seek) },
  };
}

async function logOf(pagination: RestPagination, query = '', extra: Partial<RestOptions<{ id: number }>> = {}): Promise<string[]> {
  const { source, log } = recording();
  const response = await restResponse({ url: `/rows/${query}`, headers: { host: 'api.test' } }, { pagination, source, ...extra });
  expect(response.status).toBe(200);
  return log;
}

describe('source calls per request', () => {
  it.each([
    ['page-number', pageNumberPagination({ pageSize: 5 }), '?page=2'],
    ['limit-offset', limitOffsetPagination({ defaultLimit: 5 }), '?offset=5'],
  ])('%s starts the COUNT and the page together', async (_style, pagination, query) => {
    const log = await logOf(pagination, query);
    expect(log.slice(0, 2).sort()).toEqual(['count start', 'slice start']);
    expect(log.slice(2).sort()).toEqual(['count end', 'slice end']);
  });

  it('the cursor style never counts', async () => {
    expect(await logOf(cursorPagination({ pageSize: 5, ordering: 'id' }))).toEqual(['seek start', 'seek end']);
  });

  it.each<[string, RestPagination, string, Partial<RestOptions<{ id: number }>>]>([
    ['page-number off', pageNumberPagination(), '', {}],
    ['limit-offset off', limitOffsetPagination(), '?limit=0', {}],
    [
      'page_size=0 with the rails shape',
      pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size' }),
      '?page_size=0',
      { shape: 'rails' },
    ],
    ['?paginated=false with the commons shape', pageNumberPagination({ pageSize: 5 }), '?paginated=false', { shape: 'commons' }],
  ])('%s reads the whole list with one slice and no COUNT, as DRF #6098', async (_case, pagination, query, extra) => {
    expect(await logOf(pagination, query, extra)).toEqual(['slice start', 'slice end']);
  });
});
