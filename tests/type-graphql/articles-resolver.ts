// The type-graphql twin of tests/graphql/articles-schema.ts: the same fields, built from classes.
import 'reflect-metadata';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { Args, buildSchema, Field, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { arraySource } from 'pagewise/array';
import { paginationComplexity, resolveArrayConnection, resolveConnection, resolveOffsetList } from 'pagewise/graphql';
import { ConnectionType, CursorArgs, LimitOffsetArgs, PageNumberArgs, PageType, validatePaginationArgs } from 'pagewise/type-graphql';
import { articles, paginations, type Article as ArticleRow } from '../graphql/articles-schema';

@ObjectType('Article')
class Article {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  score!: number;
}

// Built at module level, before buildSchema reads the metadata (type-graphql registers classes as
// they are decorated).
const ArticleConnection = ConnectionType(Article);
const ArticlePage = PageType(Article);

const rows: ArticleRow[] = articles(10);
const source = () => arraySource(rows, { uniqueKey: 'id' });

@Resolver()
class ArticleResolver {
  @Query(() => ArticleConnection, { nullable: true, complexity: paginationComplexity(paginations.cursor) })
  cursorConnection(@Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(source(), paginations.cursor, args, info);
  }

  @Query(() => ArticleConnection, { nullable: true })
  pageNumberConnection(@Args(() => PageNumberArgs) args: PageNumberArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(source(), paginations.pageNumber, args, info);
  }

  @Query(() => ArticleConnection, { nullable: true })
  limitOffsetConnection(@Args(() => LimitOffsetArgs) args: LimitOffsetArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(source(), paginations.limitOffset, args, info);
  }

  @Query(() => ArticlePage, { nullable: true })
  cursorPage(@Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    return resolveOffsetList(source(), paginations.cursor, args, info);
  }

  @Query(() => ArticlePage, { nullable: true })
  pageNumberPage(@Args(() => PageNumberArgs) args: PageNumberArgs, @Info() info: GraphQLResolveInfo) {
    return resolveOffsetList(source(), paginations.pageNumber, args, info);
  }

  @Query(() => ArticlePage, { nullable: true })
  limitOffsetPage(@Args(() => LimitOffsetArgs) args: LimitOffsetArgs, @Info() info: GraphQLResolveInfo) {
    return resolveOffsetList(source(), paginations.limitOffset, args, info);
  }

  @Query(() => ArticleConnection, { nullable: true })
  relayArticles(@Args(() => CursorArgs) args: CursorArgs) {
    return resolveArrayConnection(rows, args);
  }
}

/** The type-graphql schema equivalent to `articleSchema()`. */
export function typeGraphqlArticleSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [ArticleResolver], validateFn: validatePaginationArgs });
}
