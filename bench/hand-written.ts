// The hand-written sides of the benchmarks, and pagewise's GraphQL field they are measured against:
// what a team without pagewise would write over MikroORM, issuing the SQL pagewise issues (the
// benchmarks check the statements match), with cursors of its own (base64url JSON of the key,
// HMAC-SHA-256 from node:crypto appended when signed).
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { cursorPagination, type CursorSigner } from 'pagewise';
import { connectionField } from 'pagewise/graphql';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { ArticleEntity, type Article } from './fixtures';

/** The secret of every signed side. */
export const SECRET = 'bench secret of enough length';

/** A keyset cursor by hand: `[created, id]` as base64url JSON, with an HMAC tag when signed. */
export interface HandCursors {
  encode(row: Article): string;
  /** Throws on a cursor it did not make. */
  decode(cursor: string): [number, number];
}

/** The hand-written cursor codec. */
export function handCursors(signed: boolean): HandCursors {
  const key = createSecretKey(Buffer.from(SECRET));
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    encode: (row) => {
      const body = Buffer.from(JSON.stringify([row.created, row.id])).toString('base64url');
      return signed ? `${body}.${mac(body)}` : body;
    },
    decode: (cursor) => {
      const [body = '', tag] = cursor.split('.');
      if (signed && !(tag && tag.length === 43 && timingSafeEqual(Buffer.from(tag), Buffer.from(mac(body)))))
        throw new Error('Invalid cursor');
      const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString());
      if (!Array.isArray(value) || value.length !== 2 || !value.every(Number.isSafeInteger)) throw new Error('Invalid cursor');
      return value as [number, number];
    },
  };
}

/** The context of every bench schema: a forked entity manager per request. */
export interface Context {
  readonly em: SqlEntityManager;
}

function articleType(): GraphQLObjectType<Article, Context> {
  return new GraphQLObjectType<Article, Context>({
    name: 'Article',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      views: { type: new GraphQLNonNull(GraphQLInt) },
      created: { type: new GraphQLNonNull(GraphQLFloat) },
    },
  });
}

/** pagewise's field: `-created` (id appended, descending with it), `pageSize` a page at most. */
export function pagewiseSchema(signer?: CursorSigner, pageSize = 100, queryTimeout?: number): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        articles: connectionField<unknown, Context, Article>({
          node: articleType(),
          pagination: cursorPagination({ ordering: '-created', pageSize, maxPageSize: pageSize, ...(signer ? { signer } : {}) }),
          source: (_root, _args, context) => mikroOrmSource(context.em, ArticleEntity, queryTimeout === undefined ? {} : { queryTimeout }),
        }),
      },
    }),
  });
}

/** How the hand-written side reads a page: the rows, and whether a row sits before the page. */
export type Fetch = (
  em: SqlEntityManager,
  after: readonly [number, number] | null,
  first: number,
) => Promise<{ rows: Article[]; before: boolean }>;

/**
 * The statement pagewise issues, written by hand with MikroORM's query builder: the after-row is
 * fetched too (`<=`, flagged by `pw_at`) so hasPreviousPage needs no second query.
 */
export const sameSql: Fetch = async (em, after, first) => {
  const knex = em.getKnex();
  const query = knex('article as e').select('e.*');
  if (after) {
    query.select(knex.raw('case when ((`e`.`created` = ?) and (`e`.`id` = ?)) then 1 else 0 end as `pw_at`', [...after]));
    query.whereRaw('((`e`.`created`, `e`.`id`) <= (?, ?))', [...after]);
  }
  query.orderBy([
    { column: 'e.created', order: 'desc' },
    { column: 'e.id', order: 'desc' },
  ]);
  query.limit(first + (after ? 2 : 1));
  const found = await em.getConnection().execute<Array<Article & { pw_at?: number }>>(query, [], 'all', em.getTransactionContext());
  const before = after !== null && found[0]?.pw_at === 1;
  const rows = found.slice(before ? 1 : 0).map(({ pw_at: _at, ...row }) => em.map(ArticleEntity, row));
  return { rows, before };
};

/** A hand-written connection resolver over `fetch`, its cursors base64url JSON, signed when `signed`. */
export function handWrittenSchema(fetch: Fetch, signed: boolean, pageSize = 100): GraphQLSchema {
  const { encode, decode } = handCursors(signed);
  const Edge = new GraphQLObjectType({
    name: 'ArticleEdge',
    fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(articleType()) } },
  });
  const PageInfo = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      startCursor: { type: GraphQLString },
      endCursor: { type: GraphQLString },
    },
  });
  const Connection = new GraphQLObjectType({
    name: 'ArticleConnection',
    fields: {
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Edge))) },
      pageInfo: { type: new GraphQLNonNull(PageInfo) },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        articles: {
          type: new GraphQLNonNull(Connection),
          args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
          resolve: async (_root, args: { first?: number | null; after?: string | null }, context) => {
            const first = Math.min(args.first ?? pageSize, pageSize);
            const { rows, before } = await fetch(context.em, args.after ? decode(args.after) : null, first);
            const edges = rows.slice(0, first).map((node) => ({ node, cursor: encode(node) }));
            return {
              edges,
              pageInfo: {
                hasNextPage: rows.length > first,
                hasPreviousPage: before,
                startCursor: edges[0]?.cursor ?? null,
                endCursor: edges[edges.length - 1]?.cursor ?? null,
              },
            };
          },
        },
      },
    }),
  });
}

/** The same field over MikroORM's em.findByCursor (its own cursors, its own SQL), as a team using MikroORM would write it. */
export function findByCursorSchema(): GraphQLSchema {
  const hand = handWrittenSchema(sameSql, false);
  const field = hand.getQueryType()!.getFields()['articles']!;
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, Context>({
      name: 'Query',
      fields: {
        articles: {
          type: field.type,
          args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
          resolve: async (_root, args: { first?: number | null; after?: string | null }, context) => {
            const page = await context.em.findByCursor(
              ArticleEntity,
              {},
              {
                first: Math.min(args.first ?? 100, 100),
                ...(args.after ? { after: args.after } : {}),
                orderBy: [{ created: 'desc' }, { id: 'desc' }],
                includeCount: false,
              },
            );
            return {
              edges: page.items.map((node) => ({ node, cursor: page.from(node) })),
              pageInfo: {
                hasNextPage: page.hasNextPage,
                hasPreviousPage: page.hasPrevPage,
                startCursor: page.startCursor,
                endCursor: page.endCursor,
              },
            };
          },
        },
      },
    }),
  });
}
