// The demo's REST endpoints (pagewise/rest over MikroORM): each style, DRF's bodies and links, a Link
// header variant, client ordering through the allow-list, and the cursors GraphQL uses.
//
// The bodies say `created_at` (DRF's snake case), so `?ordering=` takes the body's names too; they are
// translated to the entity's fields before the adapter sees them (the cursor's scope is then the one
// GraphQL's `createdAt` gives, so cursors stay shared), and the links keep the client's spelling.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CursorMode, CursorSigner } from 'pagewise';

// Python's quote_plus/unquote_plus, as query strings write them.
const quotePlus = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');
function unquotePlus(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a malformed escape is then an unknown ordering name, a 400
  }
}
import { mikroOrmSource } from 'pagewise/mikro-orm';
import {
  checkRestOptions,
  detailResponse,
  restRequestOf,
  restResponse,
  sendRestResponse,
  type RestOptions,
  type RestRequest,
  type RestResponse,
} from 'pagewise/rest';
import { ArticleSchema, type Article } from './entities';
import { ARTICLES_SCOPE, demoPaginations } from './graphql-schema';

/** An article as the REST body shows it (DRF's serializer). */
export function serializeArticle(article: Article): Record<string, unknown> {
  return {
    id: article.id,
    title: article.title,
    views: article.views,
    created_at: article.createdAt.toISOString(),
    author: article.author.id,
  };
}

/** REST's ordering names (the body's field names) and the entity fields they order by. */
export const REST_ORDERING_FIELDS: Readonly<Record<string, string>> = { created_at: 'createdAt', views: 'views', title: 'title', id: 'id' };

const ORDERING_SEGMENT = /([?&]ordering=)([^&#"\s>]*)/g;

/** The target with `ordering` in entity field names, or the DRF-style 400 detail for an unknown name. */
export function translateOrdering(target: string): { url: string; original: string | null } | { error: string } {
  const query = target.indexOf('?');
  if (query < 0) return { url: target, original: null };
  let original: string | null = null;
  let error: string | null = null;
  const url = target.replace(ORDERING_SEGMENT, (_match, prefix: string, raw: string) => {
    original = raw;
    const terms = unquotePlus(raw)
      .split(',')
      .map((term) => term.trim())
      .filter((term) => term !== '');
    const fields = terms.map((term) => {
      const descending = term.startsWith('-');
      const name = descending ? term.slice(1) : term;
      const field = REST_ORDERING_FIELDS[name];
      if (field === undefined && error === null) {
        error = `Cannot order by ${JSON.stringify(name)}; allowed fields: ${Object.keys(REST_ORDERING_FIELDS).join(', ')}.`;
      }
      return `${descending ? '-' : ''}${field}`;
    });
    return prefix + quotePlus(fields.join(','));
  });
  return error === null ? { url, original } : { error };
}

/** `response` with every link's `ordering` back in the client's spelling. */
function restoreOrdering(response: RestResponse, original: string): RestResponse {
  const restore = (text: string): string => text.replace(ORDERING_SEGMENT, (_match, prefix: string) => prefix + original);
  const headers = { ...response.headers };
  if (headers['link'] !== undefined) headers['link'] = restore(headers['link']);
  return { ...response, headers, body: restore(response.body) };
}

/** One REST endpoint: its node:http handler, and the response for a request (the page at `/` shows it). */
export interface RestRoute {
  readonly description: string;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  readonly respond: (request: RestRequest) => Promise<RestResponse>;
}

function restRoute(description: string, options: RestOptions<Article>): RestRoute {
  checkRestOptions(options);
  const respond = async (request: RestRequest): Promise<RestResponse> => {
    const translated = translateOrdering(request.url);
    if ('error' in translated) return detailResponse(400, translated.error);
    const response = await restResponse({ ...request, url: translated.url }, options);
    return translated.original === null ? response : restoreOrdering(response, translated.original);
  };
  return {
    description,
    respond,
    handler: async (req, res) => sendRestResponse(res, await respond(restRequestOf(req))),
  };
}

/** The routes under /api, by path. */
export function restRoutes(orm: MikroORM, signer: CursorSigner, mode: CursorMode = 'exact'): Record<string, RestRoute> {
  const paginations = demoPaginations(signer, mode);
  const articles = (ordered: boolean) => (request: { url: string }) => {
    const requested = ordered ? new URL(request.url, 'http://x').searchParams.get('ordering') : null;
    return mikroOrmSource(orm.em.fork() as SqlEntityManager, ArticleSchema, {
      ordering: ['-createdAt'],
      orderingFields: Object.values(REST_ORDERING_FIELDS),
      requestedOrdering: requested,
    });
  };
  return {
    '/api/articles': restRoute('page-number: ?page=, ?page_size= (max 100), ?page=last, ?ordering=-views', {
      pagination: paginations.pageNumber,
      source: articles(true),
      serialize: serializeArticle,
    }),
    '/api/articles/cursor': restRoute('cursor (signed, keyset): ?cursor=, ?page_size=, ?ordering=views,-created_at', {
      pagination: paginations.cursor,
      source: articles(false),
      serialize: serializeArticle,
      cursorScope: ARTICLES_SCOPE,
    }),
    '/api/articles/offset': restRoute('limit-offset: ?limit= (max 100), ?offset=, ?ordering=title', {
      pagination: paginations.limitOffset,
      source: articles(true),
      serialize: serializeArticle,
    }),
    '/api/articles/linked': restRoute('cursor with an RFC 8288 Link header instead of body links', {
      pagination: paginations.cursor,
      source: articles(false),
      serialize: serializeArticle,
      cursorScope: ARTICLES_SCOPE,
      links: 'header',
    }),
  };
}
