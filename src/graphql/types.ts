import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
  type ThunkObjMap,
} from 'graphql';
import { assertConfig, PaginationConfigError } from '../core/internal';
import { descriptions } from './descriptions';

/** A node type: anything with a name that can sit in a list (object, interface, union, scalar, enum). */
export type NodeType = GraphQLOutputType & { readonly name: string };

/** Extra fields of the generated types (Relay allows more on connections and edges). */
export interface PaginationTypeOptions {
  /** Fields added to `<Node>Edge` (the edge object carries `node` and `cursor`). */
  readonly edgeFields?: ThunkObjMap<GraphQLFieldConfig<unknown, unknown>>;
  /** Fields added to `<Node>Connection`. */
  readonly connectionFields?: ThunkObjMap<GraphQLFieldConfig<unknown, unknown>>;
  /** Fields added to `<Node>Page`. */
  readonly offsetListFields?: ThunkObjMap<GraphQLFieldConfig<unknown, unknown>>;
  /** The name of `<Node>Page`'s rows field (default `results`, as REST's `resultsKey`); fixed by its first build. */
  readonly resultsField?: string;
}

const nonNull = <T extends GraphQLOutputType>(type: T) => new GraphQLNonNull(type);
const listOf = (type: GraphQLOutputType) => nonNull(new GraphQLList(nonNull(type)));

/** `PageLink`: one entry of DRF's page control, with what a client passes back for it. */
export const pageLinkType: GraphQLObjectType = new GraphQLObjectType({
  name: 'PageLink',
  description: descriptions.pageLink,
  fields: {
    number: { type: GraphQLInt, description: descriptions.linkNumber },
    isActive: { type: nonNull(GraphQLBoolean), description: descriptions.linkIsActive },
    isBreak: { type: nonNull(GraphQLBoolean), description: descriptions.linkIsBreak },
    page: { type: GraphQLInt, description: descriptions.linkPage },
    offset: { type: GraphQLInt, description: descriptions.linkOffset },
    cursor: { type: GraphQLString, description: descriptions.linkCursor },
  },
});

/** `PageInfo`: Relay's four fields plus the count and the positions of every style (DESIGN.md). */
export const pageInfoType: GraphQLObjectType = new GraphQLObjectType({
  name: 'PageInfo',
  description: descriptions.pageInfo,
  fields: {
    hasNextPage: { type: nonNull(GraphQLBoolean), description: descriptions.hasNextPage },
    hasPreviousPage: { type: nonNull(GraphQLBoolean), description: descriptions.hasPreviousPage },
    startCursor: { type: GraphQLString, description: descriptions.startCursor },
    endCursor: { type: GraphQLString, description: descriptions.endCursor },
    totalCount: { type: GraphQLInt, description: descriptions.totalCount },
    totalCountCapped: { type: GraphQLBoolean, description: descriptions.totalCountCapped },
    totalCountEstimated: { type: GraphQLBoolean, description: descriptions.totalCountEstimated },
    page: { type: GraphQLInt, description: descriptions.page },
    pageSize: { type: GraphQLInt, description: descriptions.pageSize },
    totalPages: { type: GraphQLInt, description: descriptions.totalPages },
    nextPage: { type: GraphQLInt, description: descriptions.nextPage },
    previousPage: { type: GraphQLInt, description: descriptions.previousPage },
    offset: { type: GraphQLInt, description: descriptions.offset },
    limit: { type: GraphQLInt, description: descriptions.limit },
    nextOffset: { type: GraphQLInt, description: descriptions.nextOffset },
    previousOffset: { type: GraphQLInt, description: descriptions.previousOffset },
    pageLinks: { type: new GraphQLList(nonNull(pageLinkType)), description: descriptions.pageLinks },
  },
});

type Extra = PaginationTypeOptions['edgeFields' | 'connectionFields' | 'offsetListFields'];
type Kind = 'edge' | 'connection' | 'offsetList';

const optionOf = { edge: 'edgeFields', connection: 'connectionFields', offsetList: 'offsetListFields' } as const;

interface Built {
  /** The extra fields each kind of type was built with. */
  readonly extras: Partial<Record<Kind, Extra>>;
  edge?: GraphQLObjectType;
  connection?: GraphQLObjectType;
  offsetList?: GraphQLObjectType;
  resultsField?: string;
}

