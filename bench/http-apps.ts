// The node side of bench/http-throughput, one node:http listener: pagewise's REST adapter and GraphQL
// field (under /pw/) and the hand-written endpoints that do the same work by hand (under /hand/): the
// same SQL (checked by the bench), the same entities, the same JSON bodies and links.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type CursorMode } from 'pagewise';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { kyselySource } from 'pagewise/kysely';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { nodeHandler, type RestOptions } from 'pagewise/rest';
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

/** A hand-written endpoint: the response body of a request URL (absolute), or null for a bad request. */
export type HandEndpoint = (url: URL) => Promise<unknown>;

/** The hand-written DRF-shaped endpoints: keyset cursor, page number (count + page) and limit-offset. */
export function handEndpoints(em: SqlEntityManager): Record<'cursor' | 'pages' | 'offset', HandEndpoint> {
  const cursors = handCursors(false);
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
  return {
    cursor: async (url) => {
      const given = url.searchParams.get('cursor');
      const { rows, before } = await sameSql(em.fork(), given ? cursors.decode(given) : null, PAGE_SIZE);
      const page = rows.slice(0, PAGE_SIZE);
      const link = (cursor: string) => `${url.origin}${url.pathname}?cursor=${encodeURIComponent(cursor)}`;
      return {
        next: rows.length > PAGE_SIZE ? link(cursors.encode(page[page.length - 1]!)) : null,
        previous: before ? link(`r${cursors.encode(page[0]!)}`) : null,
        results: page.map(serializeArticle),
      };
    },
    pages: async (url) => {
      const fork = em.fork();
      const number = Number(url.searchParams.get('page') ?? '1');
      if (!Number.isSafeInteger(number) || number < 1) return null;
      const offset = (number - 1) * PAGE_SIZE;
      // Count and page at once, as a hand-written endpoint would (pagewise reads the page, then counts);
      // one row past the page, as pagewise reads it.
      const [total, found] = await Promise.all([
        count(fork),
        rowsOf(
          ordered()
            .limit(PAGE_SIZE + 1)
            .offset(offset),
          fork,
        ),
      ]);
      const link = (page: number) => `${url.origin}${url.pathname}${page === 1 ? '' : `?page=${page}`}`;
      return {
        count: total,
        next: offset + PAGE_SIZE < total ? link(number + 1) : null,
        previous: number > 1 ? link(number - 1) : null,
        results: found.slice(0, PAGE_SIZE).map(serializeArticle),
      };
    },
    offset: async (url) => {
      const fork = em.fork();
      const limit = Number(url.searchParams.get('limit') ?? PAGE_SIZE);
      const offset = Number(url.searchParams.get('offset') ?? '0');
      if (![limit, offset].every((value) => Number.isSafeInteger(value) && value >= 0)) return null;
      // From 1,000 rows on, the page reads its keys first (a deferred join), as pagewise does.
      const keys = () =>
        ordered()
          .clearSelect()
          .select('e.id')
          .limit(limit + 1)
          .offset(offset);
      const page =
        offset >= 1000
          ? ordered().whereRaw('(`e`.`id` in (select `pw_k`.`id` from ? as `pw_k`))', [keys()])
          : ordered()
              .limit(limit + 1)
              .offset(offset);
      const [total, found] = await Promise.all([count(fork), rowsOf(page, fork)]);
      const link = (at: number) => `${url.origin}${url.pathname}?limit=${limit}&offset=${at}`;
      return {
        count: total,
        next: offset + limit < total ? link(offset + limit) : null,
        previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
        results: found.slice(0, limit).map(serializeArticle),
      };
    },
  };
}

/** A node:http listener over a hand-written endpoint: the body as JSON, 404 for a bad request. */
function listenerOf(endpoint: HandEndpoint): Listener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    endpoint(url)
      .then((body) => (body === null ? json(res, 404, { detail: 'Invalid page.' }) : json(res, 200, body)))
      .catch(() => json(res, 404, { detail: 'Invalid page.' }));
  };
}

