// bench/array-connection: a page of 10 from the middle of 1,000,000 in-memory items. At the core level,
// pagewise's graphql-relay compatible `connectionFromArray` against graphql-relay's own. At the GraphQL
// level, the case: a schema-first `@paginate` field whose resolver returns the same 1M array on
// every request (so `arraySource` is made per request) in exact keyset mode, against a field resolved by
// graphql-relay's `connectionFromArray`; both schemas execute the same selection in this process.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type GraphQLSchema } from 'graphql';
import {
  connectionFromArray as relayConnectionFromArray,
  offsetToCursor as relayOffsetToCursor,
  type ConnectionArguments,
} from 'graphql-relay';
import { connectionFromArray, type PageSource } from 'pagewise';
import { arraySource } from 'pagewise/array';
import { paginateDirective } from 'pagewise/sdl';
import { atMost, ratioOf, type BenchResult } from './measure';

const ITEMS = 1_000_000;
const CALLS = 2000;
const QUERIES = 200;

interface Item {
  readonly id: number;
  readonly group: number;
}

const repeat = (calls: number, run: () => unknown) => async () => {
  for (let i = 0; i < calls; i += 1) await run();
};
const perCall = (ms: number, calls: number) => `${((ms / calls) * 1000).toFixed(1)} µs`;

const ITEM_SDL = /* GraphQL */ `
  type Item {
    id: Int!
    group: Int!
  }
`;
const SELECTION = 'edges { cursor node { id group } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** graphql-relay's way: `items(first, after): ItemConnection` resolved by its connectionFromArray. */
function relaySchema(items: readonly Item[]): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      ${ITEM_SDL}
      type ItemEdge {
        cursor: String!
        node: Item!
      }
      type PageInfo {
        hasNextPage: Boolean!
        hasPreviousPage: Boolean!
        startCursor: String
        endCursor: String
      }
      type ItemConnection {
        edges: [ItemEdge!]!
        pageInfo: PageInfo!
      }
      type Query {
        items(first: Int, after: String): ItemConnection!
      }
    `,
    resolvers: { Query: { items: (_root: unknown, args: ConnectionArguments) => relayConnectionFromArray(items, args) } },
  });
}

/** pagewise's way: the resolver returns the array, `@paginate` pages it through a new arraySource per request. */
function pagewiseSchema(items: readonly Item[], factory: (rows: readonly unknown[]) => PageSource<unknown>): GraphQLSchema {
  const directive = paginateDirective({ arraySource: factory });
  return directive.transformer(
    makeExecutableSchema({
      typeDefs: [
        directive.typeDefs,
        ITEM_SDL,
        'type Query { items: [Item!]! @paginate(ordering: ["id"], pageSize: 10, maxPageSize: 100) }',
      ],
      resolvers: { Query: { items: () => items } },
    }),
  );
}

async function endCursorOf(schema: GraphQLSchema, query: string): Promise<string> {
  const result = await execute({ schema, document: parse(query) });
  if (result.errors) throw result.errors[0];
  return (result.data as { items: { pageInfo: { endCursor: string } } }).items.pageInfo.endCursor;
}

/** Runs the array-connection benchmark. */
export async function arrayConnection(): Promise<BenchResult[]> {
  const items: Item[] = Array.from({ length: ITEMS }, (_, index) => ({ id: index, group: index % 1000 }));
  const results: BenchResult[] = [];

  // Core level: the compatible mode (offset cursors) against graphql-relay itself.
  const after = relayOffsetToCursor(ITEMS / 2);
  const compat = await ratioOf(
    repeat(CALLS, () => connectionFromArray(items, { first: 10, after })),
    repeat(CALLS, () => relayConnectionFromArray(items, { first: 10, after })),
    { rounds: 20, warmup: 5 },
  );
  results.push({
    bench: 'array-connection',
    measure: 'core: graphql-relay compatible connectionFromArray / graphql-relay connectionFromArray (1M, first 10 mid-list)',
    ratio: compat.ratio,
    target: atMost(1.0),
    detail: `${perCall(compat.subjectMs, CALLS)} vs ${perCall(compat.baselineMs, CALLS)} a page`,
  });

  // GraphQL level, per request: both fields at the middle of the list, 10 items a page.
  const relay = relaySchema(items);
  const relayQuery = parse(`{ items(first: 10, after: ${JSON.stringify(after)}) { ${SELECTION} } }`);
  const relayRun = async () => {
    const result = await execute({ schema: relay, document: relayQuery });
    if (result.errors) throw result.errors[0];
  };
  for (const [label, factory] of [
    ['arraySource(rows)', (rows: readonly unknown[]) => arraySource(rows)],
    ["arraySource(rows, { uniqueKey: 'id' })", (rows: readonly unknown[]) => arraySource(rows, { uniqueKey: 'id' })],
  ] as const) {
    const schema = pagewiseSchema(items, factory);
    // The first request sorts the array by id (and $index) once, and is timed apart.
    const coldStart = performance.now();
    await endCursorOf(schema, `{ items(first: 10) { ${SELECTION} } }`);
    const coldMs = performance.now() - coldStart;
    // A cursor to the middle of the list, walked to through the field itself (its cursors carry the
    // field's scope, so a cursor made by another pagination is INVALID_CURSOR here).
    let middle = await endCursorOf(schema, `{ items(first: 100) { pageInfo { endCursor } } }`);
    for (let seen = 100; seen < ITEMS / 2; seen += 100)
      middle = await endCursorOf(schema, `{ items(first: 100, after: ${JSON.stringify(middle)}) { pageInfo { endCursor } } }`);
    const check = await execute({
      schema,
      document: parse(`{ items(first: 1, after: ${JSON.stringify(middle)}) { edges { node { id } } } }`),
    });
    const firstId = (check.data as { items?: { edges: Array<{ node: Item }> } } | null)?.items?.edges[0]?.node.id;
    if (firstId !== ITEMS / 2) throw new Error(`array-connection: the middle cursor led to ${String(firstId)}`);
    const cursor = middle;
    const document = parse(`{ items(first: 10, after: ${JSON.stringify(cursor)}) { ${SELECTION} } }`);
    const run = async () => {
      const result = await execute({ schema, document });
      if (result.errors) throw result.errors[0];
    };
    const outcome = await ratioOf(repeat(QUERIES, run), repeat(QUERIES, relayRun), { rounds: 20, warmup: 5 });
    results.push({
      bench: 'array-connection',
      measure: `GraphQL: @paginate over a 1M array, ${label} per request, exact cursors / graphql-relay connectionFromArray field`,
      ratio: outcome.ratio,
      target: atMost(2.0),
      detail: `${perCall(outcome.subjectMs, QUERIES)} vs ${perCall(outcome.baselineMs, QUERIES)} a query (first request, sorting once: ${coldMs.toFixed(0)} ms)`,
    });
  }
  return results;
}
