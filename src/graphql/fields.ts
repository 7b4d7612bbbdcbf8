import { GraphQLList, GraphQLNonNull, type GraphQLFieldConfig, type GraphQLFieldConfigArgumentMap, type GraphQLResolveInfo } from 'graphql';
import { checkPlanOverrides, type LimitOffsetPagination, type PageSource } from '../core/internal';
import { cursorArgs, limitOffsetArgs, paginationArgs, type GraphQLPagination, type PaginationArgsOptions } from './args';
import { withGraphQLErrors } from './errors';
import { paginateArgs, requestedPageSize, type PaginateOptions, type PaginationArgValues } from './paginate';
import { resolveArrayConnection } from './relay-compat';
import { resolveConnection, resolveOffsetList } from './resolve';
import { connectionType, offsetListType, type NodeType, type PaginationTypeOptions } from './types';

/** What a complexity limiter (graphql-query-complexity's `fieldExtensionsEstimator`) passes in. */
export interface ComplexityEstimatorArgs {
  readonly args: PaginationArgValues;
  readonly childComplexity: number;
}

/** A paginated field: its node type, pagination, where the rows come from, and per-field options. */
export interface PaginatedFieldConfig<TParent, TContext, T>
  extends Omit<PaginateOptions, 'withCount' | 'cursorScope'>, PaginationArgsOptions {
  readonly node: NodeType;
  readonly pagination: GraphQLPagination;
  /** The rows of this field for a parent (a source is cheap to make: it runs nothing until paged). */
  readonly source: (
    parent: TParent,
    args: PaginationArgValues,
    context: TContext,
    info: GraphQLResolveInfo,
  ) => PageSource<T> | Promise<PageSource<T>>;
  /** Cost of one row when the limiter gives no child complexity (default 1). */
  readonly childCost?: number;
  /** More arguments (filters), passed through to `source`. */
  readonly args?: GraphQLFieldConfigArgumentMap;
  readonly description?: string;
  readonly deprecationReason?: string;
  /** Extra fields of the generated types. */
  readonly types?: PaginationTypeOptions;
  /**
   * What this field's cursors are valid for (default: the field's coordinate, such as `Query.articles`,
   * plus the parent's key under a batched field). A function names it per parent; the same string on
   * another field or a REST endpoint shares cursors with it; null leaves them unscoped.
   */
  readonly cursorScope?:
    string | null | ((parent: TParent, args: PaginationArgValues, context: TContext, info: GraphQLResolveInfo) => string | null);
}

/**
 * The cost hint of a paginated field: page size × the cost of one row, as `extensions.complexity`
 * (the convention of graphql-query-complexity), so a limiter can refuse `first: 1000` of deep rows.
 */
export function paginationComplexity(
  pagination: GraphQLPagination,
  options: PaginateOptions & { readonly childCost?: number } = {},
): (estimate: ComplexityEstimatorArgs) => number {
  return ({ args, childComplexity }) => requestedPageSize(pagination, args, options) * (childComplexity || options.childCost || 1);
}

/** A field's planning overrides, picked from its config (the rest of the config is the field's). */
function overridesOf(config: Omit<PaginateOptions, 'cursorScope'>): PaginateOptions {
  const { defaultPageSize, maxPageSize, onOversize, directions, sliceOrdering, count } = config;
  return { defaultPageSize, maxPageSize, onOversize, directions, sliceOrdering, count };
}

