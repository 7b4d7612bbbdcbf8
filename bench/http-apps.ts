// The node side of bench/http-throughput, one node:http listener: pagewise's REST adapter and GraphQL
// field (under /pw/) and the hand-written endpoints that do the same work by hand (under /hand/): the
// same SQL (checked by the bench), the same entities, the same JSON bodies and links.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type CursorMode } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { nodeHandler } from 'pagewise/rest';
import { ArticleEntity, serializeArticle, type Article } from './fixtures';
import { handCursors, handWrittenSchema, pagewiseSchema, sameSql } from './hand-written';

/** Rows a page on every endpoint. */
export const PAGE_SIZE = 20;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const json = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

/** A GraphQL POST endpoint over `schema`: the JSON body's query and variables, a forked em per request. */
function graphqlEndpoint(schema: GraphQLSchema, em: SqlEntityManager): Listener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Record<string, unknown> };
      Promise.resolve(execute({ schema, document: parse(query), variableValues: variables ?? null, contextValue: { em: em.fork() } }))
        .then((result) => json(res, 200, result))
        .catch(() => json(res, 500, { errors: [{ message: 'Internal error' }] }));
    });
  };
}

/** The hand-written DRF-shaped endpoints: keyset cursor, page number (count + page) and limit-offset. */
function handEndpoints(em: SqlEntityManager): Record<string, Listener> {
  const cursors = handCursors(false);
  const origin = (req: IncomingMessage) => `http://${req.headers.host ?? 'localhost'}`;
  const ordered = () =>
    em
      .getKnex()('article as e')
      .select('e.*')
      .orderBy([
        { column: 'e.created', order: 'desc' },
        { column: 'e.id', order: 'desc' },
      ]);
  const rowsOf = async (query: ReturnType<typeof ordered>, fork: SqlEntityManager): Promise<Article[]> =>
    (await fork.getConnection().execute<Article[]>(query, [], 'all')).map((row) => fork.map(ArticleEntity, row));
  const count = async (fork: SqlEntityManager): Promise<number> =>
    Number(
      (await fork.getConnection().execute<Array<{ count: number }>>(fork.getKnex()('article as e').count('* as count'), [], 'all'))[0]!
        .count,
    );
  const failed = (res: ServerResponse) => () => json(res, 404, { detail: 'Invalid page.' });
  return {
    cursor: (req, res) => {
      const url = new URL(req.url ?? '/', origin(req));
      const fork = em.fork();
      const given = url.searchParams.get('cursor');
      const after = given ? cursors.decode(given) : null;
      sameSql(fork, after, PAGE_SIZE)
        .then(({ rows, before }) => {
          const page = rows.slice(0, PAGE_SIZE);
          const link = (cursor: string) => `${origin(req)}${url.pathname}?cursor=${encodeURIComponent(cursor)}`;
          json(res, 200, {
            next: rows.length > PAGE_SIZE ? link(cursors.encode(page[page.length - 1]!)) : null,
            previous: before ? link(`r${cursors.encode(page[0]!)}`) : null,
            results: page.map(serializeArticle),
          });
        })
        .catch(failed(res));
    },
    pages: (req, res) => {
      const url = new URL(req.url ?? '/', origin(req));
      // Count and page at once, as a hand-written endpoint would (pagewise reads the page, then counts).
      const fork = em.fork();
      const number = Number(url.searchParams.get('page') ?? '1');
      const offset = (number - 1) * PAGE_SIZE;
      // One row past the page, as pagewise reads it (it knows a next page exists without the count).
      Promise.all([
        count(fork),
        rowsOf(
          ordered()
            .limit(PAGE_SIZE + 1)
            .offset(offset),
          fork,
        ),
      ])
        .then(([total, found]) => {
          const rows = found.slice(0, PAGE_SIZE);
          const link = (page: number) => `${origin(req)}${url.pathname}${page === 1 ? '' : `?page=${page}`}`;
          json(res, 200, {
            count: total,
            next: offset + PAGE_SIZE < total ? link(number + 1) : null,
            previous: number > 1 ? link(number - 1) : null,
            results: rows.map(serializeArticle),
          });
        })
        .catch(failed(res));
    },
    offset: (req, res) => {
      const url = new URL(req.url ?? '/', origin(req));
      const fork = em.fork();
      const limit = Number(url.searchParams.get('limit') ?? PAGE_SIZE);
      const offset = Number(url.searchParams.get('offset') ?? '0');
      Promise.all([
        count(fork),
        rowsOf(
          ordered()
            .limit(limit + 1)
            .offset(offset),
          fork,
        ),
      ])
        .then(([total, found]) => {
          const rows = found.slice(0, limit);
          const link = (at: number) => `${origin(req)}${url.pathname}?limit=${limit}&offset=${at}`;
          json(res, 200, {
            count: total,
            next: offset + limit < total ? link(offset + limit) : null,
            previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
            results: rows.map(serializeArticle),
          });
        })
        .catch(failed(res));
    },
  };
}

/** Every endpoint of the node side, by path: `/pw/cursor` (drf mode, as DRF), `/pw/cursor-exact`, `/pw/pages`, … */
export function benchApp(orm: MikroORM): Listener {
  const em = orm.em as SqlEntityManager;
  const source = () => mikroOrmSource(em.fork(), ArticleEntity, { ordering: '-created' });
  // Diagnostic: the source with its statement guard off, to see what the guard costs.
  const unguarded = () => mikroOrmSource(em.fork(), ArticleEntity, { ordering: '-created', queryTimeout: 0 });
  const cursor = (mode: CursorMode, from = source) =>
    nodeHandler<Article>({
      pagination: cursorPagination({ ordering: '-created', pageSize: PAGE_SIZE, mode }),
      source: from,
      serialize: serializeArticle,
    });
  const hand = handEndpoints(em);
  const routes: Record<string, Listener> = {
    '/pw/cursor': cursor('drf'),
    '/pw/cursor-exact': cursor('exact'),
    '/pw/cursor-exact-unguarded': cursor('exact', unguarded),
    '/pw/pages': nodeHandler<Article>({ pagination: pageNumberPagination({ pageSize: PAGE_SIZE }), source, serialize: serializeArticle }),
    '/pw/offset': nodeHandler<Article>({
      pagination: limitOffsetPagination({ defaultLimit: PAGE_SIZE }),
      source,
      serialize: serializeArticle,
    }),
    '/pw/graphql': graphqlEndpoint(pagewiseSchema(undefined, PAGE_SIZE), em),
    '/hand/cursor': hand['cursor']!,
    '/hand/pages': hand['pages']!,
    '/hand/offset': hand['offset']!,
    '/hand/graphql': graphqlEndpoint(handWrittenSchema(sameSql, false, PAGE_SIZE), em),
  };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (route) route(req, res);
    else json(res, 404, { detail: 'Not found.' });
  };
}
