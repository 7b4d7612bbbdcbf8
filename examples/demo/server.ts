// One node:http server for the whole demo: the page at `/`, GraphQL at `/graphql`, REST under `/api/`.
import { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacSigner } from 'pagewise';
import { formatPaginationError } from 'pagewise/graphql';
import { apolloHandler } from './apollo-http';
import { demoSchema, type DemoContext } from './graphql-schema';
import { restRoutes } from './rest-routes';
import { webPage } from './web-page';

/** A running demo. */
export interface Demo {
  readonly server: Server;
  /** `http://host:port` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Options of {@link startDemo}. */
export interface DemoOptions {
  readonly port?: number;
  readonly host?: string;
  /** The HMAC secret of the cursors (at least 16 bytes). */
  readonly cursorSecret?: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Starts the server over an open ORM. */
export async function startDemo(orm: MikroORM, options: DemoOptions = {}): Promise<Demo> {
  const signer = hmacSigner(options.cursorSecret ?? 'pagewise demo secret: set CURSOR_SECRET');
  const apollo = new ApolloServer<DemoContext>({
    schema: demoSchema(signer),
    includeStacktraceInErrorResponses: false,
    formatError: formatPaginationError,
    // main.ts owns SIGINT/SIGTERM and stops Apollo in order; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const graphql = apolloHandler(apollo, async () => ({ em: orm.em.fork() }));
  const routes = restRoutes(orm, signer);
  const page = webPage(orm);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/graphql') return graphql(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { detail: `Method "${req.method}" not allowed.` });
    if (path === '/') return page(req, res);
    if (path === '/api' || path === '/api/') {
      return json(res, 200, Object.fromEntries(Object.entries(routes).map(([route, { description }]) => [route, description])));
    }
    const route = routes[path.replace(/\/$/, '')];
    if (route) return route.handler(req, res);
    return json(res, 404, { detail: 'Not found.' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) json(res, 500, { detail: 'A server error occurred.' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    origin: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    async close() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
