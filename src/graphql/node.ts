// graphql-relay's `nodeDefinitions` for graphql-js, on pagewise's lookup: the same `Node` interface
// and `node`/`nodes` fields (the same SDL), with strict ids and lookups batched per request.
import {
  defaultTypeResolver,
  GraphQLID,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLFieldConfig,
  type GraphQLTypeResolver,
} from 'graphql';
import { nodeDescriptions, nodeLookup, nodeTypeOf, type NodeLoaders, type NodeLookup, type NodeLookupOptions } from './node-lookup';

/** Options of {@link nodeDefinitions}. */
export interface NodeDefinitionsOptions<TContext> extends NodeLookupOptions {
  /**
   * The type of a `Node` value that no node lookup loaded (another field typed `Node`). Default:
   * graphql-js's (`__typename`, then each type's `isTypeOf`).
   */
  readonly resolveType?: GraphQLTypeResolver<unknown, TContext>;
}

/** What {@link nodeDefinitions} returns: graphql-relay's three, the `id` field, and the lookup. */
export interface NodeDefinitions<TContext> {
  /** `interface Node { id: ID! }`: give it to each type with a loader (`interfaces: [nodeInterface]`). */
  readonly nodeInterface: GraphQLInterfaceType;
  /** `node(id: ID!): Node`, null for a well-formed id with no row. */
  readonly nodeField: GraphQLFieldConfig<unknown, TContext>;
  /** `nodes(ids: [ID!]!): [Node]!`, one entry per id (null, or an error at that index). */
  readonly nodesField: GraphQLFieldConfig<unknown, TContext>;
  /** The `id: ID!` field of a Node type: its rows' global ids (the type's loader's `idOf`). */
  globalIdField(typeName?: string): GraphQLFieldConfig<unknown, TContext>;
  /** The lookup behind the fields, for resolvers that take global ids of their own. */
  readonly lookup: NodeLookup<TContext>;
}

/**
 * A `Node` interface, `node(id:)` and `nodes(ids:)` for the types in `loaders` (keyed by GraphQL
 * type name), as graphql-relay's `nodeDefinitions` makes them: the same SDL and global ids. A
 * malformed id, or one of a type without a loader, is an error coded INVALID_ARGUMENT; a
 * well-formed id with no row is null. Each type's loader gets all its ids of one tick at once.
 */
export function nodeDefinitions<TContext>(
  loaders: NodeLoaders<TContext>,
  options: NodeDefinitionsOptions<TContext> = {},
): NodeDefinitions<TContext> {
  const lookup = nodeLookup(loaders, options);
  const nodeInterface = new GraphQLInterfaceType({
    name: 'Node',
    description: nodeDescriptions.node,
    fields: () => ({ id: { type: new GraphQLNonNull(GraphQLID), description: nodeDescriptions.id } }),
    resolveType: (value, context: TContext, info, abstractType) =>
      nodeTypeOf(value) ?? (options.resolveType ?? defaultTypeResolver)(value, context, info, abstractType),
  });
  return {
    nodeInterface,
    lookup,
    nodeField: {
      description: nodeDescriptions.nodeField,
      type: nodeInterface,
      args: { id: { type: new GraphQLNonNull(GraphQLID), description: nodeDescriptions.nodeId } },
      resolve: (_parent, args: { readonly id: string }, context) => lookup.node(args.id, context),
    },
    nodesField: {
      description: nodeDescriptions.nodesField,
      type: new GraphQLNonNull(new GraphQLList(nodeInterface)),
      args: {
        ids: {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLID))),
          description: nodeDescriptions.nodesIds,
        },
      },
      resolve: (_parent, args: { readonly ids: readonly string[] }, context) => lookup.nodes(args.ids, context),
    },
    globalIdField: (typeName) => ({
      description: nodeDescriptions.globalId,
      type: new GraphQLNonNull(GraphQLID),
      resolve: (row, _args, _context, info) => lookup.globalIdOf(typeName ?? info.parentType.name, row),
    }),
  };
}
