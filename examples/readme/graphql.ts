import { ApolloServer } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination, pageNumberPagination } from 'pagewise';
import { connectionField, formatPaginationError, offsetListField } from 'pagewise/graphql';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { ArticleEntity } from './entities';

interface Context {
  em: EntityManager; // a fork per request
}
const Article = new GraphQLObjectType({
  name: 'Article',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, title: { type: new GraphQLNonNull(GraphQLString) } },
});
const source = (_parent: unknown, _args: unknown, context: Context) => mikroOrmSource(context.em, ArticleEntity); // runs nothing until paged
const Query = new GraphQLObjectType<unknown, Context>({
  name: 'Query',
  fields: {
    articles: connectionField({
      node: Article, // ArticleConnection, ArticleEdge, PageInfo: built once per node type
      pagination: cursorPagination({ pageSize: 20, maxPageSize: 100, ordering: '-created' }),
      source,
      onOversize: 'error', // default 'clamp'; also defaultPageSize, maxPageSize, directions: 'forward'
    }),
    articlePages: offsetListField({ node: Article, pagination: pageNumberPagination({ pageSize: 20 }), source }),
  },
});
export const schema = new GraphQLSchema({ query: Query });
export const server = new ApolloServer<Context>({ schema, formatError: formatPaginationError }); // no stack trace on pagination errors