/**
 * pagewise's REST endpoints of the benchmarks, by name: the RestOptions given to nodeHandler; `lean`
 * sources read plain rows (`lean: true`) rather than managed entities.
 */
export function pagewiseEndpoints(
  em: SqlEntityManager,
  lean = false,
): Record<'cursor' | 'cursor-exact' | 'cursor-exact-unguarded' | 'pages' | 'offset', RestOptions<Article>> {
  const source = () => mikroOrmSource(em.fork(), ArticleEntity, { ordering: '-created', lean });
  // Diagnostic: the source with its statement guard off, to see what the guard costs.
  const unguarded = () => mikroOrmSource(em.fork(), ArticleEntity, { ordering: '-created', queryTimeout: 0, lean });
  const cursor = (mode: CursorMode, from = source): RestOptions<Article> => ({
    pagination: cursorPagination({ ordering: '-created', pageSize: PAGE_SIZE, mode }),
    source: from,
    serialize: serializeArticle,
  });
  return {
    cursor: cursor('drf'),
    'cursor-exact': cursor('exact'),
    'cursor-exact-unguarded': cursor('exact', unguarded),
    pages: { pagination: pageNumberPagination({ pageSize: PAGE_SIZE }), source, serialize: serializeArticle },
    offset: { pagination: limitOffsetPagination({ defaultLimit: PAGE_SIZE }), source, serialize: serializeArticle },
  };
}

/** The article table as Kysely sees it. */
interface BenchDatabase {
  article: Article;
}

/**
 * pagewise's REST endpoints over `pagewise/kysely` on better-sqlite3 (a synchronous driver, as
 * Python's sqlite3 under DRF is), on the same SQLite file: cursor (drf mode), page number, limit-offset.
 */
export function kyselyEndpoints(file: string): Record<'cursor' | 'pages' | 'offset', RestOptions<Article>> {
  const db = new Kysely<BenchDatabase>({ dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }) });
  const fields = { id: 'integer', title: 'text', views: 'integer', created: 'integer' } as const;
  const source = () => kyselySource(db.selectFrom('article').selectAll(), { db, fields, ordering: '-created' });
  return {
    cursor: {
      pagination: cursorPagination({ ordering: '-created', pageSize: PAGE_SIZE, mode: 'drf' }),
      source,
      serialize: serializeArticle,
    },
    pages: { pagination: pageNumberPagination({ pageSize: PAGE_SIZE }), source, serialize: serializeArticle },
    offset: { pagination: limitOffsetPagination({ defaultLimit: PAGE_SIZE }), source, serialize: serializeArticle },
  };
}

/**
 * Every endpoint of the node side, by path: `/pw/cursor` (drf mode, as DRF), `/pw/cursor-exact`,
 * `/pw/pages`, …, the same over lean rows under `/pw-lean/`, over Kysely on better-sqlite3 under
 * `/pw-kysely/` (when given the file), and the hand-written ones under `/hand/`.
 */
export function benchApp(orm: MikroORM, file?: string): Listener {
  const em = orm.em as SqlEntityManager;
  const routes: Record<string, Listener> = {
    '/pw/graphql': graphqlEndpoint(pagewiseSchema(undefined, PAGE_SIZE), em),
    '/hand/graphql': graphqlEndpoint(handWrittenSchema(sameSql, false, PAGE_SIZE), em),
  };
  for (const [name, options] of Object.entries(pagewiseEndpoints(em))) routes[`/pw/${name}`] = nodeHandler(options);
  for (const [name, options] of Object.entries(pagewiseEndpoints(em, true))) routes[`/pw-lean/${name}`] = nodeHandler(options);
  if (file) for (const [name, options] of Object.entries(kyselyEndpoints(file))) routes[`/pw-kysely/${name}`] = nodeHandler(options);
  for (const [name, endpoint] of Object.entries(handEndpoints(em))) routes[`/hand/${name}`] = listenerOf(endpoint);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (route) route(req, res);
    else json(res, 404, { detail: 'Not found.' });
  };
}
