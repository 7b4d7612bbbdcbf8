// The demo's GraphQL schema, code-first with pagewise/graphql: every style in both shapes, nested
// connections (author → articles → comments) batched into one SQL statement per level, client
// ordering through an allow-list, signed cursors, and Relay's global ids (Node, node, nodes).
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldConfig } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type CursorMode, type CursorSigner } from 'pagewise';
import {
  batchedConnectionField,
  connectionField,
  intId,
  nodeDefinitions,
  offsetListField,
  type BatchFunction,
  type GraphQLPagination,
} from 'pagewise/graphql';
import { mikroOrmBatchSource, mikroOrmSource, type ParentKey } from 'pagewise/mikro-orm';
import { ArticleSchema, AuthorSchema, CommentSchema, type Article, type Author, type Comment } from './entities';

/** What every resolver gets: a request-scoped EntityManager. */
export interface DemoContext {
  readonly em: EntityManager;
}

/** The demo's paginations; the REST routes use the same ones, so cursors work in both. `mode`: the article lists' keyset mode. */
export function demoPaginations(signer: CursorSigner, mode: CursorMode = 'exact') {
  return {
    cursor: cursorPagination({
      mode,
      pageSize: 20,
      maxPageSize: 100,
      pageSizeQueryParam: 'page_size',
      ordering: ['-createdAt'],
      orderingFields: ['createdAt', 'views', 'title', 'id'],
      signer,
    }),
    pageNumber: pageNumberPagination({ pageSize: 20, pageSizeQueryParam: 'page_size', maxPageSize: 100 }),
    limitOffset: limitOffsetPagination({ defaultLimit: 20, maxLimit: 100 }),
    nested: cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: ['-createdAt'], signer }),
  };
}

