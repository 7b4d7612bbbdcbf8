import { makeExecutableSchema } from '@graphql-tools/schema';
import { QueryBuilder } from '@mikro-orm/knex';
import { hmacSigner } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { queryBuilderSource } from 'pagewise/mikro-orm';
import { paginateDirective } from 'pagewise/sdl';

const typeDefs = /* GraphQL */ `
  type Article {
    id: ID!
    title: String!
    createdAt: String!
  }
  type Query {
    articles: [Article!]! @paginate(style: CURSOR, ordering: ["-createdAt"], pageSize: 20, maxPageSize: 100)
  }
`;
const resolvers = { Query: { articles: () => [{ id: 1, title: 'Hello', createdAt: '2026-01-01T00:00:00Z' }] } };

const { typeDefs: paginateTypeDefs, transformer } = paginateDirective({
  arraySource, // arrays page in memory (adapters never import sources: you wire them)
  toSource: (value) => (value instanceof QueryBuilder ? queryBuilderSource(value) : undefined),
  defaults: { maxPageSize: 100, signer: hmacSigner(process.env.CURSOR_SECRET!) }, // also pageSize, cursorMode, onOversize
});
export const schema = transformer(makeExecutableSchema({ typeDefs: [paginateTypeDefs, typeDefs], resolvers }));
