import { GraphQLScalarType } from 'graphql';
import { Field, getMetadataStorage, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ConnectionValue, EdgeValue, OffsetListValue } from '../graphql';
import { descriptions } from '../graphql/descriptions';
import { PageInfo } from './page-info';

/** A node: a type-graphql object, interface or input class, or a scalar. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type NodeClass = ClassType | GraphQLScalarType | Function;

/** Options of the class factories. */
export interface NodeTypeOptions {
  /** The node's GraphQL name (default: its `@ObjectType` name, else the class name). */
  readonly name?: string;
}

interface Built {
  edge?: ClassType;
  connection?: ClassType;
  page?: ClassType;
}

// One class per node, GraphQL name and kind, so `ConnectionType(Article)` in two resolvers is one
// type, and `ConnectionType(Article, { name: 'Post' })` is another (`PostConnection`).
const built = new WeakMap<object, Map<string, Built>>();

function nameOf(node: NodeClass, options: NodeTypeOptions): string {
  if (options.name) return options.name;
  if (node instanceof GraphQLScalarType) return node.name;
  const storage = getMetadataStorage();
  const declared = [...storage.objectTypes, ...storage.interfaceTypes].find((type) => type.target === node);
  return declared?.name ?? node.name;
}

function entryOf(node: NodeClass, name: string): Built {
  let byName = built.get(node);
  if (!byName) {
    byName = new Map();
    built.set(node, byName);
  }
  let entry = byName.get(name);
  if (!entry) {
    entry = {};
    byName.set(name, entry);
  }
  return entry;
}

/** `<Node>Edge { node, cursor }`; add edge fields with a `@Resolver(() => EdgeType(Node))` and `@FieldResolver`s. */
export function EdgeType<T>(node: NodeClass, options: NodeTypeOptions = {}): ClassType<EdgeValue<T>> {
  const name = nameOf(node, options);
  const entry = entryOf(node, name);
  if (!entry.edge) {
    @ObjectType(`${name}Edge`, { description: descriptions.edge(name) })
    class Edge {
      @Field(() => node, { description: descriptions.node })
      node!: T;

      @Field(() => String, { description: descriptions.cursor })
      cursor!: string;
    }
    entry.edge = Edge;
  }
  return entry.edge as ClassType<EdgeValue<T>>;
}

/** `<Node>Connection { edges, nodes, pageInfo, totalCount }`, the SDL of pagewise/graphql's `connectionType`. */
export function ConnectionType<T>(node: NodeClass, options: NodeTypeOptions = {}): ClassType<ConnectionValue<T>> {
  const name = nameOf(node, options);
  const entry = entryOf(node, name);
  if (!entry.connection) {
    const edge = EdgeType<T>(node, { name });
    @ObjectType(`${name}Connection`, { description: descriptions.connection(name) })
    class Connection {
      @Field(() => [edge], { description: descriptions.edges })
      edges!: EdgeValue<T>[];

      @Field(() => [node], { description: descriptions.nodes })
      nodes!: T[];

      @Field(() => PageInfo, { description: descriptions.pageInfo })
      pageInfo!: PageInfo;

      @Field(() => Int, { nullable: true, description: descriptions.totalCount })
      totalCount!: Promise<number> | number | null;
    }
    entry.connection = Connection;
  }
  return entry.connection as ClassType<ConnectionValue<T>>;
}

/** `<Node>Page { results, count, next, previous, pageInfo }`, the SDL of pagewise/graphql's `offsetListType`. */
export function PageType<T>(node: NodeClass, options: NodeTypeOptions = {}): ClassType<OffsetListValue<T>> {
  const name = nameOf(node, options);
  const entry = entryOf(node, name);
  if (!entry.page) {
    @ObjectType(`${name}Page`, { description: descriptions.offsetList(name) })
    class Page {
      @Field(() => [node], { description: descriptions.results })
      results!: T[];

      @Field(() => Int, { nullable: true, description: descriptions.count })
      count!: Promise<number> | number | null;

      @Field(() => String, { nullable: true, description: descriptions.next })
      next!: string | null;

      @Field(() => String, { nullable: true, description: descriptions.previous })
      previous!: string | null;

      @Field(() => PageInfo, { description: descriptions.pageInfo })
      pageInfo!: PageInfo;
    }
    entry.page = Page;
  }
  return entry.page as ClassType<OffsetListValue<T>>;
}