const sql = (context: DemoContext): SqlEntityManager => context.em as SqlEntityManager;
// Nested connections batch through DataLoader, one per request and field (no cache: each call is a page).
const dataLoader = <T>(batch: BatchFunction<ParentKey, T>) => new DataLoader(batch, { cache: false });
// Article.author batches the same way: one `where id in (…)` per page of articles, not one query per article.
const authorLoaders = new WeakMap<DemoContext, DataLoader<number, Author>>();
function authorOf(context: DemoContext, id: number): Promise<Author> {
  let loader = authorLoaders.get(context);
  if (!loader) {
    loader = new DataLoader<number, Author>(async (ids) => {
      const rows = await context.em.find(AuthorSchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((key) => byId.get(key) ?? new Error(`Author ${key} not found`));
    });
    authorLoaders.set(context, loader);
  }
  return loader.load(id);
}
const iso = { type: new GraphQLNonNull(GraphQLString), resolve: (row: { createdAt: Date }) => row.createdAt.toISOString() };
// `id` is the Relay global id; the integer key (REST's `id`) stays readable under GitHub's name for it.
const databaseId = {
  type: new GraphQLNonNull(GraphQLInt),
  description: "The row's integer key (the `id` of the REST API).",
  resolve: (row: { id: number }) => row.id,
};

/** The cursor scope the demo's article lists share across GraphQL and REST. */
export const ARTICLES_SCOPE = 'articles';

/** Builds the schema (`mode`: the article lists' keyset mode); sources are made per request from the context's EntityManager. */
export function demoSchema(signer: CursorSigner, mode: CursorMode = 'exact'): GraphQLSchema {
  const paginations = demoPaginations(signer, mode);
  // node(id:) and nodes(ids:): one `WHERE id IN (...)` per type and request, whatever the query asks.
  const node = nodeDefinitions<DemoContext>({
    Author: {
      parseId: intId,
      load: (ids: readonly number[], context: DemoContext) => context.em.find(AuthorSchema, { id: { $in: [...ids] } }),
    },
    Article: {
      parseId: intId,
      load: (ids: readonly number[], context: DemoContext) => context.em.find(ArticleSchema, { id: { $in: [...ids] } }),
    },
    Comment: {
      parseId: intId,
      load: (ids: readonly number[], context: DemoContext) => context.em.find(CommentSchema, { id: { $in: [...ids] } }),
    },
  });

  const CommentType: GraphQLObjectType<Comment, DemoContext> = new GraphQLObjectType<Comment, DemoContext>({
    name: 'Comment',
    interfaces: [node.nodeInterface],
    fields: {
      id: node.globalIdField(),
      databaseId,
      body: { type: new GraphQLNonNull(GraphQLString) },
      createdAt: iso,
    },
  });

  const ArticleType: GraphQLObjectType<Article, DemoContext> = new GraphQLObjectType<Article, DemoContext>({
    name: 'Article',
    interfaces: [node.nodeInterface],
    fields: () => ({
      id: node.globalIdField(),
      databaseId,
      title: { type: new GraphQLNonNull(GraphQLString) },
      views: { type: new GraphQLNonNull(GraphQLInt) },
      createdAt: iso,
      author: {
        type: new GraphQLNonNull(AuthorType),
        resolve: (article, _args, context) => authorOf(context, article.author.id),
      },
      // Under a list of articles: the comments of all of them are one SQL statement (a window per article).
      comments: batchedConnectionField<Article, DemoContext, ParentKey, Comment>({
        node: CommentType,
        pagination: paginations.nested,
        description: 'The comments on this article, newest first.',
        key: (article) => article.id,
        batchSource: (context) => mikroOrmBatchSource(sql(context), CommentSchema, { key: 'article' }),
        loader: dataLoader,
      }),
    }),
  });

  const AuthorType: GraphQLObjectType<Author, DemoContext> = new GraphQLObjectType<Author, DemoContext>({
    name: 'Author',
    interfaces: [node.nodeInterface],
    fields: () => ({
      id: node.globalIdField(),
      databaseId,
      name: { type: new GraphQLNonNull(GraphQLString) },
      articles: batchedConnectionField<Author, DemoContext, ParentKey, Article>({
        node: ArticleType,
        pagination: paginations.nested,
        description: 'The articles of this author, newest first.',
        key: (author) => author.id,
        batchSource: (context) => mikroOrmBatchSource(sql(context), ArticleSchema, { key: 'author' }),
        loader: dataLoader,
      }),
    }),
  });

  const articles = (
    pagination: GraphQLPagination,
    shape: 'connection' | 'list',
    description: string,
  ): GraphQLFieldConfig<unknown, DemoContext> =>
    (shape === 'connection' ? connectionField : offsetListField)<unknown, DemoContext, Article>({
      node: ArticleType,
      pagination,
      description,
      // The cursor style's client ordering (`ordering: ["-views"]`) is checked by core against the
      // pagination's allow-list; offset styles page in the source's default order.
      source: (_parent, _args, context) => mikroOrmSource(sql(context), ArticleSchema, { ordering: ['-createdAt'] }),
      // One scope name for the article lists here and at /api/articles/cursor: their cursors are shared
      // on purpose (every field and endpoint is its own scope by default).
      cursorScope: ARTICLES_SCOPE,
    });

  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, DemoContext>({
      name: 'Query',
      fields: {
        node: node.nodeField,
        nodes: node.nodesField,
        articles: articles(
          paginations.cursor,
          'connection',
          'Articles as a Relay connection, cursor style (keyset on an index, signed cursors).',
        ),
        articleFeed: articles(paginations.cursor, 'list', 'Articles as an offset list, cursor style: next/previous are the REST cursors.'),
        articlesByPage: articles(paginations.pageNumber, 'connection', 'Articles as a Relay connection, page-number style.'),
        articlePages: articles(paginations.pageNumber, 'list', 'Articles as an offset list, page-number style.'),
        articlesByOffset: articles(paginations.limitOffset, 'connection', 'Articles as a Relay connection, limit-offset style.'),
        articleOffsets: articles(paginations.limitOffset, 'list', 'Articles as an offset list, limit-offset style.'),
        authors: connectionField<unknown, DemoContext, Author>({
          node: AuthorType,
          pagination: cursorPagination({ pageSize: 20, maxPageSize: 100, ordering: ['name'], signer }),
          description: 'Authors, by name; each with its articles and their comments.',
          source: (_parent, _args, context) => mikroOrmSource(sql(context), AuthorSchema),
        }),
      },
    }),
  });
}
