// The demo over real HTTP: REST in each style, GraphQL in each style and shape, nested connections,
// client ordering, signed cursors shared by GraphQL and REST, coded errors, and the page at `/`.
import { runDemo, type RunningDemo } from './demo-server';

let running: RunningDemo;
beforeAll(async () => {
  running = await runDemo();
});
afterAll(async () => running?.stop());

const get = async (path: string) => {
  const response = await fetch(running.demo.origin + path);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, asserted field by field
type Data = Record<string, any>;
const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${running.demo.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Data;
    errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
  };
};

describe('demo REST', () => {
  it('lists its endpoints', async () => {
    const { status, body } = await get('/api/');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['/api/articles', '/api/articles/cursor', '/api/articles/offset', '/api/articles/linked']);
  });

  it('serves DRF page-number bodies with absolute links', async () => {
    const { body } = await get('/api/articles?page=2&page_size=3');
    expect(body).toMatchObject({
      count: 250,
      next: `${running.demo.origin}/api/articles?page=3&page_size=3`,
      previous: `${running.demo.origin}/api/articles?page_size=3`,
    });
    expect((body['results'] as Array<{ id: number }>).map((row) => row.id)).toEqual([247, 246, 245]);
  });

  it('serves limit-offset and cursor bodies; the cursor has no count', async () => {
    const offset = await get('/api/articles/offset?limit=2&offset=4');
    expect(Object.keys(offset.body)).toEqual(['count', 'next', 'previous', 'results']);
    const cursor = await get('/api/articles/cursor?page_size=2&ordering=-views,id');
    expect(cursor.status).toBe(200);
    expect(Object.keys(cursor.body)).toEqual(['next', 'previous', 'results']);
    const views = (cursor.body['results'] as Array<{ views: number }>).map((row) => row.views);
    expect(views[0]).toBeGreaterThanOrEqual(views[1]!);
  });

  it('answers bad input with DRF statuses, never a 500', async () => {
    expect(await get('/api/articles?page=0')).toMatchObject({ status: 404, body: { detail: 'Invalid page.' } });
    expect(await get('/api/articles/cursor?cursor=bm9wZQ==')).toMatchObject({ status: 404, body: { detail: 'Invalid cursor' } });
    expect((await get('/api/articles/cursor?ordering=password')).status).toBe(400);
    expect(await get('/api/nothing')).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
  });

  it('orders by the names the body uses (created_at), and keeps them in the links', async () => {
    const created = await get('/api/articles?ordering=created_at&page_size=2');
    expect(created.status).toBe(200);
    expect((created.body['results'] as Array<{ id: number; created_at: string }>).map((row) => row.id)).toEqual([1, 2]);
    expect(created.body['next']).toBe(`${running.demo.origin}/api/articles?ordering=created_at&page=2&page_size=2`);
    const cursor = await get('/api/articles/cursor?ordering=-created_at&page_size=2');
    expect(new URL(cursor.body['next'] as string).searchParams.get('ordering')).toBe('-created_at');
    const offset = await get('/api/articles/offset?ordering=-views,created_at&limit=3');
    const views = (offset.body['results'] as Array<{ views: number }>).map((row) => row.views);
    expect(views).toEqual([...views].sort((a, b) => b - a));
    // The entity's spelling is GraphQL's, not REST's.
    expect(await get('/api/articles/cursor?ordering=-createdAt')).toMatchObject({
      status: 400,
      body: { detail: 'Cannot order by "createdAt"; allowed fields: created_at, views, title, id.' },
    });
  });

  it('shares a cursor between REST and GraphQL under a client ordering too', async () => {
    const rest = await get('/api/articles/cursor?ordering=views&page_size=3');
    const next = new URL(rest.body['next'] as string).searchParams.get('cursor');
    const continued = await graphql(
      'query($after: String) { articles(first: 3, after: $after, ordering: ["views"]) { edges { node { databaseId } } } }',
      {
        after: next,
      },
    );
    expect(continued.errors).toBeUndefined();
    const restNext = await get(`/api/articles/cursor?ordering=views&page_size=3&cursor=${encodeURIComponent(next!)}`);
    expect(continued.data!['articles'].edges.map((edge: { node: { databaseId: number } }) => edge.node.databaseId)).toEqual(
      (restNext.body['results'] as Array<{ id: number }>).map((row) => row.id),
    );
  });

  it('puts links in a Link header on the linked variant', async () => {
    const { headers } = await get('/api/articles/linked?page_size=2');
    expect(headers.get('link')).toMatch(/rel="next"/);
  });
});

