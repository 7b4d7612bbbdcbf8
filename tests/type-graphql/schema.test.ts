import 'reflect-metadata';
import { graphql, printSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import {
  ConnectionType,
  CursorArgs,
  EdgeType,
  LimitOffsetArgs,
  PageNumberArgs,
  PageType,
  validatePaginationArgs,
} from 'pagewise/type-graphql';
import { articleSchema } from '../graphql/articles-schema';
import { typeGraphqlArticleSchema } from './articles-resolver';

describe('type-graphql', () => {
  it('prints the same SDL as the graphql-js builders', async () => {
    const built = await typeGraphqlArticleSchema();
    expect(printSchema(built)).toBe(printSchema(articleSchema()));
  });

  it('carries the cost hint given as type-graphql complexity', async () => {
    const field = (await typeGraphqlArticleSchema()).getQueryType()!.getFields()['cursorConnection']!;
    const complexity = field.extensions['complexity'] as (estimate: { args: object; childComplexity: number }) => number;
    expect(complexity({ args: { first: 5 }, childComplexity: 2 })).toBe(10);
  });

  it('makes one class per node and kind', () => {
    class Node {}
    expect(ConnectionType(Node)).toBe(ConnectionType(Node));
    expect(EdgeType(Node)).toBe(EdgeType(Node));
    expect(PageType(Node)).toBe(PageType(Node));
  });

  it('a class asked for under another name is its own type, not the first one built', () => {
    class Node {}
    const nameOf = (target: object) => getMetadataStorage().objectTypes.find((type) => type.target === target)?.name;
    const plain = ConnectionType(Node);
    const post = ConnectionType(Node, { name: 'Post' });
    expect(post).not.toBe(plain);
    expect(ConnectionType(Node, { name: 'Post' })).toBe(post);
    expect(ConnectionType(Node, { name: 'Node' })).toBe(plain);
    expect([plain, post, EdgeType(Node, { name: 'Post' }), PageType(Node, { name: 'Post' }), PageType(Node)].map(nameOf)).toEqual([
      'NodeConnection',
      'PostConnection',
      'PostEdge',
      'PostPage',
      'NodePage',
    ]);
  });

  it('answers the same as the graphql-js schema', async () => {
    const query = `{
      cursorConnection(first: 4) { edges { cursor node { id } } totalCount pageInfo { hasNextPage endCursor totalPages } }
      pageNumberPage(page: "last") { results { id } count next previous }
      limitOffsetConnection(limit: 2, offset: 3) { nodes { title } pageInfo { nextOffset previousOffset } }
      relayArticles(last: 2) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } }
    }`;
    const expected = await graphql({ schema: articleSchema(), source: query });
    expect(expected.errors).toBeUndefined();
    expect(await graphql({ schema: await typeGraphqlArticleSchema(), source: query })).toEqual(expected);
  });

  it.each([
    ['{ cursorConnection(first: -1) { totalCount } }', 'INVALID_ARGUMENT', 'first'],
    ['{ pageNumberPage(pageSize: 0) { count } }', 'INVALID_ARGUMENT', 'pageSize'],
    ['{ limitOffsetPage(offset: -1) { count } }', 'INVALID_ARGUMENT', 'offset'],
    ['{ pageNumberConnection(page: 0) { totalCount } }', 'INVALID_PAGE', 'page'],
    ['{ cursorPage(after: "x") { count } }', 'INVALID_CURSOR', 'after'],
  ])('%s is a coded error', async (query, code, argument) => {
    const result = await graphql({ schema: await typeGraphqlArticleSchema(), source: query });
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', paginationCode: code, argumentName: argument },
    ]);
  });

  it('validatePaginationArgs checks the args classes and subclasses, and nothing else', () => {
    class Filtered extends CursorArgs {}
    const bad = Object.assign(new Filtered(), { first: -1 });
    const data = {} as Parameters<typeof validatePaginationArgs>[2];
    expect(() => validatePaginationArgs(bad, Filtered, data)).toThrow(
      expect.objectContaining({
        message: 'Argument "first" must be a non-negative integer',
        extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName: 'first' },
      }),
    );
    expect(() => validatePaginationArgs(Object.assign(new LimitOffsetArgs(), { offset: 2, after: 'x' }), LimitOffsetArgs, data)).toThrow(
      'Pass "offset" or "after", not both',
    );
    expect(validatePaginationArgs({ first: -1 }, Object, data)).toBeUndefined();
    expect(
      validatePaginationArgs(Object.assign(new PageNumberArgs(), { page: 'last', pageSize: 5 }), PageNumberArgs, data),
    ).toBeUndefined();
  });
});
