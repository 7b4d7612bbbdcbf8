import 'reflect-metadata';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, buildSchema, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { cursorPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { resolveConnection, resolveOffsetList } from 'pagewise/graphql';
import { ConnectionType, CursorArgs, PageType, PageNumberArgs, validatePaginationArgs } from 'pagewise/type-graphql';

@ObjectType()
class Article {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;
}

// Assign the classes at module level, before buildSchema: `@Query(() => ConnectionType(Article))`
// inline makes the class too late for type-graphql (CannotDetermineGraphQLTypeError).
const ArticleConnection = ConnectionType(Article);
const ArticlePage = PageType(Article);

const byCursor = cursorPagination({ pageSize: 20, maxPageSize: 100, ordering: '-id' });
const byPage = pageNumberPagination({ pageSize: 20 });
const source = arraySource<Article>([{ id: 1, title: 'Hello' }], { uniqueKey: 'id' });

@Resolver()
class ArticleResolver {
  @Query(() => ArticleConnection)
  articles(@Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(source, byCursor, args, info);
  }

  @Query(() => ArticlePage)
  articlePages(@Args(() => PageNumberArgs) args: PageNumberArgs, @Info() info: GraphQLResolveInfo) {
    return resolveOffsetList(source, byPage, args, info);
  }
}

export const schema = buildSchema({ resolvers: [ArticleResolver], validateFn: validatePaginationArgs });
