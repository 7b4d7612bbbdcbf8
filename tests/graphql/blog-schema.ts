// A graphql-js blog whose Author, Article and Comment rows share integer ids (1, 2, 3 in each table),
// as the demo's do: with pagewise's Node interface they get global ids; `legacyBlogSchema` keeps the
// plain `Int!` ids the issue started from. Shared by the node and relay-runtime tests.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldConfig } from 'graphql';
import { cursorPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, intId, nodeDefinitions, type NodeLoader } from 'pagewise/graphql';

/** A row of one of the blog's tables. */
export interface AuthorRow {
  readonly id: number;
  readonly name: string;
}
export interface ArticleRow {
  readonly id: number;
  readonly title: string;
  readonly authorId: number;
}
export interface CommentRow {
  readonly id: number;
  readonly body: string;
  readonly articleId: number;
}

/** The blog's tables, ids from 1 in each. */
export interface BlogRows {
  readonly authors: readonly AuthorRow[];
  readonly articles: readonly ArticleRow[];
  readonly comments: readonly CommentRow[];
}

/** Two authors, three articles (two by author 1), seven comments (five on article 1). */
export function blogRows(): BlogRows {
  return {
    authors: [
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ],
    articles: [
      { id: 1, title: 'Keysets', authorId: 1 },
      { id: 2, title: 'Cursors', authorId: 1 },
      { id: 3, title: 'Offsets', authorId: 2 },
    ],
    comments: [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, body: `Comment ${id}`, articleId: id <= 5 ? 1 : 2 })),
  };
}

/** One call of a node loader: the type and the ids it got at once. */
export interface LoadCall {
  readonly type: string;
  readonly ids: readonly unknown[];
}

/** Options of {@link blogSchema}. */
export interface BlogSchemaOptions {
  readonly rows?: BlogRows;
  /** Every node loader call is pushed here. */
  readonly calls?: LoadCall[];
}

/** What every request gets: a fresh object, so node lookups batch per request. */
export type BlogContext = Record<string, never>;

const pagination = cursorPagination({ pageSize: 2, maxPageSize: 10, ordering: 'id' });

/** The loaders of the three node types, over `rows`, recording their calls. */
export function blogLoaders(rows: BlogRows, calls: LoadCall[]): Record<'Author' | 'Article' | 'Comment', NodeLoader<BlogContext>> {
  const loader = <T extends { readonly id: number }>(type: string, table: readonly T[]): NodeLoader<BlogContext> => ({
    parseId: intId,
    // Any order, missing ones left out: as a database answers `WHERE id IN (...)`.
    load: (ids: readonly number[]) => {
      calls.push({ type, ids });
      return Promise.resolve(table.filter((row) => ids.includes(row.id)).reverse());
    },
  });
  return { Author: loader('Author', rows.authors), Article: loader('Article', rows.articles), Comment: loader('Comment', rows.comments) };
}

function buildBlog(rows: BlogRows, calls: LoadCall[], withNodes: boolean): GraphQLSchema {
  const node = nodeDefinitions<BlogContext>(blogLoaders(rows, calls));
  const id = (): GraphQLFieldConfig<unknown, BlogContext> => (withNodes ? node.globalIdField() : { type: new GraphQLNonNull(GraphQLInt) });
  const interfaces = withNodes ? [node.nodeInterface] : [];

  const Comment = new GraphQLObjectType<CommentRow, BlogContext>({
    name: 'Comment',
    interfaces,
    fields: { id: id(), body: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const Article: GraphQLObjectType<ArticleRow, BlogContext> = new GraphQLObjectType<ArticleRow, BlogContext>({
    name: 'Article',
    interfaces,
    fields: () => ({
      id: id(),
      title: { type: new GraphQLNonNull(GraphQLString) },
      author: { type: new GraphQLNonNull(Author), resolve: (article) => rows.authors.find((author) => author.id === article.authorId) },
      comments: connectionField<ArticleRow, BlogContext, CommentRow>({
        node: Comment,
        pagination,
        source: (article) =>
          arraySource(
            rows.comments.filter((comment) => comment.articleId === article.id),
            { uniqueKey: 'id' },
          ),
      }),
    }),
  });
  const Author: GraphQLObjectType<AuthorRow, BlogContext> = new GraphQLObjectType<AuthorRow, BlogContext>({
    name: 'Author',
    interfaces,
    fields: () => ({
      id: id(),
      name: { type: new GraphQLNonNull(GraphQLString) },
      articles: connectionField<AuthorRow, BlogContext, ArticleRow>({
        node: Article,
        pagination,
        source: (author) =>
          arraySource(
            rows.articles.filter((article) => article.authorId === author.id),
            { uniqueKey: 'id' },
          ),
      }),
    }),
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        ...(withNodes && { node: node.nodeField, nodes: node.nodesField }),
        articles: connectionField<unknown, BlogContext, ArticleRow>({
          node: Article,
          pagination,
          source: () => arraySource(rows.articles, { uniqueKey: 'id' }),
        }),
        authors: connectionField<unknown, BlogContext, AuthorRow>({
          node: Author,
          pagination,
          source: () => arraySource(rows.authors, { uniqueKey: 'id' }),
        }),
      },
    }),
  });
}

/** The blog with pagewise's Node interface: global ids, `node(id:)` and `nodes(ids:)`. */
export function blogSchema(options: BlogSchemaOptions = {}): GraphQLSchema {
  return buildBlog(options.rows ?? blogRows(), options.calls ?? [], true);
}

/** The blog as the issue found it: `id: Int!` on every type, no Node interface, no `node` field. */
export function legacyBlogSchema(): GraphQLSchema {
  return buildBlog(blogRows(), [], false);
}
