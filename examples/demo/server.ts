// One node:http server for the whole demo: the page at `/`, GraphQL at `/graphql` (the IDE for a
// browser), REST under `/api/`. The reference setup: a bounded body, a cost limit, generic messages
// for server faults, 400 for a request it cannot parse, keep-alive above load balancers' idle timeouts.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacSigner, type CursorMode } from 'pagewise';
import { costLimit } from 'pagewise/graphql';
import { apolloHandler, DEFAULT_MAX_BODY_BYTES } from './apollo-http';
import { demoErrorFormatter } from './graphql-errors';
import { demoSchema, type DemoContext } from './graphql-schema';
import { ideHtml, IDE_ASSET_PATH, sendIdeAsset, wantsIde } from './graphiql';
import { restRoutes } from './rest-routes';
import { webPage } from './web-page';

/** The secret cursors are signed with when none is given: fine on a laptop, public everywhere else. */
export const DEFAULT_CURSOR_SECRET = 'pagewise demo secret: set CURSOR_SECRET';

/** The most a GraphQL operation may cost (page sizes multiplied through nesting; see costLimit). */
export const DEMO_MAX_COST = 10_000;

/** Above the idle timeouts of common load balancers (AWS ALB 60 s), so they never reuse a closed socket. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The header naming the instance that answered (see {@link DemoOptions.instanceName}). */
export const INSTANCE_HEADER = 'x-pagewise-instance';

/** An endpoint of the demo, as the start banner and `/api/` list it. */
export interface DemoEndpoint {
  readonly path: string;
  readonly description: string;
}

/** A running demo. */
export interface Demo {
  readonly server: Server;
  /** `http://host:port` */
  readonly origin: string;
  /** Every endpoint, page and IDE included. */
  readonly endpoints: readonly DemoEndpoint[];
  /** Whether cursors are signed with {@link DEFAULT_CURSOR_SECRET} (main.ts warns). */
  readonly defaultSecret: boolean;
  close(): Promise<void>;
}

/** Options of {@link startDemo}. */
export interface DemoOptions {
  readonly port?: number;
  readonly host?: string;
  /** The HMAC secret of the cursors (at least 16 bytes). */
  readonly cursorSecret?: string;
  /** Secrets of a rotation still accepted (new cursors are signed with `cursorSecret`). */
  readonly previousSecrets?: readonly string[];
  /** The keyset mode of the article lists (default `exact`). */
  readonly cursorMode?: CursorMode;
  /** This instance's name, sent as the `x-pagewise-instance` header of every answer (several behind a balancer). */
  readonly instanceName?: string;
  /** The largest GraphQL request body, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Hears of each server fault a client only sees a generic message for (default console.error). */
  readonly onError?: (error: unknown) => void;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The request's path and query, or null when its target is not a URL (`GET http://[x/api/`). */
function targetOf(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** Starts the server over an open ORM. */
export async function startDemo(orm: MikroORM, options: DemoOptions = {}): Promise<Demo> {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const signer = hmacSigner(options.cursorSecret ?? DEFAULT_CURSOR_SECRET, { previous: options.previousSecrets ?? [] });
  const schema = demoSchema(signer, options.cursorMode);
  const apollo = new ApolloServer<DemoContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Validation (the cost limit included) runs before variables are known and is cached per document,
    // so an unset Int variable counts as its field's maximum.
    validationRules: [costLimit({ maximum: DEMO_MAX_COST })],
    formatError: demoErrorFormatter(onError),
    // The IDE is ours (GraphiQL from node_modules); Apollo's landing page loads Sandbox from a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    // main.ts owns SIGINT/SIGTERM and stops Apollo in order; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const graphql = apolloHandler(apollo, async () => ({ em: orm.em.fork() }), {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  const routes = restRoutes(orm, signer, options.cursorMode);
  const page = webPage(orm, schema, routes, onError);
  const endpoints: DemoEndpoint[] = [
    { path: '/', description: 'the page: three styles side by side, with their GraphQL, REST and SQL' },
    { path: '/graphql', description: 'GraphQL (POST or GET); a browser gets GraphiQL, served offline' },
    { path: '/api/', description: 'the REST endpoints' },
    ...Object.entries(routes).map(([path, { description }]) => ({ path, description })),
  ];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = targetOf(req);
    if (target === null) return json(res, 400, { detail: 'Bad request.' });
    const path = target.pathname;
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (path.startsWith(IDE_ASSET_PATH) && reading) {
      if (sendIdeAsset(path.slice(IDE_ASSET_PATH.length), res)) return;
      return json(res, 404, { detail: 'Not found.' });
    }
    if (path === '/graphql') {
      if (reading && wantsIde(req.headers.accept, target.search)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ideHtml());
        return;
      }
      return graphql(req, res);
    }
    if (!reading) return json(res, 405, { detail: `Method "${req.method}" not allowed.` });
    if (path === '/') return page(req, res);
    if (path === '/api' || path === '/api/') {
      return json(res, 200, Object.fromEntries(Object.entries(routes).map(([route, { description }]) => [route, description])));
    }
    const route = routes[path.replace(/\/$/, '')];
    if (route) return route.handler(req, res);
    return json(res, 404, { detail: 'Not found.' });
  };

  const server = createServer((req, res) => {
    if (options.instanceName !== undefined) res.setHeader(INSTANCE_HEADER, options.instanceName);
    handle(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) json(res, 500, { detail: 'A server error occurred.' });
      else res.end();
    });
  });
  // Node's 5 s default is below every balancer's idle timeout: the balancer would reuse a socket Node
  // is closing and answer 502. headersTimeout must stay above keepAliveTimeout.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    origin: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    endpoints,
    defaultSecret: options.cursorSecret === undefined,
    async close() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
