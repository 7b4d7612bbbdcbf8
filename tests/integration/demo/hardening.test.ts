// The demo as the reference setup users copy, attacked over real HTTP: a costly query is refused
// with its cost named, a huge body is refused unread, a server fault reaches a client as one generic
// coded message (pagination errors keep theirs), a request target that is not a URL is a 400, and
// Article.author is one query per page.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { runDemo, type RunningDemo } from './demo-server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, asserted field by field
type Data = Record<string, any>;
interface GraphQLAnswer {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
}

async function graphql(running: RunningDemo, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(`${running.demo.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
}

/** The status line of a raw request (for targets and hosts fetch refuses to send). */
function rawStatus(running: RunningDemo, head: string): Promise<string> {
  const { port } = new URL(running.demo.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text.split('\r\n', 1)[0]!));
    socket.on('error', reject);
  });
}

/**
 * POSTs up to `total` bytes to /graphql in 64 KiB chunks, stopping when the answer arrives; the bytes
 * sent by then show whether the server read the body before answering.
 */
function hugePost(running: RunningDemo, total: number, declareLength: boolean): Promise<{ status: number; sent: number }> {
  const { port } = new URL(running.demo.origin);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({
      host: '127.0.0.1',
      port: Number(port),
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declareLength ? { 'content-length': total } : {}) },
    });
    req.on('response', (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status, sent });
      });
    });
    // The server closes the socket after its 413: writing on is then an EPIPE, expected here.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = (): void => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('demo hardening', () => {
  let running: RunningDemo;
  beforeAll(async () => {
    running = await runDemo(120);
  });
  afterAll(async () => running?.stop());

  it('refuses 1,000 aliases of articles(first: 100) with QUERY_TOO_COSTLY, naming cost and limit', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: articles(first: 100) { totalCount }`).join('\n');
    const answer = await graphql(running, `{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      {
        message: 'The query costs 100000, above the maximum of 10000: ask for smaller pages or fewer nested connections.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'QUERY_TOO_COSTLY', cost: 100_000, maximum: 10_000 },
      },
    ]);
  });

  it('refuses articles → author → articles → author → articles, naming the cost', async () => {
    const answer = await graphql(
      running,
      '{ articles(first: 50) { edges { node { author { articles(first: 10) { edges { node { author { articles(first: 10) { edges { node { id } } } } } } } } } } } }',
    );
    // innermost 10 × 3; author 31, node 32, edges 33; middle 10 × 33 = 330; … top 50 × 333
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 16_650, maximum: 10_000 });
    expect(answer.errors?.[0]?.message).toMatch(/costs 16650, above the maximum of 10000/);
  });

  it('counts an unset Int variable as its field’s maximum', async () => {
    const query = 'query($n: Int) { articles(first: $n) { edges { node { author { articles(first: $n) { edges { node { id } } } } } } } }';
    const answer = await graphql(running, query, { n: 1 });
    // Validation runs before variables are known: 100 × (3 + 50 × 3).
    expect(answer.errors?.[0]?.extensions['cost']).toBe(15_300);
  });

  it.each([
    ['with a Content-Length', true],
    ['chunked, without one', false],
  ])(
    'refuses a 64 MB POST (%s) with 413 before reading it',
    async (_name, declareLength) => {
      const total = 64 * 1024 * 1024;
      const { status, sent } = await hugePost(running, total, declareLength);
      expect(status).toBe(413);
      // The answer came while most of the body was still unsent: the server stopped reading at 1 MiB
      // (what was sent beyond it sits in socket buffers, a few MiB at most).
      expect(sent).toBeLessThan(16 * 1024 * 1024);
      // And it keeps serving.
      expect((await graphql(running, '{ articles(first: 1) { totalCount } }')).data).toEqual({ articles: { totalCount: 120 } });
    },
    30_000,
  );

  it.each([
    ['an absolute target that is not a URL', 'GET http://[x/api/articles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
    ['a malformed Host on a REST route', 'GET /api/articles HTTP/1.1\r\nHost: [x\r\nConnection: close\r\n\r\n'],
    ['a malformed Host on the page', 'GET / HTTP/1.1\r\nHost: [x\r\nConnection: close\r\n\r\n'],
    ['a bad target on /graphql', 'GET http://[x/graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
  ])('answers %s with 400', async (_name, head) => {
    expect(await rawStatus(running, head)).toBe('HTTP/1.1 400 Bad Request');
  });

  it('loads the authors of a page of articles in one query, not one per article', async () => {
    running.sql.length = 0;
    const answer = await graphql(running, '{ articles(first: 40) { edges { node { id author { id name } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['articles'].edges).toHaveLength(40);
    const authorQueries = running.sql.filter((line) => line.includes('[query]') && /from [`"]author[`"]/.test(line));
    expect(authorQueries).toHaveLength(1);
    expect(authorQueries[0]).toMatch(/where [`"]a0[`"]\.[`"]id[`"] in \(/);
  });

  it('keeps idle connections above load balancers’ 60 s (65 s, headers timeout above it)', async () => {
    expect(running.demo.server.keepAliveTimeout).toBe(65_000);
    expect(running.demo.server.headersTimeout).toBeGreaterThan(65_000);
    const response = await fetch(`${running.demo.origin}/api/articles?page_size=1`);
    await response.text();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });
});

describe('demo hardening: server faults', () => {
  let running: RunningDemo;
  beforeAll(async () => {
    running = await runDemo(30);
  });
  afterAll(async () => running?.stop());

  it('answers a SQL error with one generic coded message, logs the original, and keeps pagination codes', async () => {
    const page = await graphql(running, '{ articles(first: 1) { pageInfo { endCursor } } }');
    const cursor = page.data!['articles'].pageInfo.endCursor as string;
    // The authors table disappears under the running server: Article.author's query now fails in SQLite.
    await running.orm.em.fork().getConnection().execute('alter table author rename to author_gone');
    const answer = await graphql(running, '{ articles(first: 2) { edges { node { id author { name } } } } }');
    // Both authors fail; the non-null field nulls the connection, so graphql-js reports the first.
    expect(answer.errors).toEqual([
      {
        message: 'Internal server error.',
        locations: [{ line: 1, column: 42 }],
        path: ['articles', 'edges', 0, 'node', 'author'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/no such table|select|author_gone|sqlite/i);
    expect(String(running.faults[0])).toMatch(/no such table: author/);

    const tampered = cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11);
    const bad = await graphql(running, 'query($after: String) { articles(first: 1, after: $after) { totalCount } }', { after: tampered });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', paginationCode: 'INVALID_CURSOR', argumentName: 'after' });
  });

  it('answers a SQL error on REST and on the page without SQL', async () => {
    await running.orm.em.fork().getConnection().execute('alter table article rename to article_gone');
    const rest = await fetch(`${running.demo.origin}/api/articles`);
    expect(rest.status).toBe(500);
    expect(await rest.json()).toEqual({ detail: 'A server error occurred.' });
    const page = await fetch(`${running.demo.origin}/`);
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('A server error occurred.');
    expect(html).not.toMatch(/no such table|select /i);
  });
});
