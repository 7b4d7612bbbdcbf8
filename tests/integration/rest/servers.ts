// Real servers on an ephemeral loopback port for the REST glue: node:http, Express 5, Fastify 5.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { expressHandler, fastifyHandler, fastifyPagination, nodeHandler, type RestOptions } from 'pagewise/rest';

/** A running server: its base URL (`http://127.0.0.1:port`) and how to stop it. */
export interface RunningServer {
  readonly base: string;
  close(): Promise<void>;
}

/** Serves `handler` with node:http on 127.0.0.1 and a free port. */
export async function listenNode(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One framework's way of serving a list at `path` (`/articles/`). */
export type ServeList = <T>(path: string, options: RestOptions<T>) => Promise<RunningServer>;

export const serveWithNode: ServeList = (path, options) => {
  const handler = nodeHandler(options);
  return listenNode((req, res) => {
    if ((req.url ?? '/').split('?')[0] === path) void handler(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
};

export const serveWithExpress: ServeList = async (path, options) => {
  const app = express();
  // Mounted under a prefix so the glue must read originalUrl to keep the full path in links.
  const [prefix, rest] = splitPrefix(path);
  const router = express.Router();
  router.get(rest, expressHandler(options));
  app.use(prefix, router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

export const serveWithFastify: ServeList = async (path, options) => {
  const app = Fastify();
  app.get(path, fastifyHandler(options));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
};

export const serveWithFastifyPlugin: ServeList = async (path, options) => {
  const app = Fastify();
  await app.register(fastifyPagination(path, options));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
};

function splitPrefix(path: string): [string, string] {
  const second = path.indexOf('/', 1);
  return second < 0 || second === path.length - 1 ? ['/', path] : [path.slice(0, second), path.slice(second)];
}
