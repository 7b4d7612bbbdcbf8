// bench/graphql-overhead: `articles(first: 100)` as a pagewise connection over the MikroORM source,
// against a hand-written resolver issuing the same SQL (ORDER BY created_at DESC, id LIMIT 101) and
// building the same connection by hand. SQLite in memory, the demo's data.
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  execute,
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { ArticleSchema, type Article } from '../examples/demo/entities';
import { demoSchema } from '../examples/demo/graphql-schema';
import { hmacSigner } from '../src/core';
import { demoDatabase } from './demo-database';
import { ratioOf, type BenchResult } from './measure';

const QUERY = parse(
  '{ articles(first: 100) { edges { cursor node { id title views createdAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
);

/** The same connection written by hand over MikroORM: what a team without pagewise would write. */
export function handWrittenSchema(): GraphQLSchema {
  const Article = new GraphQLObjectType<Article>({
    name: 'Article',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      views: { type: new GraphQLNonNull(GraphQLInt) },
      createdAt: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => row.createdAt.toISOString() },
    },
  });
  const Edge = new GraphQLObjectType({
    name: 'ArticleEdge',
    fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(Article) } },
  });
  const PageInfo = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
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
    query: new GraphQLObjectType<unknown, { em: SqlEntityManager }>({
      name: 'Query',
      fields: {
        articles: {
          type: new GraphQLNonNull(Connection),
          args: { first: { type: GraphQLInt } },
          resolve: async (_root, args: { first?: number }, context) => {
            const first = args.first ?? 20;
            const rows = await context.em.find(ArticleSchema, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: first + 1 });
            const edges = rows
              .slice(0, first)
              .map((node) => ({ node, cursor: Buffer.from(`${node.createdAt.getTime()}:${node.id}`).toString('base64') }));
            return {
              edges,
              pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: false, endCursor: edges[edges.length - 1]?.cursor ?? null },
            };
          },
        },
      },
    }),
  });
}

/** Runs the GraphQL overhead benchmark. */
export async function graphqlOverhead(): Promise<BenchResult[]> {
  const orm = await demoDatabase(100_000);
  try {
    const pagewise = demoSchema(hmacSigner('bench secret of enough length'));
    const hand = handWrittenSchema();
    const run = (schema: GraphQLSchema) => async () => {
      const result = await execute({ schema, document: QUERY, contextValue: { em: orm.em.fork() } });
      if (result.errors) throw result.errors[0];
    };
    const { ratio, subjectMs, baselineMs } = await ratioOf(run(pagewise), run(hand), { rounds: 40, warmup: 10 });
    return [
      {
        bench: 'graphql-overhead',
        measure: 'pagewise connection (first: 100, signed cursors) / hand-written resolver, same SQL',
        ratio,
        target: null,
        detail: `${subjectMs.toFixed(2)} ms vs ${baselineMs.toFixed(2)} ms`,
      },
    ];
  } finally {
    await orm.close();
  }
}
