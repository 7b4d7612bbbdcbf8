// One suite through every glue over real HTTP: node:http, Express 5 (mounted under a router prefix)
// and Fastify 5.
import { cursorPagination, PaginationError, pageNumberPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeHandler, type RestOptions } from 'pagewise/rest';
import { serveWithExpress, serveWithFastify, serveWithFastifyPlugin, serveWithNode, type RunningServer, type ServeList } from './servers';

interface Article {
  readonly id: number;
  readonly title: string;
  readonly created: number;
  readonly secret: string;
}

const articles: Article[] = Array.from({ length: 23 }, (_, index) => ({
  id: index + 1,
  title: `Article ${index + 1}`,
  // Ties on purpose: the exact cursor mode must still see every row once.
  created: Math.floor(index / 3),
  secret: 'not for clients',
}));
const serialize = ({ id, title }: Article) => ({ id, title });
const PATH = '/api/articles/';

const frameworks: Array<[string, ServeList]> = [
  ['node:http', serveWithNode],
  ['Express 5', serveWithExpress],
  ['Fastify 5', serveWithFastify],
  ['a Fastify 5 plugin', serveWithFastifyPlugin],
];

describe.each(frameworks)('REST adapter through %s', (_name, serve) => {
  const servers: RunningServer[] = [];
  const start = async <T>(options: RestOptions<T>): Promise<string> => {
    const server = await serve(PATH, options);
    servers.push(server);
    return server.base;
  };
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  const pageNumber = {
    pagination: pageNumberPagination({ pageSize: 5, pageSizeQueryParam: 'page_size', maxPageSize: 10 }),
    source: arraySource(articles),
    serialize,
  };
  const cursor = {
    pagination: cursorPagination({ pageSize: 4, ordering: '-created', orderingFields: ['created', 'title'] }),
    source: arraySource(articles, { uniqueKey: 'id' }),
    serialize,
  };

  it('serves a page-number page with DRF links, the query re-sorted and re-encoded', async () => {
    const base = await start(pageNumber);
    const response = await fetch(`${base}${PATH}?zeta=1&page=2&Alpha=a%20b`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      count: 23,
      next: `${base}${PATH}?Alpha=a+b&page=3&zeta=1`,
      previous: `${base}${PATH}?Alpha=a+b&zeta=1`,
      results: articles.slice(5, 10).map(serialize),
    });
  });

  it('answers a bad page with 404 and DRF detail', async () => {
    const base = await start(pageNumber);
    const responses = await Promise.all(
      ['page=0', 'page=6', 'page=abc', 'page=2.0', 'page=LAST'].map((query) => fetch(`${base}${PATH}?${query}`)),
    );
    expect(await Promise.all(responses.map(async (response) => [response.status, await response.json()]))).toEqual(
      Array(5).fill([404, { detail: 'Invalid page.' }]),
    );
  });

  it('walks a cursor list forward and back through the links, every row exactly once', async () => {
    const base = await start(cursor);
    const forward: number[] = [];
    let url: string | null = `${base}${PATH}`;
    let last = '';
    while (url) {
      const body = (await (await fetch(url)).json()) as { next: string | null; results: Array<{ id: number }> };
      forward.push(...body.results.map(({ id }) => id));
      last = url;
      url = body.next;
    }
    const expected = [...articles].sort((a, b) => b.created - a.created || b.id - a.id).map(({ id }) => id);
    expect(forward).toEqual(expected);

    const backward: number[][] = [];
    url = last;
    while (url) {
      const body = (await (await fetch(url)).json()) as { previous: string | null; results: Array<{ id: number }> };
      backward.unshift(body.results.map(({ id }) => id));
      url = body.previous;
    }
    expect(backward.flat()).toEqual(expected);
  });

  it.each([
    ['a cursor that is not base64', 'cursor=123', 404, 'Invalid cursor'],
    ['a cursor whose offset is negative', 'cursor=bz0tMQ%3D%3D', 404, 'Invalid cursor'],
    ['an unknown ordering field', 'ordering=secret', 400, 'Cannot order by "secret"; allowed fields: created, title.'],
  ])('answers %s with DRF status and detail', async (_case, query, status, detail) => {
    const base = await start(cursor);
    const response = await fetch(`${base}${PATH}?${query}`);
    expect([response.status, await response.json()]).toEqual([status, { detail }]);
  });

  it('refuses a cursor made for another ordering', async () => {
    const base = await start(cursor);
    const { next } = (await (await fetch(`${base}${PATH}?ordering=title`)).json()) as { next: string };
    const reused = new URL(next);
    reused.searchParams.set('ordering', '-created');
    const response = await fetch(reused);
    expect([response.status, await response.json()]).toEqual([404, { detail: 'Invalid cursor' }]);
  });

  it('hides a failing source behind a 500 without a stack trace and tells onError', async () => {
    const errors: unknown[] = [];
    const broken: PageSource<Article> = {
      ...arraySource(articles),
      slice: () => Promise.reject(new Error('connection refused at db.internal:5432')),
    };
    const base = await start({ ...pageNumber, source: broken, onError: (error) => errors.push(error) });
    const response = await fetch(`${base}${PATH}`);
    expect([response.status, await response.text()]).toEqual([500, '{"detail":"A server error occurred."}']);
    expect(errors).toEqual([new Error('connection refused at db.internal:5432')]);
  });

  it('answers an unavailable source with 503', async () => {
    const down: PageSource<Article> = {
      ...arraySource(articles),
      count: () => Promise.reject(new PaginationError('SOURCE_UNAVAILABLE', 'pool exhausted')),
    };
    const base = await start({ ...pageNumber, source: down });
    const response = await fetch(`${base}${PATH}`);
    expect([response.status, await response.json()]).toEqual([503, { detail: 'Service temporarily unavailable, try again later.' }]);
  });

  it('puts links in a Link header when asked, the count in X-Total-Count', async () => {
    const base = await start({ ...pageNumber, links: 'header' as const });
    const response = await fetch(`${base}${PATH}?page=3`);
    expect(response.headers.get('link')).toBe(
      `<${base}${PATH}?page=4>; rel="next", <${base}${PATH}?page=2>; rel="prev", <${base}${PATH}>; rel="first", <${base}${PATH}?page=5>; rel="last"`,
    );
    expect(response.headers.get('x-total-count')).toBe('23');
    expect(await response.json()).toEqual(articles.slice(10, 15).map(serialize));
  });

  it('builds links from X-Forwarded-Proto and X-Forwarded-Host only when trusted', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.org, proxy.internal' };
    const trusted = await start({ ...pageNumber, trustProxy: true });
    const untrusted = await start(pageNumber);
    const [viaProxy, direct] = await Promise.all(
      [trusted, untrusted].map(async (base) => (await (await fetch(`${base}${PATH}`, { headers })).json()) as { next: string }),
    );
    expect([viaProxy!.next, direct!.next]).toEqual([`https://api.example.org${PATH}?page=2`, `${untrusted}${PATH}?page=2`]);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const base = await start(pageNumber);
    const response = await fetch(`${base}${PATH}`, { method: 'HEAD' });
    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([200, 'application/json', '']);
  });
});

describe('the node:http handler', () => {
  it('answers 500 and tells onError when writing the response fails, and never rejects', async () => {
    const heard: unknown[] = [];
    const handler = nodeHandler({
      pagination: pageNumberPagination({ pageSize: 5 }),
      source: arraySource(articles),
      onError: (error) => heard.push(error),
    });
    const written: Array<[string, unknown]> = [];
    let failures = 1;
    const res = {
      headersSent: false,
      statusCode: 0,
      setHeader(name: string, value: unknown) {
        if (failures-- > 0) throw new TypeError('Invalid character in header content');
        written.push([name, value]);
      },
      end(body: string) {
        written.push(['body', body]);
      },
      destroy() {},
    };
    await expect(
      handler({ url: '/', headers: { host: 'api.test' } } as IncomingMessage, res as unknown as ServerResponse),
    ).resolves.toBeUndefined();
    expect([res.statusCode, written]).toEqual([
      500,
      [
        ['content-type', 'application/json'],
        ['content-length', 37],
        ['body', '{"detail":"A server error occurred."}'],
      ],
    ]);
    expect(heard).toEqual([new TypeError('Invalid character in header content')]);
  });
});
