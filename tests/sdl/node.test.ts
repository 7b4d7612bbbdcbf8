import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { arraySource } from 'pagewise/array';
import { toGlobalId } from 'pagewise/graphql';
import { nodeResolvers, nodeTypeDefs, paginateDirective } from 'pagewise/sdl';
import { blogLoaders, blogRows, blogSchema, type ArticleRow, type AuthorRow, type LoadCall } from '../graphql/blog-schema';
import { describeRelayRefetch } from '../graphql/relay-scenario';

const paginated = '@paginate(style: CURSOR, ordering: ["id"], pageSize: 2, maxPageSize: 10)';

// The graphql-js blog of tests/graphql, schema-first: @paginate lists, Node from pagewise/sdl.
const blogTypeDefs = /* GraphQL */ `
  type Comment implements Node {
    "The ID of an object"
    id: ID!
    body: String!
  }
  type Article implements Node {
    "The ID of an object"
    id: ID!
    title: String!
    author: Author!
    comments: [Comment!] ${paginated}
  }
  type Author implements Node {
    "The ID of an object"
    id: ID!
    name: String!
    articles: [Article!] ${paginated}
  }
  type Query {
    articles: [Article!] ${paginated}
    authors: [Author!] ${paginated}
  }
`;

function sdlBlogSchema(calls: LoadCall[]): GraphQLSchema {
  const rows = blogRows();
  const directive = paginateDirective({ arraySource: (list) => arraySource(list, { uniqueKey: 'id' }) });
  const node = nodeResolvers(blogLoaders(rows, calls));
  const own = {
    Query: { articles: () => rows.articles, authors: () => rows.authors },
    Article: {
      author: (article: ArticleRow) => rows.authors.find((author) => author.id === article.authorId),
      comments: (article: ArticleRow) => rows.comments.filter((comment) => comment.articleId === article.id),
    },
    Author: { articles: (author: AuthorRow) => rows.articles.filter((article) => article.authorId === author.id) },
  };
  return directive.transformer(
    makeExecutableSchema({ typeDefs: [directive.typeDefs, nodeTypeDefs, blogTypeDefs], resolvers: [own, node.resolvers] }),
  );
}

describe('nodeTypeDefs and nodeResolvers with @paginate', () => {
  it('print the same schema as the graphql-js blog (nodeDefinitions and connectionField)', () => {
    const print = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(print(sdlBlogSchema([]))).toBe(print(blogSchema()));
  });

  it('resolve nodes of every type, batched per type, with coded errors for bad ids', async () => {
    const calls: LoadCall[] = [];
    const ids = [toGlobalId('Article', 2), toGlobalId('Comment', 7), 'nope', toGlobalId('Author', 9), toGlobalId('Article', 3)];
    const result = await graphql({
      schema: sdlBlogSchema(calls),
      source: `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      variableValues: { ids },
      contextValue: {},
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      data: {
        nodes: [
          { __typename: 'Article', id: ids[0] },
          { __typename: 'Comment', id: ids[1] },
          null,
          null,
          { __typename: 'Article', id: ids[4] },
        ],
      },
      errors: [
        {
          message: 'Invalid id: not a global id.',
          locations: [{ line: 1, column: 24 }],
          path: ['nodes', 2],
          extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName: 'ids' },
        },
      ],
    });
    expect(calls.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'Article', ids: [2, 3] },
      { type: 'Author', ids: [9] },
      { type: 'Comment', ids: [7] },
    ]);
  });

  it('takes maxIds', async () => {
    const typeDefs = 'type Thing implements Node { id: ID! } type Query { thing: Thing }';
    const node = nodeResolvers({ Thing: { load: (ids) => ids.map((id) => ({ id })) } }, { maxIds: 1 });
    const schema = makeExecutableSchema({ typeDefs: [nodeTypeDefs, typeDefs], resolvers: [node.resolvers] });
    const ids = [toGlobalId('Thing', 'a'), toGlobalId('Thing', 'b')];
    const result = await graphql({
      schema,
      source: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variableValues: { ids },
      contextValue: {},
    });
    expect(result.errors?.map((error) => error.message)).toEqual(['Invalid ids: at most 1 ids.']);
  });

  it('resolves a Node value no lookup loaded by its __typename, or by the resolveType option', async () => {
    const typeDefs = /* GraphQL */ `
      type Thing implements Node {
        id: ID!
      }
      type Query {
        thing: Node
      }
    `;
    const loaders = { Thing: { load: () => [] } };
    const build = (node: ReturnType<typeof nodeResolvers>, value: object) =>
      makeExecutableSchema({ typeDefs: [nodeTypeDefs, typeDefs], resolvers: [{ Query: { thing: () => value } }, node.resolvers] });
    const query = async (schema: GraphQLSchema) =>
      JSON.parse(JSON.stringify(await graphql({ schema, source: '{ thing { __typename id } }', contextValue: {} }))) as unknown;
    const expected = { data: { thing: { __typename: 'Thing', id: toGlobalId('Thing', 'x') } } };
    expect(await query(build(nodeResolvers(loaders), { __typename: 'Thing', id: 'x' }))).toEqual(expected);
    expect(await query(build(nodeResolvers(loaders, { resolveType: () => 'Thing' }), { id: 'x' }))).toEqual(expected);
  });
});

describeRelayRefetch('the schema-first blog (@paginate, nodeTypeDefs, nodeResolvers)', () => {
  const calls: LoadCall[] = [];
  return { schema: sdlBlogSchema(calls), calls };
});