function fieldOf<TParent, TContext, T>(
  config: PaginatedFieldConfig<TParent, TContext, T>,
  type: GraphQLFieldConfig<TParent, TContext>['type'],
  resolve: (
    source: Promise<PageSource<T>>,
    args: PaginationArgValues,
    info: GraphQLResolveInfo,
    cursorScope?: string | null,
  ) => Promise<unknown>,
): GraphQLFieldConfig<TParent, TContext> {
  const { cursorScope } = config;
  const { pagination } = config;
  const options = overridesOf(config);
  checkPlanOverrides(pagination, options);
  return {
    type,
    args: { ...paginationArgs(pagination, config), ...config.args },
    description: config.description,
    deprecationReason: config.deprecationReason,
    extensions: {
      complexity: paginationComplexity(pagination, { ...options, childCost: config.childCost }),
      pagewise: { style: pagination.style },
    },
    resolve: (parent, args: PaginationArgValues, context, info) =>
      resolve(
        Promise.resolve().then(() => config.source(parent, args, context, info)),
        args,
        info,
        typeof cursorScope === 'function' ? cursorScope(parent, args, context, info) : cursorScope,
      ),
  };
}

/** A Relay connection field (`<Node>Connection`) paginated in any style, resolver included. */
export function connectionField<TParent, TContext, T>(
  config: PaginatedFieldConfig<TParent, TContext, T>,
): GraphQLFieldConfig<TParent, TContext> {
  return fieldOf(config, connectionType(config.node, config.types), (source, args, info, cursorScope) =>
    resolveConnection(source, config.pagination, args, info, { ...overridesOf(config), cursorScope }),
  );
}

/** An offset-list field (`<Node>Page`: results, count, next, previous, pageInfo) in any style, resolver included. */
export function offsetListField<TParent, TContext, T>(
  config: PaginatedFieldConfig<TParent, TContext, T>,
): GraphQLFieldConfig<TParent, TContext> {
  return fieldOf(config, offsetListType(config.node, config.types), (source, args, info, cursorScope) =>
    resolveOffsetList(source, config.pagination, args, info, { ...overridesOf(config), cursorScope }),
  );
}

/**
 * A bare list field `[Node!]!` with `offset` and `limit` (Apollo's `offsetLimitPagination()` fits it
 * unchanged): the rows of a limit-offset page, no wrapper; sizes and caps as {@link offsetListField}.
 */
export function offsetLimitListField<TParent, TContext, T>(
  config: Omit<PaginatedFieldConfig<TParent, TContext, T>, 'pagination' | 'types' | 'after'> & {
    readonly pagination: LimitOffsetPagination;
  },
): GraphQLFieldConfig<TParent, TContext> {
  const { pagination } = config;
  return {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(config.node))),
    args: { ...limitOffsetArgs({ after: false }), ...config.args },
    description: config.description,
    deprecationReason: config.deprecationReason,
    extensions: {
      complexity: paginationComplexity(pagination, { ...overridesOf(config), childCost: config.childCost }),
      pagewise: { style: pagination.style },
    },
    resolve: (parent, args: PaginationArgValues, context, info) =>
      withGraphQLErrors(async () => {
        const source = await config.source(parent, args, context, info);
        return (await paginateArgs(source, pagination, args, overridesOf(config))).items;
      }),
  };
}

/** A graphql-relay compatible array connection field: what graphql-relay's `connectionFromArray` answers. */
export interface ArrayConnectionFieldConfig<TParent, TContext, T> {
  readonly node: NodeType;
  readonly array: (
    parent: TParent,
    args: PaginationArgValues,
    context: TContext,
    info: GraphQLResolveInfo,
  ) => readonly T[] | Promise<readonly T[]>;
  readonly args?: GraphQLFieldConfigArgumentMap;
  readonly description?: string;
  readonly types?: PaginationTypeOptions;
}

/** A connection field in graphql-relay compatible mode (its `arrayconnection:N` cursors and results). */
export function arrayConnectionField<TParent, TContext, T>(
  config: ArrayConnectionFieldConfig<TParent, TContext, T>,
): GraphQLFieldConfig<TParent, TContext> {
  return {
    type: connectionType(config.node, config.types),
    args: { ...cursorArgs(), ...config.args },
    description: config.description,
    resolve: (parent, args: PaginationArgValues, context, info) =>
      resolveArrayConnection(
        Promise.resolve().then(() => config.array(parent, args, context, info)),
        args,
      ),
  };
}
