// Global object identification for type-graphql: the `Node` interface class and a resolver class
// with `node`/`nodes` and the global `id` of every implementing type, printing graphql-relay's SDL.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, InterfaceType, Query, Resolver, Root, type ClassType } from 'type-graphql';
import {
  nodeDescriptions,
  nodeLookup,
  nodeTypeOf,
  type NodeLoaders,
  type NodeLookup,
  type NodeLookupOptions,
} from '../graphql/node-lookup';

const typenameOf = (value: unknown): string | undefined => {
  const name = typeof value === 'object' && value !== null ? (value as { readonly __typename?: unknown }).__typename : undefined;
  return typeof name === 'string' ? name : undefined;
};

/**
 * `interface Node { id: ID! }`: name it in `@ObjectType({ implements: Node })` and leave `id` out of
 * the class — the field comes from the interface and {@link NodeResolver} resolves it to the
 * row's global id. A value no lookup loaded resolves to the type its `__typename` names.
 */
@InterfaceType('Node', { description: nodeDescriptions.node, resolveType: (value: unknown) => nodeTypeOf(value) ?? typenameOf(value) })
export abstract class Node {
  @Field(() => ID, { description: nodeDescriptions.id })
  id!: string;
}

/** A resolver class made by {@link NodeResolver}, with its lookup. */
export type NodeResolverClass<TContext> = ClassType & { readonly lookup: NodeLookup<TContext> };

/**
 * The resolver class of `node(id: ID!): Node`, `nodes(ids: [ID!]!): [Node]!` and `Node.id` for
 * the types in `loaders` (keyed by GraphQL type name): add it to `buildSchema`'s resolvers, once
 * per schema. Ids behave as pagewise/graphql's `nodeDefinitions`: strict, batched per request and
 * type, null for a well-formed id with no row.
 */
export function NodeResolver<TContext extends object>(
  loaders: NodeLoaders<TContext>,
  options: NodeLookupOptions = {},
): NodeResolverClass<TContext> {
  const lookup = nodeLookup(loaders, options);

  @Resolver(() => Node)
  class NodeFields {
    static readonly lookup = lookup;

    @Query(() => Node, { nullable: true, description: nodeDescriptions.nodeField })
    node(@Arg('id', () => ID, { description: nodeDescriptions.nodeId }) id: string, @Ctx() context: TContext): Promise<unknown> {
      return lookup.node(id, context);
    }

    @Query(() => [Node], { nullable: 'items', description: nodeDescriptions.nodesField })
    nodes(@Arg('ids', () => [ID], { description: nodeDescriptions.nodesIds }) ids: string[], @Ctx() context: TContext): Promise<unknown>[] {
      return lookup.nodes(ids, context);
    }

    // Inherited by every @ObjectType that implements Node (type-graphql's interface field resolvers).
    @FieldResolver(() => ID, { description: nodeDescriptions.id })
    id(@Root() row: unknown, @Info() info: GraphQLResolveInfo): string {
      return lookup.globalIdOf(info.parentType.name, row);
    }
  }
  return NodeFields;
}
