// relay-runtime (relay-compiler artifacts, default settings, the default ConnectionHandler) pages a
// connection of every style with @connection, forward (first/after) and backward (last/before), and
// holds every row once, in order.
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { cursorPagination, limitOffsetPagination, pageNumberPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { connectionField } from 'pagewise/graphql';
import { createOperationDescriptor, fetchQuery, getSelector, type ConcreteRequest, type ReaderFragment } from 'relay-runtime';
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