describe('demo GraphQL', () => {
  it('serves every style in both shapes', async () => {
    const { data, errors } = await graphql(`
      {
        articles(first: 2) {
          totalCount
          edges {
            node {
              databaseId
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
          }
        }
        articleFeed(first: 2) {
          results {
            databaseId
          }
          next
          previous
        }
        articlesByPage(page: 2, pageSize: 2) {
          edges {
            node {
              databaseId
            }
          }
          pageInfo {
            page
            totalPages
          }
        }
        articlePages(page: "last", pageSize: 100) {
          results {
            databaseId
          }
          count
        }
        articlesByOffset(limit: 2, offset: 2) {
          nodes {
            databaseId
          }
        }
        articleOffsets(limit: 2, offset: 248) {
          results {
            databaseId
          }
          next
          previous
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data!['articles']).toEqual({
      totalCount: 250,
      edges: [{ node: { databaseId: 250 } }, { node: { databaseId: 249 } }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    expect(data!['articleFeed'].results).toHaveLength(2);
    expect(data!['articleFeed'].previous).toBeNull();
    expect(data!['articlesByPage']).toEqual({
      edges: [{ node: { databaseId: 248 } }, { node: { databaseId: 247 } }],
      pageInfo: { page: 2, totalPages: 125 },
    });
    expect(data!['articlePages'].results).toHaveLength(50);
    expect(data!['articlesByOffset'].nodes).toHaveLength(2);
    expect(data!['articleOffsets']).toMatchObject({ next: null, previous: '246' });
  });

  it('resolves nested connections: author → articles → comments', async () => {
    const { data, errors } = await graphql(
      '{ authors(first: 2) { edges { node { name articles(first: 2) { edges { node { id comments(first: 1) { totalCount } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!['authors'].edges).toHaveLength(2);
    expect(data!['authors'].edges[0].node.articles.edges.length).toBeGreaterThan(0);
  });

  it('continues a GraphQL walk in REST with the same cursor, and back', async () => {
    const first = await graphql('{ articles(first: 3) { edges { node { databaseId } } pageInfo { endCursor } } }');
    const cursor = first.data!['articles'].pageInfo.endCursor as string;
    const rest = await get(`/api/articles/cursor?page_size=3&cursor=${encodeURIComponent(cursor)}`);
    const restIds = (rest.body['results'] as Array<{ id: number }>).map((row) => row.id);
    const back = new URL(rest.body['next'] as string).searchParams.get('cursor');
    const again = await graphql('query($after: String) { articles(first: 3, after: $after) { edges { node { databaseId } } } }', {
      after: back,
    });
    const ids = [...first.data!['articles'].edges, ...again.data!['articles'].edges].map(
      (edge: { node: { databaseId: number } }) => edge.node.databaseId,
    );
    expect([...ids.slice(0, 3), ...restIds, ...ids.slice(3)]).toEqual([250, 249, 248, 247, 246, 245, 244, 243, 242]);
  });

  it('rejects tampered cursors and bad arguments with coded errors, and keeps serving', async () => {
    const page = await graphql('{ articles(first: 1) { pageInfo { endCursor } } }');
    const cursor = page.data!['articles'].pageInfo.endCursor as string;
    const tampered = cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11);
    const bad = await graphql('query($after: String) { articles(first: 1, after: $after) { totalCount } }', { after: tampered });
    expect(bad.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).not.toMatch(/stack|at .*\.ts/);
    const negative = await graphql('{ articles(last: -1) { totalCount } }');
    expect(negative.errors?.[0]?.extensions['code']).toBe('BAD_USER_INPUT');
    expect((await graphql('{ articles(first: 1) { totalCount } }')).data!['articles'].totalCount).toBe(250);
  });
});

describe('demo page', () => {
  const page = async (path: string) => {
    const response = await fetch(running.demo.origin + path);
    return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
  };
  const idsIn = (html: string, style: string): number[] => {
    const section = html.split(`<section class="style" id="${style}"`)[1]!.split('</section>')[0]!;
    return [...section.matchAll(/<tr><td>(\d+)<\/td>/g)].map((match) => Number(match[1]));
  };

  it("shows the three styles over the same rows, with the REST adapter's controls", async () => {
    const { type, html } = await page('/?page=3');
    expect(type).toMatch(/text\/html/);
    expect(html).toContain('250 articles, page 3');
    expect(html).toContain('aria-current="page"');
    const expected = [230, 229, 228, 227, 226, 225, 224, 223, 222, 221];
    expect(idsIn(html, 'page-number')).toEqual(expected);
    expect(idsIn(html, 'limit-offset')).toEqual(expected);
    expect(idsIn(html, 'cursor')).toEqual(expected);
    // The SQL each ran: OFFSET for the first two, a keyset WHERE for the cursor.
    expect(html).toMatch(/limit 11 offset 20/);
    expect(html).toMatch(/where \(\(`e`\.`created_at`, `e`\.`id`\) &lt;= \(/);
    expect(html).toContain('/api/articles/offset?limit=10&amp;offset=20');
  });

  it('honours ?page_size= as its links do', async () => {
    const { html } = await page('/?page=2&page_size=5');
    expect(idsIn(html, 'page-number')).toEqual([245, 244, 243, 242, 241]);
    expect(idsIn(html, 'cursor')).toEqual([245, 244, 243, 242, 241]);
    expect(html).toContain('250 articles, page 2');
    expect(html).toMatch(/href="[^"]*\?page=3&amp;page_size=5"/);
  });

  it('walks all three together with next and previous, the cursor column on its own cursor', async () => {
    const first = await page('/?page_size=4');
    const next = /id="walk-next" href="([^"]+)"/.exec(first.html)![1]!.replace(/&amp;/g, '&');
    expect(new URL(next, running.demo.origin).searchParams.get('cursor')).toBeTruthy();
    const second = await page(next);
    expect(second.html).not.toContain('Reached by following next');
    expect(idsIn(second.html, 'cursor')).toEqual([246, 245, 244, 243]);
    expect(idsIn(second.html, 'limit-offset')).toEqual([246, 245, 244, 243]);
    // The cursor shown is the one GraphQL and REST both give.
    const shared = /id="shared-cursor".*<code>([^<]+)<\/code><\/p>/.exec(second.html)![1]!;
    const rest = await get(
      '/api/articles/cursor?page_size=4&cursor=' + encodeURIComponent(new URL(next, running.demo.origin).searchParams.get('cursor')!),
    );
    expect(new URL(rest.body['next'] as string).searchParams.get('cursor')).toBe(shared);
  });

  it.each([
    ['/?page=0', 404, 'Invalid page.'],
    ['/?page=99', 404, 'Invalid page.'],
    ['/?page=2&cursor=bm9wZQ==', 404, 'Invalid cursor'],
  ])('answers %s with a readable HTML error', async (path, status, detail) => {
    const answer = await page(path);
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/text\/html/);
    expect(answer.html).toContain(`<p id="error">${detail}</p>`);
  });
});

describe('demo GraphQL IDE', () => {
  it('serves GraphiQL to a browser from its own files, nothing from a CDN', async () => {
    const response = await fetch(`${running.demo.origin}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(['/graphql/ide/graphiql.css', '/graphql/ide/react.js', '/graphql/ide/react-dom.js', '/graphql/ide/graphiql.js']);
    for (const asset of assets) expect((await fetch(running.demo.origin + asset)).status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('still answers a GraphQL GET', async () => {
    const response = await fetch(`${running.demo.origin}/graphql?query=${encodeURIComponent('{ articles(first: 1) { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { articles: { totalCount: 250 } } });
  });
});
