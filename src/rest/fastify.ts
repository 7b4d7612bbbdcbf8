import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { restRequestOf } from './node-http';
import { checkRestOptions, type RestOptions } from './rest-options';
import { restResponse } from './rest-response';

/** What the handler reads of a Fastify 5 request. */
export interface FastifyRequestLike {
  readonly url: string;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: IncomingMessage;
}

/** What the handler uses of a Fastify 5 reply. */
export interface FastifyReplyLike {
  code(statusCode: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  serializer(serialize: (payload: string) => string): FastifyReplyLike;
  send(payload: string): FastifyReplyLike;
}

/** What the plugin uses of a Fastify 5 instance. */
export interface FastifyInstanceLike {
  get(path: string, handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<FastifyReplyLike>): unknown;
}

/** A Fastify 5 route handler: `app.get('/articles/', fastifyHandler({...}))`. */
export function fastifyHandler<T>(
  options: RestOptions<T>,
): (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<FastifyReplyLike> {
  checkRestOptions(options);
  return async (request, reply) => {
    const response = await restResponse(
      { ...restRequestOf(request.raw, request.url), method: request.method, headers: request.headers },
      options,
    );
    // The body is JSON text already. With a serializer of its own, Fastify neither re-encodes it nor
    // adds "; charset=utf-8" to DRF's content type.
    return reply
      .code(response.status)
      .headers({ ...response.headers })
      .serializer((payload) => payload)
      .send(response.body);
  };
}

/** A Fastify 5 plugin registering GET `path`: `app.register(fastifyPagination('/articles/', {...}))`. */
export function fastifyPagination<T>(
  path: string,
  options: RestOptions<T>,
): (instance: FastifyInstanceLike, _opts: unknown, done: () => void) => void {
  const handler = fastifyHandler(options);
  return (instance, _opts, done) => {
    instance.get(path, handler);
    done();
  };
}
