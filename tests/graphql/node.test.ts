import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString, printSchema, type ExecutionResult } from 'graphql';
import * as relay from 'graphql-relay';
import { DEFAULT_MAX_NODE_IDS, nodeDefinitions, nodeLookup, toGlobalId } from 'pagewise/graphql';
import { PaginationConfigError } from 'pagewise';
import { blogSchema, type LoadCall } from './blog-schema';

const article = (id: number) => toGlobalId('Article', id);
const comment = (id: number) => toGlobalId('Comment', id);
const author = (id: number) => toGlobalId('Author', id);

const invalidId = (message: string, path: readonly (string | number)[], argumentName = 'id') => ({
  message,
  path,
  extensions: { code: 'BAD_USER_INPUT', paginationCode: 'INVALID_ARGUMENT', argumentName },
});

const plain = (result: ExecutionResult) => JSON.parse(JSON.stringify(result)) as unknown;
const errorsOf = (result: ExecutionResult) =>
  (result.errors ?? [])
    .map(({ message, path, extensions }) => ({ message, path, extensions }))
    .sort((a, b) => String(a.path).localeCompare(String(b.path)));

describe('nodeDefinitions for graphql-js', () => {
  const calls: LoadCall[] = [];
  const schema = blogSchema({ calls });
  const run = async (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues, contextValue: {} });
  beforeEach(() => {
    calls.length = 0;
  });

  it('prints the Node interface and node/nodes fields exactly as graphql-relay builds them', () => {
    type Fields = Pick<ReturnType<typeof relay.nodeDefinitions>, 'nodeField' | 'nodesField'>;
    const schemaOf = (defs: Fields) =>
      printSchema(
        new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { node: defs.nodeField, nodes: defs.nodesField } }) }),
      );
    expect(schemaOf(nodeDefinitions({}) as unknown as Fields)).toBe(schemaOf(relay.nodeDefinitions(() => null)));
  });

  it('resolves a node of each type by its global id, with its concrete type', async () => {
    const result = await run(
      `query ($a: ID!, $c: ID!, $u: ID!) {
        a: node(id: $a) { __typename id ... on Article { title } }
        c: node(id: $c) { __typename id ... on Comment { body } }
        u: node(id: $u) { __typename id ... on Author { name } }
      }`,
      { a: article(1), c: comment(1), u: author(1) },
    );
    expect(plain(result)).toEqual({
      data: {
        a: { __typename: 'Article', id: article(1), title: 'Keysets' },
        c: { __typename: 'Comment', id: comment(1), body: 'Comment 1' },
        u: { __typename: 'Author', id: author(1), name: 'Ada' },
      },
    });
  });

  it('gives the id the node was looked up by (what Relay checks)', async () => {
    const result = await run(`{ articles(first: 3) { edges { node { id } } } }`);
    const ids = (result.data as { articles: { edges: { node: { id: string } }[] } }).articles.edges.map((edge) => edge.node.id);
    expect(ids).toEqual([article(1), article(2), article(3)]);
    const again = await run(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(plain(again)).toEqual({ data: { nodes: ids.map((id) => ({ id })) } });
  });

  it('answers null for a well-formed id with no row, as graphql-relay does', async () => {
    const result = await run(`query ($id: ID!) { node(id: $id) { id } }`, { id: article(99) });
    expect(plain(result)).toEqual({ data: { node: null } });
    const theirs = relay.nodeDefinitions(() => null);
    const relaySchema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { node: theirs.nodeField } }),
      types: [new GraphQLObjectType({ name: 'Article', interfaces: [theirs.nodeInterface], fields: { id: relay.globalIdField() } })],
    });
    expect(plain(await graphql({ schema: relaySchema, source: `{ node(id: "${article(99)}") { id } }` }))).toEqual({
      data: { node: null },
    });
  });

  it.each([
    ['not a global id', 'nope', 'Invalid id: not a global id.'],
    ['a type with no loader', toGlobalId('Query', 1), 'Invalid id: no object of type Query has an id.'],
    [
      'an id of the wrong kind for the type (Article ids are integers)',
      toGlobalId('Article', 'abc'),
      'Invalid id: not a valid Article id.',
    ],
    ['a non-canonical integer', toGlobalId('Article', '01'), 'Invalid id: not a valid Article id.'],
  ])('%s: a coded error at node, and no lookup', async (_name, id, message) => {
    const result = await run(`query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(result.data).toEqual({ node: null });
    expect(errorsOf(result)).toEqual([invalidId(message, ['node'])]);
    expect(calls).toEqual([]);
  });

  it('nodes: each id resolves on its own — a bad one is null with an error at its index', async () => {
    const result = await run(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [article(2), 'nope', article(99), comment(3)] });
    expect(result.data).toEqual({ nodes: [{ id: article(2) }, null, null, { id: comment(3) }] });
    expect(errorsOf(result)).toEqual([invalidId('Invalid id: not a global id.', ['nodes', 1], 'ids')]);
  });

  it("nodes takes at most 100 ids by default (GitHub's limit): more is INVALID_ARGUMENT before any load", async () => {
    const ids = Array.from({ length: DEFAULT_MAX_NODE_IDS + 1 }, (_, index) => comment(index + 1));
    const tooMany = await run(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(tooMany.data).toBeNull();
    expect(errorsOf(tooMany)).toEqual([invalidId('Invalid ids: at most 100 ids.', ['nodes'], 'ids')]);
    expect(calls).toEqual([]);
    const enough = await run(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(1) });
    expect(enough.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('maxIds sets the limit', async () => {
    const defs = nodeDefinitions<object>({ Thing: { load: (ids) => ids.map((id) => ({ id })) } }, { maxIds: 2 });
    const Thing = new GraphQLObjectType({ name: 'Thing', interfaces: [defs.nodeInterface], fields: { id: defs.globalIdField() } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { nodes: defs.nodesField } }),
      types: [Thing],
    });
    const query = (count: number) =>
      graphql({
        schema,
        source: `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        variableValues: { ids: Array.from({ length: count }, (_, index) => toGlobalId('Thing', index)) },
        contextValue: {},
      });
    expect((await query(2)).errors).toBeUndefined();
    expect(errorsOf(await query(3))).toEqual([invalidId('Invalid ids: at most 2 ids.', ['nodes'], 'ids')]);
    expect(() => nodeDefinitions({}, { maxIds: 0 })).toThrow(
      new PaginationConfigError('INVALID_OPTIONS', 'maxIds must be a positive integer'),
    );
  });

  it('batches: one load per type for every id of one request, repeated ids once', async () => {
    const result = await run(
      `query ($ids: [ID!]!, $one: ID!) {
        nodes(ids: $ids) { id }
        one: node(id: $one) { id }
        again: node(id: $one) { id }
      }`,
      { ids: [comment(5), article(1), comment(2), article(3), comment(5), author(2)], one: article(2) },
    );
    expect(result.errors).toBeUndefined();
    expect(calls.sort((a, b) => a.type.localeCompare(b.type))).toEqual([
      { type: 'Article', ids: [1, 3, 2] },
      { type: 'Author', ids: [2] },
      { type: 'Comment', ids: [5, 2] },
    ]);
  });

  it('batches per request: two concurrent requests never share a load', async () => {
    await Promise.all([run(`{ node(id: "${article(1)}") { id } }`), run(`{ node(id: "${article(2)}") { id } }`)]);
    expect(calls).toEqual([
      { type: 'Article', ids: [1] },
      { type: 'Article', ids: [2] },
    ]);
  });

  it("a loader's failure reaches every node of its batch, and only those", async () => {
    const failing = nodeDefinitions<object>({
      Thing: {
        load: () => Promise.reject(new Error('database down')),
      },
      Other: { load: (ids) => ids.map((id) => ({ id })) },
    });
    const Thing = new GraphQLObjectType({ name: 'Thing', interfaces: [failing.nodeInterface], fields: { id: failing.globalIdField() } });
    const Other = new GraphQLObjectType({ name: 'Other', interfaces: [failing.nodeInterface], fields: { id: failing.globalIdField() } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { nodes: failing.nodesField } }),
      types: [Thing, Other],
    });
    const ids = [toGlobalId('Thing', 'a'), toGlobalId('Other', 'b'), toGlobalId('Thing', 'c')];
    const result = await graphql({
      schema,
      source: `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      variableValues: { ids },
      contextValue: {},
    });
    expect(result.data).toEqual({ nodes: [null, { id: ids[1] }, null] });
    expect(errorsOf(result).map(({ message, path }) => ({ message, path }))).toEqual([
      { message: 'database down', path: ['nodes', 0] },
      { message: 'database down', path: ['nodes', 2] },
    ]);
  });

  it('a loader that throws instead of rejecting fails its batch the same way', async () => {
    const throwing = nodeLookup<object>({
      Thing: {
        load: () => {
          throw new Error('bad loader');
        },
      },
    });
    const context = {};
    const settled = await Promise.allSettled(throwing.nodes([toGlobalId('Thing', 1), toGlobalId('Thing', 2)], context));
    expect(settled.map((result) => (result.status === 'rejected' ? (result.reason as Error).message : result.status))).toEqual([
      'bad loader',
      'bad loader',
    ]);
  });

  it('resolveType falls back to the option for Node values no lookup loaded', async () => {
    const defs = nodeDefinitions<object>({ Thing: { load: () => [] } }, { resolveType: () => 'Thing' });
    const Thing = new GraphQLObjectType({ name: 'Thing', interfaces: [defs.nodeInterface], fields: { id: defs.globalIdField() } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { first: { type: defs.nodeInterface, resolve: () => ({ id: 'x' }) } } }),
      types: [Thing],
    });
    expect(plain(await graphql({ schema, source: `{ first { __typename id } }`, contextValue: {} }))).toEqual({
      data: { first: { __typename: 'Thing', id: toGlobalId('Thing', 'x') } },
    });
  });

  it('uses idOf for the rows of a type keyed otherwise', async () => {
    const defs = nodeDefinitions<object>({
      User: {
        load: (logins) => [{ login: 'ada', name: 'Ada' }].filter((row) => logins.includes(row.login)),
        idOf: (row: { login: string }) => row.login,
      },
    });
    const User = new GraphQLObjectType({
      name: 'User',
      interfaces: [defs.nodeInterface],
      fields: { id: defs.globalIdField(), name: { type: GraphQLString } },
    });
    const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { node: defs.nodeField } }), types: [User] });
    const result = await graphql({
      schema,
      source: `{ node(id: "${toGlobalId('User', 'ada')}") { id ... on User { name } } }`,
      contextValue: {},
    });
    expect(plain(result)).toEqual({ data: { node: { id: toGlobalId('User', 'ada'), name: 'Ada' } } });
  });
});

describe('nodeLookup misuse', () => {
  it('throws PaginationConfigError for a loader under a name that is not a type name', () => {
    expect(() => nodeLookup({ 'not-a-type': { load: () => [] } })).toThrow(PaginationConfigError);
    expect(() => nodeLookup({ Thing: {} as never })).toThrow('Node loader "Thing": `load` must be a function');
  });

  it('needs a context object per request', async () => {
    const lookup = nodeLookup<unknown>({ Thing: { load: () => [] } });
    await expect(lookup.node(toGlobalId('Thing', 1), undefined)).rejects.toThrow(PaginationConfigError);
  });

  it('a row without an id and no idOf is a PaginationConfigError naming idOf', () => {
    const lookup = nodeLookup<object>({ Thing: { load: () => [] } });
    expect(() => lookup.globalIdOf('Thing', { key: 1 })).toThrow(
      'A Thing row has no string or number `id`: give its node loader an `idOf`',
    );
  });
});
