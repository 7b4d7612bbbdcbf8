import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString } from 'graphql';
import { cursorPagination } from 'pagewise';
import { batchedConnectionField } from 'pagewise/graphql';
import { mikroOrmBatchSource } from 'pagewise/mikro-orm';
import { ArticleEntity, type Author } from './entities';

interface Context {
  em: SqlEntityManager; // a fork per request
}
const Article = new GraphQLObjectType({
  name: 'Article',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, title: { type: new GraphQLNonNull(GraphQLString) } },
});

export const AuthorType = new GraphQLObjectType<Author, Context>({
  name: 'Author',
  fields: () => ({
    name: { type: new GraphQLNonNull(GraphQLString) },
    articles: batchedConnectionField({
      node: Article,
      pagination: cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: '-created' }),
      key: (author: Author) => author.id, // the parent's key in the batch
      // Made once per request (per context object) and set of filter args; `key` names the
      // many-to-one relation (or column) that points at the parent. where/filters/populate as mikroOrmSource.
      batchSource: (context: Context) => mikroOrmBatchSource(context.em, ArticleEntity, { key: 'author' }),
      loader: (batch) => new DataLoader(batch, { cache: false }), // optional; pagewise has its own
    }),
  }),
});