// One set of types per node type: a node type belongs to one schema, so this is per schema too, and
// calling a builder twice never makes a second `ArticleConnection`. Each kind keeps its own extra
// fields, so a connection and an offset list of one node can each have theirs.
const built = new WeakMap<NodeType, Built>();

/** The node's built types, and the extra fields of `kind` (fixed by its first build). */
function entry(node: NodeType, kind: Kind, options: PaginationTypeOptions | undefined): { found: Built; extra: Extra } {
  let found = built.get(node);
  if (!found) {
    found = { extras: {} };
    built.set(node, found);
  }
  const requested = options?.[optionOf[kind]];
  if (found[kind] === undefined) {
    found.extras[kind] = requested;
  } else if (requested !== undefined && requested !== found.extras[kind]) {
    throw new PaginationConfigError('INVALID_OPTIONS', `The ${kind} type of ${node.name} was already built with other ${optionOf[kind]}`);
  }
  return { found, extra: found.extras[kind] };
}

function withExtra(base: GraphQLFieldConfigMap<unknown, unknown>, extra: Extra): () => GraphQLFieldConfigMap<unknown, unknown> {
  return () => ({ ...base, ...(typeof extra === 'function' ? extra() : extra) });
}

/** `<Node>Edge { node: Node!, cursor: String! }` plus `edgeFields`, built once per node type. */
export function edgeType(node: NodeType, options?: PaginationTypeOptions): GraphQLObjectType {
  const { found, extra } = entry(node, 'edge', options);
  found.edge ??= new GraphQLObjectType({
    name: `${node.name}Edge`,
    description: descriptions.edge(node.name),
    fields: withExtra(
      {
        node: { type: nonNull(node), description: descriptions.node },
        cursor: { type: nonNull(GraphQLString), description: descriptions.cursor },
      },
      extra,
    ),
  });
  return found.edge;
}

/** `<Node>Connection { edges, nodes, pageInfo, totalCount }` plus `connectionFields`, built once per node type. */
export function connectionType(node: NodeType, options?: PaginationTypeOptions): GraphQLObjectType {
  const { found, extra } = entry(node, 'connection', options);
  const edge = edgeType(node, options?.edgeFields === undefined ? undefined : { edgeFields: options.edgeFields });
  found.connection ??= new GraphQLObjectType({
    name: `${node.name}Connection`,
    description: descriptions.connection(node.name),
    fields: withExtra(
      {
        edges: { type: listOf(edge), description: descriptions.edges },
        nodes: { type: listOf(node), description: descriptions.nodes },
        pageInfo: { type: nonNull(pageInfoType), description: descriptions.pageInfo },
        totalCount: { type: GraphQLInt, description: descriptions.totalCount },
      },
      extra,
    ),
  });
  return found.connection;
}

/** `<Node>Page { results, count, next, previous, pageInfo }` (DRF's body) plus `offsetListFields`, built once per node type. */
export function offsetListType(node: NodeType, options?: PaginationTypeOptions): GraphQLObjectType {
  const { found, extra } = entry(node, 'offsetList', options);
  const requested = options?.resultsField;
  if (found.offsetList !== undefined && requested !== undefined && requested !== (found.resultsField ?? 'results')) {
    throw new PaginationConfigError(
      'INVALID_OPTIONS',
      `resultsField: the offset list of ${node.name} was already built with "${found.resultsField ?? 'results'}"`,
    );
  }
  found.resultsField ??= requested;
  const results = found.resultsField ?? 'results';
  assertConfig(/^[_A-Za-z][_0-9A-Za-z]*$/.test(results), `resultsField must be a GraphQL name, not ${JSON.stringify(results)}`);
  assertConfig(
    !['count', 'next', 'previous', 'pageInfo'].includes(results),
    `resultsField must not be another field of the page (${results})`,
  );
  found.offsetList ??= new GraphQLObjectType({
    name: `${node.name}Page`,
    description: descriptions.offsetList(node.name),
    fields: withExtra(
      {
        // The value's rows are `results` whatever the field is called.
        [results]: {
          type: listOf(node),
          description: descriptions.results,
          resolve: (value: unknown) => (value as { readonly results: unknown }).results,
        } satisfies GraphQLFieldConfig<unknown, unknown>,
        count: { type: GraphQLInt, description: descriptions.count },
        next: { type: GraphQLString, description: descriptions.next },
        previous: { type: GraphQLString, description: descriptions.previous },
        pageInfo: { type: nonNull(pageInfoType), description: descriptions.pageInfo },
      },
      extra,
    ),
  });
  return found.offsetList;
}
