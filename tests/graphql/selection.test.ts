// What the selection helpers read off a query: the count fields (selectsCount) and the node fields
// a projection needs (selectedFields), through fragments and @skip/@include.
import { graphql, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { selectedFields, selectsCount } from 'pagewise/graphql';

const Thing = new GraphQLObjectType({
  name: 'Thing',
  fields: { id: { type: GraphQLInt }, title: { type: GraphQLString }, body: { type: GraphQLString } },
});
const Edge = new GraphQLObjectType({ name: 'ThingEdge', fields: { node: { type: Thing }, cursor: { type: GraphQLString } } });
const PageInfo = new GraphQLObjectType({
  name: 'Info',
  fields: { totalCount: { type: GraphQLInt }, hasNextPage: { type: GraphQLString } },
});
const List = new GraphQLObjectType({
  name: 'ThingList',
  fields: {
    edges: { type: new GraphQLList(Edge) },
    nodes: { type: new GraphQLList(Thing) },
    results: { type: new GraphQLList(Thing) },
    rows: { type: new GraphQLList(Thing) },
    pageInfo: { type: PageInfo },
    totalCount: { type: GraphQLInt },
  },
});

/** Runs `query` and returns what each helper read in the `things` resolver. */
async function read(query: string, variables: Record<string, unknown> = {}, resultsField?: string) {
  let seen: { fields: string[]; count: boolean } | undefined;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        things: {
          type: List,
          resolve: (_root: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
            seen = { fields: selectedFields(info, resultsField ? { resultsField } : {}).sort(), count: selectsCount(info) };
            return {};
          },
        },
      },
    }),
  });
  const result = await graphql({ schema, source: query, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen!;
}

describe('selectedFields', () => {
  it.each([
    ['nodes', '{ things { nodes { id title } } }', ['id', 'title']],
    ['edges.node', '{ things { edges { cursor node { body } } } }', ['body']],
    ['results', '{ things { results { id __typename } } }', ['id']],
    ['nodes and edges together', '{ things { nodes { id } edges { node { title } } } }', ['id', 'title']],
    ['a named fragment', '{ things { nodes { ...F } } } fragment F on Thing { title body }', ['body', 'title']],
    ['an inline fragment', '{ things { edges { node { ... on Thing { id } } } } }', ['id']],
    ['no nodes at all', '{ things { pageInfo { hasNextPage } } }', []],
  ])('%s', async (_name, query, expected) => {
    expect((await read(query)).fields).toEqual(expected);
  });

  it('honours @skip and @include', async () => {
    const query = 'query ($skip: Boolean!) { things { nodes { id title @skip(if: $skip) body @include(if: $skip) } } }';
    expect((await read(query, { skip: true })).fields).toEqual(['body', 'id']);
    expect((await read(query, { skip: false })).fields).toEqual(['id', 'title']);
  });

  it('reads an offset list renamed with resultsField', async () => {
    expect((await read('{ things { rows { title } results { id } } }', {}, 'rows')).fields).toEqual(['title']);
  });
});

describe('selectsCount', () => {
  it.each([
    ['{ things { totalCount } }', true],
    ['{ things { pageInfo { totalCount } } }', true],
    ['{ things { nodes { id } } }', false],
  ])('%s → %s', async (query, expected) => {
    expect((await read(query)).count).toBe(expected);
  });
});
