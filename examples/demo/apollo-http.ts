// Apollo Server 5 on a plain node:http server: the request is handed to executeHTTPGraphQLRequest,
// which needs no framework integration package. The body is bounded: a larger one is refused with
// 413 as soon as its Content-Length (or its running size) passes the limit, without buffering it.
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options of {@link apolloHandler}. */
export interface ApolloHandlerOptions {
  /** The largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

/** The default body limit: far above any real query, far below what could exhaust memory. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, or null as soon as it passes `limit` bytes (the rest is left unread). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading: the socket closes after the 413, so the client stops sending.
        req.pause();
        req.off('data', onData);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, message: string, code: string, close = false): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(close && { connection: 'close' }) });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A node:http handler for `server` (already started); `context` makes each request's context. */
export function apolloHandler<C extends BaseContext>(
  server: ApolloServer<C>,
  context: (req: IncomingMessage) => Promise<C>,
  options: ApolloHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const text = req.method === 'POST' ? await readBody(req, limit) : '';
    if (text === null) {
      sendJson(res, 413, `The request body is larger than ${limit} bytes.`, 'PAYLOAD_TOO_LARGE', true);
      return;
    }
    let body: unknown = text;
    if (text && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        sendJson(res, 400, 'The body is not valid JSON.', 'BAD_REQUEST');
        return;
      }
    }
    let search: string;
    try {
      search = new URL(req.url ?? '/', 'http://localhost').search;
    } catch {
      sendJson(res, 400, 'The request target is not a URL.', 'BAD_REQUEST');
      return;
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => context(req),
    });
    res.statusCode = response.status ?? 200;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
