// A cursor carries what it pages (issue 14, item 6): a field's cursors are INVALID_CURSOR on another
// field, a batched parent's on another parent; one scope name on purpose shares them.
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { cursorPagination, hmacSigner, type CursorPagination } from 'pagewise';
import { arraySource, arrayBatchSource } from 'pagewise/array';
import { batchedConnectionField, connectionField } from 'pagewise/graphql';

interface Article {
  readonly id: number;
  readonly authorId: number;
}
const ARTICLES: Article[] = Array.from({ length: 12 }, (_, index) => ({ id: index + 1, authorId: (index % 3) + 1 }));
const ArticleType = new GraphQLObjectType({ name: 'Article', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });

function schemaOf(pagination: CursorPagination, shared?: string) {
  const scope = shared === undefined ? {} : { cursorScope: shared };
  const AuthorType = new GraphQLObjectType<{ id: number }>({
    name: 'Author',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      articles: batchedConnectionField<{ id: number }, unknown, number, Article>({
        node: ArticleType,
        pagination,
        key: (author) => author.id,
        batchSource: () => arrayBatchSource(ARTICLES, { key: 'authorId', uniqueKey: 'id' }),
      }),
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        articles: connectionField<unknown, unknown, Article>({
          node: ArticleType,
          pagination,
          source: () => arraySource(ARTICLES, { uniqueKey: 'id' }),
          ...scope,
        }),
        latest: connectionField<unknown, unknown, Article>({
          node: ArticleType,
          pagination,
          source: () => arraySource(ARTICLES, { uniqueKey: 'id' }),
          ...scope,
        }),
        authors: { type: new GraphQLList(AuthorType), resolve: () => [{ id: 1 }, { id: 2 }] },
      },
    }),
  });
}

async function run(schema: GraphQLSchema, source: string, variableValues: Record<string, unknown> = {}) {
  return graphql({ schema, source, variableValues, contextValue: {} });
}

const endCursor = async (schema: GraphQLSchema, field: string): Promise<string> => {
  const result = await run(schema, `{ ${field}(first: 2) { pageInfo { endCursor } } }`);
  return (result.data as Record<string, { pageInfo: { endCursor: string } }>)[field]!.pageInfo.endCursor;
};

describe.each([
  ['exact, unsigned', cursorPagination({ pageSize: 2, ordering: 'id' })],
  ['exact, signed', cursorPagination({ pageSize: 2, ordering: 'id', signer: hmacSigner('a server secret of 32 characters!') })],
  ['drf, signed', cursorPagination({ pageSize: 2, ordering: 'id', mode: 'drf', signer: hmacSigner('a server secret of 32 characters!') })],
])('%s', (_, pagination) => {
  it("a field's cursor is INVALID_CURSOR on another field, and valid on its own", async () => {
    const schema = schemaOf(pagination);
    const cursor = await endCursor(schema, 'articles');
    const own = await run(schema, 'query ($after: String) { articles(first: 2, after: $after) { nodes { id } } }', { after: cursor });
    expect(own.errors).toBeUndefined();
    const other = await run(schema, 'query ($after: String) { latest(first: 2, after: $after) { nodes { id } } }', { after: cursor });
    expect(other.errors?.map((error) => error.extensions['paginationCode'])).toEqual(['INVALID_CURSOR']);
  });

  it("one parent's cursor does not continue another parent's page", async () => {
    const schema = schemaOf(pagination);
    const first = await run(schema, '{ authors { articles(first: 2) { pageInfo { endCursor } } } }');
    const cursor = (first.data as { authors: Array<{ articles: { pageInfo: { endCursor: string } } }> }).authors[0]!.articles.pageInfo
      .endCursor;
    const next = await run(schema, 'query ($after: String) { authors { id articles(first: 2, after: $after) { nodes { id } } } }', {
      after: cursor,
    });
    const authors = (next.data as { authors: Array<{ articles: { nodes: Array<{ id: number }> } | null }> }).authors;
    expect(authors[0]!.articles!.nodes.map((node) => node.id)).toEqual([7, 10]);
    expect(authors[1]!.articles).toBeNull();
    expect(next.errors?.map((error) => [error.path?.join('.'), error.extensions['paginationCode']])).toEqual([
      ['authors.1.articles', 'INVALID_CURSOR'],
    ]);
  });

  it('one scope name shares cursors between fields on purpose', async () => {
    const schema = schemaOf(pagination, 'articles');
    const cursor = await endCursor(schema, 'articles');
    const other = await run(schema, 'query ($after: String) { latest(first: 2, after: $after) { nodes { id } } }', { after: cursor });
    expect(other.errors).toBeUndefined();
    expect((other.data as { latest: { nodes: Array<{ id: number }> } }).latest.nodes.map((node) => node.id)).toEqual([3, 4]);
  });
});
