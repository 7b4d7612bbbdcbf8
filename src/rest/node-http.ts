import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { errorResponse, type RestResponse } from './error-response';
import type { RestRequest } from './request-url';
import { checkRestOptions, type RestOptions } from './rest-options';
import { restResponse } from './rest-response';

/** What the glue reads of a node:http request (Express's and Fastify's raw requests are ones). */
export interface NodeRequestLike {
  readonly url?: string | undefined;
  /** Express keeps the URL before router mounting here; links need the full path. */
  readonly originalUrl?: string | undefined;
  readonly method?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly socket?: IncomingMessage['socket'] | null;
}

/** The adapter's view of a node:http request. */
export function restRequestOf(req: NodeRequestLike, url: string = req.originalUrl ?? req.url ?? '/'): RestRequest {
  return { url, headers: req.headers, method: req.method, encrypted: (req.socket as TLSSocket | null | undefined)?.encrypted === true };
}

/** Writes a response to a node:http `ServerResponse` (a HEAD request gets the headers only). */
export function sendRestResponse(res: ServerResponse, response: RestResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(response.body));
  res.end(response.body);
}

/**
 * A node:http request handler serving one paginated list: `http.createServer(nodeHandler({...}))`.
 * Options are checked here, once; the returned promise never rejects.
 */
export function nodeHandler<T>(options: RestOptions<T>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  checkRestOptions(options);
  return async (req, res) => {
    const request = restRequestOf(req);
    try {
      sendRestResponse(res, await restResponse(request, options));
    } catch (error) {
      // Only writing can fail here (restResponse never rejects); the handler's promise still never does.
      const fallback = errorResponse(error, request, options.onError);
      if (res.headersSent) res.destroy();
      else sendRestResponse(res, fallback);
    }
  };
}
