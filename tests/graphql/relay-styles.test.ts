// relay-runtime (relay-compiler artifacts, default settings, the default ConnectionHandler) pages a
// connection of every style with @connection, forward (first/after) and backward (last/before), and
// holds every row once, in order.
import { graphql, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField, edgeFor, edgeType } from 'pagewise/graphql';
import {
  commitMutation,
  ConnectionHandler,
  createOperationDescriptor,
  fetchQuery,
  getSelector,
  type ConcreteRequest,
  type ReaderFragment,
} from 'relay-runtime';
import { compileRelay, relayEnvironment } from './relay-harness';

const rows = Array.from({ length: 11 }, (_, index) => ({ id: `Row:${index + 1}`, title: `Row ${index + 1}` }));
const Row = new GraphQLObjectType({
  name: 'Row',
  fields: { id: { type: new GraphQLNonNull(GraphQLString) }, title: { type: new GraphQLNonNull(GraphQLString) } },
});
const source = () => arraySource(rows, { uniqueKey: 'id' });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      byCursor: connectionField({ node: Row, pagination: cursorPagination({ pageSize: 3, ordering: 'id' }), source }),
      byPage: connectionField({ node: Row, pagination: pageNumberPagination({ pageSize: 3 }), source }),
      byOffset: connectionField({ node: Row, pagination: limitOffsetPagination({ defaultLimit: 3 }), source }),
    },
  }),
});
// The cursor field orders by id (as text); the offset styles page in the source's own order.
const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.title);
const orderOf = (field: string): string[] => (field === 'byCursor' ? byId : rows.map((row) => row.title));

const documents = (field: string) => `
graphql\`
  fragment Walk_${field}Forward on Query
  @refetchable(queryName: "Walk${field}ForwardQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 4 }, cursor: { type: "String" }) {
    ${field}(first: $count, after: $cursor) @connection(key: "Walk_${field}Forward__${field}") {
      edges { node { id title } }
    }
  }
\`;
graphql\`
  fragment Walk_${field}Backward on Query
  @refetchable(queryName: "Walk${field}BackwardQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 4 }, cursor: { type: "String" }) {
    ${field}(last: $count, before: $cursor) @connection(key: "Walk_${field}Backward__${field}") {
      edges { node { id title } }
    }
  }
\`;
`;

type Walked = { [field: string]: { edges: { node: { title: string } }[]; pageInfo: Record<string, unknown> } };

describe.each(['byCursor', 'byPage', 'byOffset'])('relay-runtime pages %s with @connection', (field) => {
  const compiled = compileRelay(schema, 'Walk', documents(field));
  if (!compiled.ok) throw new Error(compiled.output);

  it.each([
    ['forward', 'Forward', 'endCursor', 'hasNextPage'],
    ['backward', 'Backward', 'startCursor', 'hasPreviousPage'],
  ] as const)('%s: every row once, in order, merged by the connection handler', async (_, direction, cursorName, more) => {
    const environment = relayEnvironment(schema);
    const fragment = compiled.artifacts[`Walk_${field}${direction}`] as ReaderFragment;
    const query = compiled.artifacts[`Walk${field}${direction}Query`] as ConcreteRequest;
    const read = (): Walked[string] => {
      // The query's own data holds the fragment reference; the fragment reads the merged connection.
      const root = environment.lookup(createOperationDescriptor(query, { count: 4 }).fragment).data;
      const selector = getSelector(fragment, root);
      if (selector === null || selector.kind !== 'SingularReaderSelector') throw new Error('no selector');
      const snapshot = environment.lookup(selector);
      expect(snapshot.isMissingData).toBe(false);
      return (snapshot.data as Walked)[field]!;
    };
    await fetchQuery(environment, query, { count: 4 }).toPromise();
    let page = read();
    for (let requests = 1; page.pageInfo[more] === true && requests < 10; requests += 1) {
      await fetchQuery(environment, query, { count: 4, cursor: page.pageInfo[cursorName] }).toPromise();
      page = read();
    }
    expect(page.edges.map((edge) => edge.node.title)).toEqual(orderOf(field));
  });
});

describe("a mutation's edge from edgeFor in relay-runtime's store (@appendEdge)", () => {
  const list = Array.from({ length: 6 }, (_, index) => ({ id: `Item:${index + 1}`, title: `Item ${index + 1}` }));
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: { id: { type: new GraphQLNonNull(GraphQLString) }, title: { type: new GraphQLNonNull(GraphQLString) } },
  });
  const pagination = cursorPagination({ pageSize: 3, ordering: 'id' });
  // A new array per change: the array source caches its work per array.
  let current = list;
  const itemSource = () => arraySource(current, { uniqueKey: 'id' });
  const mutationSchema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { items: connectionField({ node: Item, pagination, source: itemSource }) },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        addItem: {
          type: new GraphQLNonNull(edgeType(Item)),
          args: { title: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: (_: unknown, args: { title: string }) => {
            const row = { id: `Item:${current.length + 1}`, title: args.title };
            current = [...current, row];
            return edgeFor(row, { pagination, source: itemSource(), cursorScope: 'Query.items' });
          },
        },
      },
    }),
  });
  const docs = `
graphql\`
  fragment Add_items on Query
  @refetchable(queryName: "AddItemsQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    items(first: $count, after: $cursor) @connection(key: "Add_items__items") {
      edges { cursor node { id title } }
    }
  }
\`;
graphql\`
  mutation AddItemMutation($title: String!, $connections: [ID!]!) {
    addItem(title: $title) @appendEdge(connections: $connections) { cursor node { id title } }
  }
\`;
`;

  it('lands at the end of the stored connection with the cursor the server issues for that row', async () => {
    const compiled = compileRelay(mutationSchema, 'Add', docs);
    if (!compiled.ok) throw new Error(compiled.output);
    const environment = relayEnvironment(mutationSchema);
    const fragment = compiled.artifacts['Add_items'] as ReaderFragment;
    const query = compiled.artifacts['AddItemsQuery'] as ConcreteRequest;
    const read = () => {
      const root = environment.lookup(createOperationDescriptor(query, { count: 10 }).fragment).data;
      const selector = getSelector(fragment, root);
      if (selector === null || selector.kind !== 'SingularReaderSelector') throw new Error('no selector');
      return (environment.lookup(selector).data as { items: { edges: { cursor: string; node: { title: string } }[] } }).items;
    };
    await fetchQuery(environment, query, { count: 10 }).toPromise();
    expect(read().edges.map((edge) => edge.node.title)).toEqual(list.map((row) => row.title));

    const connection = ConnectionHandler.getConnectionID('client:root', 'Add_items__items');
    await new Promise<void>((resolve, reject) =>
      commitMutation(environment, {
        mutation: compiled.artifacts['AddItemMutation'] as ConcreteRequest,
        variables: { title: 'Item 7', connections: [connection] },
        onCompleted: () => resolve(),
        onError: reject,
      }),
    );
    const stored = read().edges;
    expect(stored.map((edge) => edge.node.title)).toEqual([...list.map((row) => row.title), 'Item 7']);
    // The server's own edge for the new row, fetched fresh, has the cursor the mutation gave.
    const fresh = (await graphql({ schema: mutationSchema, source: '{ items(first: 10) { edges { cursor node { title } } } }' })).data as {
      items: { edges: { cursor: string; node: { title: string } }[] };
    };
    expect(stored[stored.length - 1]!.cursor).toBe(fresh.items.edges.find((edge) => edge.node.title === 'Item 7')!.cursor);
  });
});
