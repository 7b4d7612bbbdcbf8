// graphql-relay compatible mode through GraphQL: every connectionFromArray vector answered by a field,
// every slice vector by resolveArrayConnection; plus graphql-relay itself as the oracle on a grid.
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { connectionFromArray as relayConnectionFromArray } from 'graphql-relay';
import type { RelayArrayArgs } from 'pagewise/internal';
import { arrayConnectionField, resolveArrayConnection } from 'pagewise/graphql';
import vectors from '../fixtures/relay-test-vectors.json';

interface Vector {
  fn: 'connectionFromArray' | 'connectionFromArraySlice';
  input: { array: unknown[]; args: RelayArrayArgs; meta?: { sliceStart: number; arrayLength: number } };
  expect: { throws: string } | { edges: unknown[]; pageInfo: unknown };
  source: string;
}

const Ship = new GraphQLObjectType({
  name: 'Ship',
  fields: { id: { type: new GraphQLNonNull(GraphQLString) }, name: { type: new GraphQLNonNull(GraphQLString) } },
});
interface Context {
  readonly array: readonly unknown[];
}
const schema = new GraphQLSchema({
  query: new GraphQLObjectType<unknown, Context>({
    name: 'Query',
    fields: {
      strings: arrayConnectionField({ node: GraphQLString, array: (_, __, context: Context) => context.array }),
      numbers: arrayConnectionField({ node: GraphQLInt, array: (_, __, context: Context) => context.array }),
      ships: arrayConnectionField({ node: Ship, array: (_, __, context: Context) => context.array }),
    },
  }),
});

function fieldFor(array: readonly unknown[]): string {
  if (array.every((item) => typeof item === 'string')) return 'strings { edges { cursor node }';
  if (array.every((item) => typeof item === 'number')) return 'numbers { edges { cursor node }';
  return 'ships { edges { cursor node { id name } }';
}

async function viaGraphQL(array: readonly unknown[], args: RelayArrayArgs) {
  const field = fieldFor(array);
  const result = await graphql({
    schema,
    source: `query ($first: Int, $after: String, $last: Int, $before: String) {
      ${field.replace(' {', '(first: $first, after: $after, last: $last, before: $before) {')}
      pageInfo { startCursor endCursor hasPreviousPage hasNextPage } } }`,
    variableValues: { ...args },
    contextValue: { array },
  });
  const name = field.split(' ')[0]!;
  return { data: (result.data as Record<string, unknown> | null | undefined)?.[name], errors: result.errors };
}

const cases = (vectors as Vector[]).map((vector, index) => [`${index}: ${vector.source}`, vector] as const);
const arrayCases = cases.filter(([, vector]) => vector.fn === 'connectionFromArray');
const sliceCases = cases.filter(([, vector]) => vector.fn === 'connectionFromArraySlice');

describe('graphql-relay compatible connection fields', () => {
  it.each(arrayCases)('%s', async (_, vector) => {
    const { data, errors } = await viaGraphQL(vector.input.array, vector.input.args);
    if ('throws' in vector.expect) {
      expect(errors?.map((error) => [error.message, error.extensions['code'], error.extensions['paginationCode']])).toEqual([
        [vector.expect.throws, 'BAD_USER_INPUT', 'INVALID_ARGUMENT'],
      ]);
    } else {
      expect(errors).toBeUndefined();
      expect(data).toEqual(vector.expect);
    }
  });

  it.each(sliceCases)('%s', async (_, vector) => {
    const connection = await resolveArrayConnection(vector.input.array, { ...vector.input.args }, vector.input.meta);
    expect({ edges: connection.edges, pageInfo: connection.pageInfo }).toEqual({
      edges: (vector.expect as { edges: unknown[] }).edges,
      pageInfo: expect.objectContaining((vector.expect as { pageInfo: object }).pageInfo),
    });
    expect(await connection.totalCount).toBe(vector.input.meta!.arrayLength);
  });

  it('answers as graphql-relay itself does on a grid of arguments', async () => {
    const letters = ['A', 'B', 'C', 'D', 'E', 'F'];
    const cursors = [undefined, ...[-1, 0, 2, 5, 7].map((offset) => Buffer.from(`arrayconnection:${offset}`).toString('base64'))];
    const counts = [undefined, 0, 1, 4, 9];
    for (const first of counts) {
      for (const last of counts) {
        for (const after of cursors) {
          for (const before of cursors) {
            const args = { first, last, after, before };
            const { data } = await viaGraphQL(letters, args);
            expect({ args, data }).toEqual({ args, data: relayConnectionFromArray(letters, args) });
          }
        }
      }
    }
  });
});
