// Global object identification for schema-first servers: the SDL of graphql-relay's `Node` interface
// and `node`/`nodes` fields, and the resolvers that go with it (on pagewise/graphql's lookup).
import type { IResolvers } from '@graphql-tools/utils';
import {
  nodeDescriptions,
  nodeLookup,
  nodeTypeOf,
  type NodeLoaders,
  type NodeLookup,
  type NodeLookupOptions,
} from '../graphql/node-lookup';

/**
 * The `Node` interface and `extend type Query { node(id: ID!): Node  nodes(ids: [ID!]!): [Node]! }`,
 * as graphql-relay prints them. Include it with the schema's own typeDefs; each type with a loader
 * declares `implements Node` and `id: ID!`.
 */
export const nodeTypeDefs = `"""
${nodeDescriptions.node}
"""
interface Node {
  """
  ${nodeDescriptions.id}
  """
  id: ID!
}

extend type Query {
  """
  ${nodeDescriptions.nodeField}
  """
  node(
    """
    ${nodeDescriptions.nodeId}
    """
    id: ID!
  ): Node

  """
  ${nodeDescriptions.nodesField}
  """
  nodes(
    """
    ${nodeDescriptions.nodesIds}
    """
    ids: [ID!]!
  ): [Node]!
}
`;

/** Options of {@link nodeResolvers}. */
export interface NodeResolversOptions extends NodeLookupOptions {
  /** The type of a `Node` value that no node lookup loaded (another field typed `Node`); default: its `__typename`. */
  readonly resolveType?: (value: unknown) => string | undefined;
}

/** What {@link nodeResolvers} returns: the resolver map and the lookup behind it. */
export interface NodeResolvers<TContext> {
  /** `Node.__resolveType`, `Query.node`, `Query.nodes`, and `id` of each type with a loader (its global id). */
  readonly resolvers: IResolvers<unknown, TContext>;
  /** The lookup, for resolvers that take global ids of their own. */
  readonly lookup: NodeLookup<TContext>;
}

const typenameOf = (value: unknown): string | undefined => {
  const name = typeof value === 'object' && value !== null ? (value as { readonly __typename?: unknown }).__typename : undefined;
  return typeof name === 'string' ? name : undefined;
};

/**
 * The resolvers of {@link nodeTypeDefs} for the types in `loaders` (keyed by type name): pass them
 * to `makeExecutableSchema` after the schema's own, so the `id` of each Node type is its global id.
 * Ids behave as pagewise/graphql's `nodeDefinitions`: strict, batched per request and type, null
 * for a well-formed id with no row.
 */
export function nodeResolvers<TContext>(loaders: NodeLoaders<TContext>, options: NodeResolversOptions = {}): NodeResolvers<TContext> {
  const lookup = nodeLookup(loaders, options);
  const resolveType = options.resolveType ?? typenameOf;
  const resolvers: IResolvers<unknown, TContext> = {
    Node: { __resolveType: (value: unknown) => nodeTypeOf(value) ?? resolveType(value) },
    Query: {
      node: (_parent: unknown, args: { readonly id: string }, context: TContext) => lookup.node(args.id, context),
      nodes: (_parent: unknown, args: { readonly ids: readonly string[] }, context: TContext) => lookup.nodes(args.ids, context),
    },
  };
  for (const type of lookup.types) {
    resolvers[type] = { id: (row: unknown) => lookup.globalIdOf(type, row) };
  }
  return { resolvers, lookup };
}
