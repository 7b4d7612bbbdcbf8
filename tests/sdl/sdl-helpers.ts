// Builds small schema-first schemas with the directive for the SDL tests, and runs queries on them.
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { arraySource } from 'pagewise/array';
import { paginateDirective, type PaginateDirectiveOptions } from 'pagewise/sdl';

/** An article row of the small test schemas. */
export interface Row {
  readonly id: number;
  readonly title: string;
  readonly createdAt: string;
}

/** `count` rows, ids 1..count, createdAt shared by pairs (ids 1 and 2 share one, ...). */
export function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    title: `Article ${index + 1}`,
    createdAt: `2024-01-${String(Math.floor(index / 2) + 10).padStart(2, '0')}`,
  }));
}

/** The `Article` type the small schemas use. */
export const articleTypeDefs = /* GraphQL */ `
  type Article {
    id: Int!
    title: String!
    createdAt: String!
  }
`;

/** Transforms `typeDefs` (after the directive's SDL); arrays page through the array source. */
export function buildSchema(typeDefs: string, resolvers: IResolvers = {}, options: PaginateDirectiveOptions = {}): GraphQLSchema {
  const directive = paginateDirective({ arraySource: (list) => arraySource(list, { uniqueKey: 'id' }), ...options });
  return directive.transformer(makeExecutableSchema({ typeDefs: [directive.typeDefs, articleTypeDefs, typeDefs], resolvers }));
}

/** What a build threw: the error's name, code and message (undefined when it built). */
export function buildError(
  typeDefs: string,
  options: PaginateDirectiveOptions = {},
): { name: string; code: unknown; message: string } | undefined {
  try {
    buildSchema(typeDefs, {}, options);
    return undefined;
  } catch (error) {
    const { name, message, code } = error as Error & { code?: unknown };
    return { name, code, message };
  }
}

/** Runs `query` and returns data and errors as plain JSON. */
export async function run(
  schema: GraphQLSchema,
  query: string,
  variables?: Record<string, unknown>,
  contextValue?: unknown,
): Promise<ExecutionResult> {
  const result = await graphql({ schema, source: query, variableValues: variables ?? null, contextValue });
  return JSON.parse(JSON.stringify(result)) as ExecutionResult;
}
