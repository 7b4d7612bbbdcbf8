// The bare-list offset field: Apollo Client's offsetLimitPagination() fits it unchanged; and the offset
// list's rows field under another name (resultsField).
import { ApolloClient, gql, InMemoryCache } from '@apollo/client';
import { SchemaLink } from '@apollo/client/link/schema';
import { offsetLimitPagination } from '@apollo/client/utilities';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from 'graphql';
import { limitOffsetPagination } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { offsetLimitListField, offsetListField, offsetListType } from 'pagewise/graphql';

const rows = Array.from({ length: 17 }, (_, index) => ({ id: index + 1 }));
const Item = new GraphQLObjectType({ name: 'ListItem', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
const Other = new GraphQLObjectType({ name: 'ObjectsItem', fields: { id: { type: new GraphQLNonNull(GraphQLInt) } } });
const pagination = limitOffsetPagination({ defaultLimit: 5, maxLimit: 10 });
const source = () => arraySource(rows, { uniqueKey: 'id' });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: offsetLimitListField({ node: Item, pagination, source }),
      objects: offsetListField({ node: Other, pagination, source, types: { resultsField: 'objects' } }),
    },
  }),
});

describe('offsetLimitListField', () => {
  it('is [Node!]! with offset and limit, and Apollo offsetLimitPagination() merges every row once', async () => {
    expect(String(schema.getQueryType()!.getFields()['items']!.type)).toBe('[ListItem!]!');
    const client = new ApolloClient({
      link: new SchemaLink({ schema }),
      cache: new InMemoryCache({ typePolicies: { Query: { fields: { items: offsetLimitPagination() } } } }),
    });
    const query = gql('query ($offset: Int, $limit: Int) { items(offset: $offset, limit: $limit) { id } }');
    const observable = client.watchQuery<{ items: { id: number }[] }>({ query, variables: { offset: 0, limit: 5 } });
    const subscription = observable.subscribe(() => undefined);
    try {
      let result = await observable.refetch();
      while (result.data!.items.length % 5 === 0 && result.data!.items.length < rows.length) {
        await observable.fetchMore({ variables: { offset: result.data!.items.length } });
        result = { ...result, data: client.readQuery<{ items: { id: number }[] }>({ query, variables: { offset: 0, limit: 5 } })! };
      }
      expect(result.data!.items.map((item) => item.id)).toEqual(rows.map((row) => row.id));
    } finally {
      subscription.unsubscribe();
      client.stop();
    }
  });

  it('caps the limit and answers bad arguments with coded errors', async () => {
    const capped = await graphql({ schema, source: '{ items(limit: 50) { id } }' });
    expect((capped.data as { items: unknown[] }).items).toHaveLength(10);
    const bad = await graphql({ schema, source: '{ items(offset: -1) { id } }' });
    expect(bad.errors?.map((error) => error.extensions['paginationCode'])).toEqual(['INVALID_ARGUMENT']);
  });
});

describe('resultsField', () => {
  it("names the offset list's rows field, and a second build may not rename it", async () => {
    const result = await graphql({ schema, source: '{ objects(limit: 2) { objects { id } count } }' });
    expect(result).toEqual({ data: { objects: { objects: [{ id: 1 }, { id: 2 }], count: 17 } } });
    expect(() => offsetListType(Other, { resultsField: 'results' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
