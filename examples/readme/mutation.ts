import type { EntityManager } from '@mikro-orm/core';
import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination } from 'pagewise';
import { connectionField, edgeFor, edgeType } from 'pagewise/graphql';
import { mikroOrmSource } from 'pagewise/mikro-orm';
import { ArticleEntity, AuthorEntity } from './entities';

interface Context {
  em: EntityManager; // a fork per request
}
const Article = new GraphQLObjectType({
  name: 'Article',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, title: { type: new GraphQLNonNull(GraphQLString) } },
});
const pagination = cursorPagination({ pageSize: 20, ordering: '-created' });
const articles = (em: EntityManager) => mikroOrmSource(em, ArticleEntity);

const Query = new GraphQLObjectType<unknown, Context>({
  name: 'Query',
  fields: { articles: connectionField({ node: Article, pagination, source: (_, __, { em }) => articles(em) }) },
});
const Mutation = new GraphQLObjectType<unknown, Context>({
  name: 'Mutation',
  fields: {
    addArticle: {
      type: new GraphQLNonNull(edgeType(Article)), // ArticleEdge, the type the connection's edges have
      args: { title: { type: new GraphQLNonNull(GraphQLString) }, author: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: async (_, args: { title: string; author: string }, { em }) => {
        const author = em.getReference(AuthorEntity, Number(args.author));
        const row = em.create(ArticleEntity, { title: args.title, created: new Date(), published: true, author });
        await em.flush();
        // The cursor Query.articles issues for this row, so the client splices the edge into its list.
        return edgeFor(row, { pagination, source: articles(em), cursorScope: 'Query.articles' });
      },
    },
  },
});
export const schema = new GraphQLSchema({ query: Query, mutation: Mutation });
