// The cost-limit validation rule: the cost hint's arithmetic (page size × one row's cost, every other
// field 1 plus its children) over aliases, fragments, variables and nesting; introspection free.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, specifiedRules, validate } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination, PaginationConfigError } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, costLimit, offsetListField, QUERY_TOO_COSTLY } from 'pagewise/graphql';

interface Row {
  readonly id: number;
}
const rows = () => arraySource<Row>([{ id: 1 }], { uniqueKey: 'id' });

// Query.articles (cursor, default 20, max 100) → Article.author → Author.articles (cursor, default 10,
// max 50); page-number and limit-offset lists beside them.
const Author: GraphQLObjectType = new GraphQLObjectType({
  name: 'Author',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLInt) },
    articles: connectionField({
      node: Article,
      pagination: cursorPagination({ pageSize: 10, maxPageSize: 50, ordering: 'id' }),
      source: rows,
    }),
  }),
});
const Article: GraphQLObjectType = new GraphQLObjectType({
  name: 'Article',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLInt) },
    title: { type: GraphQLString },
    author: { type: Author },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      articles: connectionField({
        node: Article,
        pagination: cursorPagination({ pageSize: 20, maxPageSize: 100, ordering: 'id' }),
        source: rows,
      }),
      articlePages: offsetListField({ node: Article, pagination: pageNumberPagination({ pageSize: 20, maxPageSize: 100 }), source: rows }),
      articleOffsets: offsetListField({
        node: Article,
        pagination: limitOffsetPagination({ defaultLimit: 5, maxLimit: 30 }),
        source: rows,
      }),
      hello: { type: GraphQLString },
    },
  }),
});

/** The cost the rule names, or null when the document passes under `maximum`. */
function costOf(query: string, variables?: Record<string, unknown>, maximum = 0): number | null {
  const errors = validate(schema, parse(query), [costLimit({ maximum, variables })]);
  if (errors.length === 0) return null;
  expect(errors).toHaveLength(1);
  return errors[0]!.extensions['cost'] as number;
}

describe('costLimit', () => {
  // edges 1 + node 1 + id 1 = 3 per row.
  const row = 'edges { node { id } }';
  it.each([
    ['a plain field', '{ hello }', undefined, 1],
    ['introspection is free', '{ __typename __schema { types { name fields { name } } } }', undefined, null],
    ['a literal page size', `{ articles(first: 7) { ${row} } }`, undefined, 7 * 3],
    ['the default page size', `{ articles { ${row} } }`, undefined, 20 * 3],
    ['last', `{ articles(last: 4) { ${row} } }`, undefined, 4 * 3],
    ['a size above the maximum counts as the maximum', `{ articles(first: 1000) { ${row} } }`, undefined, 100 * 3],
    ['totalCount and pageInfo are per row too', '{ articles(first: 2) { totalCount pageInfo { hasNextPage } } }', undefined, 2 * 3],
    ['page-number pageSize', '{ articlePages(pageSize: 9) { results { id } } }', undefined, 9 * 2],
    ['limit-offset limit', '{ articleOffsets(limit: 8, offset: 1000) { results { id } } }', undefined, 8 * 2],
    ['limit-offset default', '{ articleOffsets { results { id } } }', undefined, 5 * 2],
    ['every alias counts', `{ a: articles(first: 2) { ${row} } b: articles(first: 3) { ${row} } }`, undefined, 5 * 3],
    [
      'nesting multiplies',
      `{ articles(first: 10) { edges { node { author { articles(first: 5) { ${row} } } } } } }`,
      undefined,
      // node: 1 + author (1 + 5 × 3) = 17, edges 18, × 10
      10 * (1 + 1 + 1 + 5 * 3),
    ],
    ['a named fragment', `{ articles(first: 3) { ...Rows } } fragment Rows on ArticleConnection { ${row} }`, undefined, 3 * 3],
    [
      'a spread twice counts twice',
      `{ articles(first: 3) { ...Rows ...Rows } } fragment Rows on ArticleConnection { ${row} }`,
      undefined,
      3 * 6,
    ],
    ['an inline fragment', `{ articles(first: 3) { ... on ArticleConnection { ${row} } } }`, undefined, 3 * 3],
    ['a given variable', `query($n: Int) { articles(first: $n) { ${row} } }`, { n: 6 }, 6 * 3],
    ["a variable's default", `query($n: Int = 8) { articles(first: $n) { ${row} } }`, {}, 8 * 3],
    ['an unknown variable is the worst case: the maximum', `query($n: Int) { articles(first: $n) { ${row} } }`, undefined, 100 * 3],
    ['a null variable is the default size', `query($n: Int) { articles(first: $n) { ${row} } }`, { n: null }, 20 * 3],
    [
      'an unknown nested variable is that field’s maximum',
      `query($n: Int) { articles(first: 1) { edges { node { author { articles(first: $n) { ${row} } } } } } }`,
      undefined,
      1 * (3 + 50 * 3),
    ],
  ])('%s', (_name, query, variables, expected) => {
    expect(costOf(query, variables)).toBe(expected);
  });

  it('rejects above the maximum with a coded error naming the cost and the limit', () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: articles(first: 100) { totalCount }`).join(' ');
    const errors = validate(schema, parse(`{ ${aliases} }`), [costLimit({ maximum: 10_000 })]);
    expect(errors.map((error) => ({ message: error.message, extensions: error.extensions }))).toEqual([
      {
        message: 'The query costs 100000, above the maximum of 10000: ask for smaller pages or fewer nested connections.',
        extensions: { code: QUERY_TOO_COSTLY, cost: 100_000, maximum: 10_000 },
      },
    ]);
  });

  it('accepts at the maximum exactly', () => {
    expect(validate(schema, parse(`{ articles(first: 10) { ${row} } }`), [costLimit({ maximum: 30 })])).toEqual([]);
    expect(validate(schema, parse(`{ articles(first: 10) { ${row} } }`), [costLimit({ maximum: 29 })])).toHaveLength(1);
  });

  it('costs each operation of a document on its own', () => {
    const document = parse(`query Small { articles(first: 1) { ${row} } } query Big { articles(first: 100) { ${row} } }`);
    const errors = validate(schema, document, [costLimit({ maximum: 100 })]);
    expect(errors.map((error) => error.extensions['cost'])).toEqual([300]);
  });

  it('costs fragments nested twice per level in linear time, and leaves cycles to the spec rules', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, index) =>
      index === levels - 1 ? `fragment F${index} on Query { hello }` : `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`,
    ).join('\n');
    expect(costOf(`{ ...F0 } ${fragments}`)).toBe(2 ** (levels - 1));
    const cyclic = validate(schema, parse('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A hello }'), [
      ...specifiedRules,
      costLimit({ maximum: 0 }),
    ]);
    expect(cyclic.map((error) => error.message)).toContain('Cannot spread fragment "A" within itself via "B".');
  });

  it('ignores unknown fields and fragments (the spec rules report them)', () => {
    expect(costOf('{ nope { id } ...Missing }')).toBeNull();
  });

  it('rejects a bad maximum as misuse', () => {
    expect(() => costLimit({ maximum: Number.NaN })).toThrow(PaginationConfigError);
    expect(() => costLimit({ maximum: 10, fieldCost: -1 })).toThrow(/fieldCost/);
  });
});
