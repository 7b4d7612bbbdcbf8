// The graphql-js blog of tests/graphql as type-graphql classes, with Node and NodeResolver.
import 'reflect-metadata';
import { graphql, lexicographicSortSchema, printSchema, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Args, buildSchema, Field, FieldResolver, Info, ObjectType, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { cursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { resolveConnection, toGlobalId } from 'pagewise/graphql';
import { ConnectionType, CursorArgs, Node, NodeResolver, validatePaginationArgs } from 'pagewise/type-graphql';
import {
  blogLoaders,
  blogRows,
  blogSchema,
  type ArticleRow,
  type AuthorRow,
  type BlogContext,
  type LoadCall,
} from '../graphql/blog-schema';
import { describeRelayRefetch } from '../graphql/relay-scenario';

const rows = blogRows();
const pagination = cursorPagination({ pageSize: 2, maxPageSize: 10, ordering: 'id' });

// No `id` in the classes: Node brings it, NodeResolver resolves it to the global id.
@ObjectType('Comment', { implements: Node })
class Comment extends Node {
  @Field(() => String)
  body!: string;
}

@ObjectType('Author', { implements: Node })
class Author extends Node {
  @Field(() => String)
  name!: string;
}

@ObjectType('Article', { implements: Node })
class Article extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => Author)
  author!: Author;
}

const CommentConnection = ConnectionType(Comment);
const ArticleConnection = ConnectionType(Article);
const AuthorConnection = ConnectionType(Author);

@Resolver(() => Article)
class ArticleFields {
  @FieldResolver(() => Author)
  author(@Root() article: ArticleRow) {
    return rows.authors.find((author) => author.id === article.authorId);
  }

  @FieldResolver(() => CommentConnection, { nullable: true })
  comments(@Root() article: ArticleRow, @Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    const comments = rows.comments.filter((comment) => comment.articleId === article.id);
    return resolveConnection(arraySource(comments, { uniqueKey: 'id' }), pagination, args, info);
  }
}

@Resolver(() => Author)
class AuthorFields {
  @FieldResolver(() => ArticleConnection, { nullable: true })
  articles(@Root() author: AuthorRow, @Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    const articles = rows.articles.filter((article) => article.authorId === author.id);
    return resolveConnection(arraySource(articles, { uniqueKey: 'id' }), pagination, args, info);
  }
}

@Resolver()
class BlogQueries {
  @Query(() => ArticleConnection, { nullable: true })
  articles(@Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(arraySource(rows.articles, { uniqueKey: 'id' }), pagination, args, info);
  }

  @Query(() => AuthorConnection, { nullable: true })
  authors(@Args(() => CursorArgs) args: CursorArgs, @Info() info: GraphQLResolveInfo) {
    return resolveConnection(arraySource(rows.authors, { uniqueKey: 'id' }), pagination, args, info);
  }
}

const calls: LoadCall[] = [];
// One resolver class per schema: type-graphql's metadata is global, so the class is made once.
const BlogNodes: ClassType = NodeResolver<BlogContext>(blogLoaders(rows, calls));
let schema: GraphQLSchema;
const built = buildSchema({ resolvers: [BlogQueries, ArticleFields, AuthorFields, BlogNodes], validateFn: validatePaginationArgs }).then(
  (done) => {
    schema = done;
  },
);
beforeAll(() => built);

describe('Node and NodeResolver for type-graphql', () => {
  it('print the schema of the graphql-js blog (nodeDefinitions), but for the id description type-graphql takes from the interface', () => {
    const print = (built: GraphQLSchema) => printSchema(lexicographicSortSchema(built));
    const graphqlJs = print(blogSchema()).replaceAll('"""The ID of an object"""\n  id: ID!', '"""The id of the object."""\n  id: ID!');
    expect(print(schema)).toBe(graphqlJs);
  });

  it('resolve nodes of every type by global id, batched per type; null for a missing row; coded errors', async () => {
    calls.length = 0;
    const ids = [
      toGlobalId('Comment', 3),
      toGlobalId('Author', 1),
      toGlobalId('Article', 99),
      toGlobalId('Article', 'x'),
      toGlobalId('Comment', 4),
    ];
    const result = await graphql({
      schema,
      source: `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Comment { body } } }`,
      variableValues: { ids },
      contextValue: {},
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      data: {
        nodes: [
          { __typename: 'Comment', id: ids[0], body: 'Comment 3' },
          { __typename: 'Author', id: ids[1] },
          null,
          null,
          { __typename: 'Comment', id: ids[4], body: 'Comment 4' },
        ],
      },
      errors: [
        {
          message: 'Invalid id: not a valid Article id.',
          locations: [{ line: 1, column: 24 }],
          path: ['nodes', 3],
          extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName: 'ids' },
        },
      ],
    });
    expect(calls.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'Article', ids: [99] },
      { type: 'Author', ids: [1] },
      { type: 'Comment', ids: [3, 4] },
    ]);
  });
});

describe('a Node value no lookup loaded', () => {
  @Resolver()
  class Featured {
    @Query(() => Node, { nullable: true })
    featured() {
      return { __typename: 'Comment', id: 7, body: 'Pinned' };
    }
  }

  it('resolves to the type its __typename names', async () => {
    const featured = await buildSchema({ resolvers: [Featured, BlogNodes], orphanedTypes: [Comment] });
    const result = await graphql({ schema: featured, source: '{ featured { __typename id ... on Comment { body } } }', contextValue: {} });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      data: { featured: { __typename: 'Comment', id: toGlobalId('Comment', 7), body: 'Pinned' } },
    });
  });
});

describeRelayRefetch('the type-graphql blog (Node, NodeResolver)', async () => {
  await built;
  return { schema, calls };
});
