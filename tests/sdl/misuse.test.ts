import { makeExecutableSchema } from '@graphql-tools/schema';
import { paginateDirective } from 'pagewise/sdl';
import { buildError } from './sdl-helpers';

const field = (declaration: string) => `type Query { ${declaration} }`;

describe('wrong use of @paginate fails when the schema is built, naming the field', () => {
  it.each([
    [
      'an unknown style',
      field('articles: [Article!]! @paginate(style: SIDEWAYS)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: Argument "style" has invalid value SIDEWAYS.',
    ],
    [
      'a CAPPED count without countCap',
      field('articles: [Article!]! @paginate(style: PAGE_NUMBER, pageSize: 5, count: CAPPED)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: count CAPPED goes with countCap, and countCap with CAPPED',
    ],
    [
      'a countCap of 0',
      field('articles: [Article!]! @paginate(style: PAGE_NUMBER, pageSize: 5, count: CAPPED, countCap: 0)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: count { capped: N } needs N a positive integer (and nothing else)',
    ],
    [
      'a FOLDED count on a cursor field',
      field('articles: [Article!]! @paginate(ordering: ["id"], count: FOLDED)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: count "folded" applies to page-number and limit-offset pages (a cursor page is no window of the whole list)',
    ],
    [
      'pageSize above maxPageSize',
      field('articles: [Article!]! @paginate(style: PAGE_NUMBER, pageSize: 200, maxPageSize: 100)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: pageSize (200) is above maxPageSize (100)',
    ],
    [
      'an ordering on a field the type lacks',
      field('articles: [Article!]! @paginate(ordering: ["-publishedAt"])'),
      'UNKNOWN_ORDERING_FIELD',
      '@paginate on Query.articles: the ordering field "publishedAt" is not a field of Article',
    ],
    [
      'the cursor default ordering ("-created") on a type without it',
      field('articles: [Article!]! @paginate'),
      'UNKNOWN_ORDERING_FIELD',
      '@paginate on Query.articles: the ordering field "created" is not a field of Article',
    ],
    [
      'a client ordering field the type lacks',
      field('articles: [Article!]! @paginate(ordering: ["id"], orderingFields: ["title", "rank"])'),
      'UNKNOWN_ORDERING_FIELD',
      '@paginate on Query.articles: the ordering field "rank" is not a field of Article',
    ],
    [
      'a page-number ordering on a field the type lacks',
      field('articles: [Article!]! @paginate(style: PAGE_NUMBER, ordering: ["author.name"])'),
      'UNKNOWN_ORDERING_FIELD',
      '@paginate on Query.articles: the ordering field "author.name" is not a field of Article',
    ],
    [
      'a field that is not a list',
      field('article: Article @paginate(ordering: ["id"])'),
      'INVALID_OPTIONS',
      '@paginate on Query.article: the field must return a list of nodes, such as [Article!]!, not Article',
    ],
    [
      'a list of lists',
      field('articles: [[Article!]!]! @paginate(ordering: ["id"])'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: the field must return a list of nodes, such as [Article!]!, not [[Article!]!]!',
    ],
    [
      'a malformed ordering term',
      field('articles: [Article!]! @paginate(ordering: ["-"])'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: invalid ordering term "-"',
    ],
    [
      'a negative page size',
      field('articles: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: -1)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: pageSize must be a non-negative integer, not -1',
    ],
    [
      'a cursor option on another style',
      field('articles: [Article!]! @paginate(style: LIMIT_OFFSET, cursorMode: DRF)'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: cursorMode applies to the cursor style only',
    ],
    [
      'an argument the pagination adds',
      field('articles(first: Int): [Article!]! @paginate(ordering: ["id"])'),
      'INVALID_OPTIONS',
      '@paginate on Query.articles: the argument "first" clashes with an argument the pagination adds',
    ],
    [
      'a nested type field',
      'type Blog { posts: Article @paginate(ordering: ["id"]) } type Query { blog: Blog }',
      'INVALID_OPTIONS',
      '@paginate on Blog.posts: the field must return a list of nodes, such as [Article!]!, not Article',
    ],
  ])('%s', (_name, typeDefs, code, message) => {
    expect(buildError(typeDefs)).toEqual({ name: 'PaginationConfigError', code, message });
  });

  it('pageSize above a default maxPageSize', () => {
    expect(
      buildError(field('articles: [Article!]! @paginate(style: LIMIT_OFFSET, pageSize: 30)'), { defaults: { maxPageSize: 20 } }),
    ).toEqual({
      name: 'PaginationConfigError',
      code: 'INVALID_OPTIONS',
      message: '@paginate on Query.articles: pageSize (30) is above maxPageSize (20)',
    });
  });

  it('a directive whose SDL defines the style as a String still rejects an unknown style', () => {
    const typeDefs = `
      directive @paginate(style: String, ordering: [String!]) on FIELD_DEFINITION
      type Article { id: Int! }
      type Query { articles: [Article!]! @paginate(style: "SIDEWAYS", ordering: ["id"]) }`;
    const transform = () => paginateDirective().transformer(makeExecutableSchema({ typeDefs }));
    expect(transform).toThrow('@paginate on Query.articles: unknown style "SIDEWAYS" (expected one of CURSOR, PAGE_NUMBER, LIMIT_OFFSET)');
  });

  it('a schema without the directive definition', () => {
    const transform = () => paginateDirective().transformer(makeExecutableSchema({ typeDefs: 'type Query { ok: Boolean }' }));
    expect(transform).toThrow("The schema lacks the @paginate directive: include the directive's typeDefs");
  });
});
