// The demo's REST endpoints (pagewise/rest over MikroORM): each style, DRF's bodies and links, a Link
// header variant, client ordering through the allow-list, and the cursors GraphQL uses.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CursorSigner } from 'pagewise';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { nodeHandler, type RestOptions } from 'pagewise/rest';
import { ArticleSchema, type Article } from './entities';
import { demoPaginations } from './graphql-schema';

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

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The routes under /api, by path. */
export function restRoutes(orm: MikroORM, signer: CursorSigner): Record<string, { handler: Handler; description: string }> {
  const paginations = demoPaginations(signer);
  const articles = (ordered: boolean) => (request: { url: string }) => {
    const requested = ordered ? new URL(request.url, 'http://x').searchParams.get('ordering') : null;
    return mikroOrmSource(orm.em.fork() as SqlEntityManager, ArticleSchema, {
      ordering: ['-createdAt'],
      orderingFields: ['createdAt', 'views', 'title', 'id'],
      requestedOrdering: requested,
    });
  };
  const route = (description: string, options: RestOptions<Article>) => ({ description, handler: nodeHandler(options) });
  return {
    '/api/articles': route('page-number: ?page=, ?page_size= (max 100), ?page=last, ?ordering=-views', {
      pagination: paginations.pageNumber,
      source: articles(true),
      serialize: serializeArticle,
    }),
    '/api/articles/cursor': route('cursor (signed, keyset): ?cursor=, ?page_size=, ?ordering=views,-createdAt', {
      pagination: paginations.cursor,
      source: articles(false),
      serialize: serializeArticle,
    }),
    '/api/articles/offset': route('limit-offset: ?limit= (max 100), ?offset=', {
      pagination: paginations.limitOffset,
      source: articles(true),
      serialize: serializeArticle,
    }),
    '/api/articles/linked': route('cursor with an RFC 8288 Link header instead of body links', {
      pagination: paginations.cursor,
      source: articles(false),
      serialize: serializeArticle,
      links: 'header',
    }),
  };
}
