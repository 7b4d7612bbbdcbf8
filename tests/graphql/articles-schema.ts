// A graphql-js schema over an array of articles: every style in both shapes, plus graphql-relay
// compatible array connections. Shared by the adapter tests and the type-graphql SDL comparison.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql, type ExecutionResult } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { arrayConnectionField, connectionField, offsetListField, type PaginateOptions, type PaginationArgsOptions } from 'pagewise/graphql';

/** A row of the test list. */
export interface Article {
  readonly id: number;
  readonly title: string;
  readonly score: number;
}

/** `count` articles, ids 1..count, scores with ties so orderings need the tiebreaker. */
export function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, index) => ({ id: index + 1, title: `Article ${index + 1}`, score: (index * 7) % 5 }));
}

/** The paginations of the test schema. */
export const paginations = {
  cursor: cursorPagination({ pageSize: 3, maxPageSize: 10, ordering: 'id' }),
  pageNumber: pageNumberPagination({ pageSize: 3, maxPageSize: 10 }),
  limitOffset: limitOffsetPagination({ defaultLimit: 3, maxLimit: 10 }),
};

/** Options of {@link articleSchema}. */
export interface ArticleSchemaOptions {
  readonly rows?: readonly Article[];
  /** Where the rows of each request come from (default: an array source over `rows`). */
  readonly source?: () => PageSource<Article>;
  /** Wraps the source of every request (to count calls). */
  readonly wrap?: (source: PageSource<Article>) => PageSource<Article>;
  readonly field?: PaginateOptions & PaginationArgsOptions;
}

/** The graphql-js schema: `<style>Connection` and `<style>Page` fields for each style. */
export function articleSchema(options: ArticleSchemaOptions = {}): GraphQLSchema {
  const rows = options.rows ?? articles(10);
  const wrap = options.wrap ?? ((source) => source);
  const make = options.source ?? (() => arraySource(rows, { uniqueKey: 'id' }));
  const source = () => wrap(make());
  const Article = new GraphQLObjectType<Article>({
    name: 'Article',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      score: { type: new GraphQLNonNull(GraphQLInt) },
    },
  });
  const field = (pagination: (typeof paginations)[keyof typeof paginations]) => ({
    node: Article,
    pagination,
    source,
    ...options.field,
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        cursorConnection: connectionField(field(paginations.cursor)),
        pageNumberConnection: connectionField(field(paginations.pageNumber)),
        limitOffsetConnection: connectionField(field(paginations.limitOffset)),
        cursorPage: offsetListField(field(paginations.cursor)),
        pageNumberPage: offsetListField(field(paginations.pageNumber)),
        limitOffsetPage: offsetListField(field(paginations.limitOffset)),
        relayArticles: arrayConnectionField({ node: Article, array: () => rows }),
      },
    }),
  });
}

/** Runs `query` and returns the whole result (data and errors). */
export async function run(schema: GraphQLSchema, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult> {
  return graphql({ schema, source: query, variableValues: variables ?? null });
}
