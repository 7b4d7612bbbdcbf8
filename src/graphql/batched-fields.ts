import type { GraphQLFieldConfig, GraphQLResolveInfo } from 'graphql';
import {
  assertConfig,
  batchLoader,
  keyedPageSource,
  keyText,
  runBatch,
  type BatchAnswer,
  type BatchCall,
  type BatchLoader,
  type BatchPageSource,
  type PageSource,
} from '../core/internal';
import { connectionField, offsetListField, type PaginatedFieldConfig } from './fields';
import type { PaginationArgValues } from './paginate';

/** A DataLoader batch function over one request's calls; what {@link BatchedFieldConfig.loader} wraps. */
export type BatchFunction<K, T> = (calls: readonly BatchCall<K>[]) => Promise<Array<BatchAnswer<T> | Error>>;

/** A paginated field under a list of parents, whose pages for all parents are fetched together. */
export interface BatchedFieldConfig<TParent, TContext, K, T> extends Omit<PaginatedFieldConfig<TParent, TContext, T>, 'source'> {
  /** The parent's key in the batch (its primary key). */
  readonly key: (parent: TParent) => K;
  /**
   * The rows of all parents, made once per request (per context object) and set of filter
   * arguments (`args` of this config), e.g. `mikroOrmBatchSource(context.em, Article, { key: 'author' })`.
   */
  readonly batchSource: (context: TContext, args: PaginationArgValues, info: GraphQLResolveInfo) => BatchPageSource<K, T>;
  /**
   * Makes the request's loader from its batch function. Default: pagewise's own (DataLoader's
   * scheduling, no cache). DataLoader: `(batch) => new DataLoader(batch, { cache: false })`.
   */
  readonly loader?: (batch: BatchFunction<K, T>) => BatchLoader<K, T>;
}

/** Options of {@link requestBatches}. */
export interface RequestBatchesOptions<K, T> {
  /** Makes a request's loader from its batch function (default: pagewise's own); see {@link BatchedFieldConfig.loader}. */
  readonly loader?: (batch: BatchFunction<K, T>) => BatchLoader<K, T>;
}

/**
 * Per-parent PageSources batched per request, for resolvers written by hand (type-graphql field
 * resolvers, schema-first resolvers): `sourceFor(context, parent.id)` inside the resolver, then
 * `resolveConnection(...)`. One batch source and loader per context object and `scope` (a string
 * naming filter arguments, when the batch source depends on them).
 */
export function requestBatches<TContext, K, T>(
  batchSource: (context: TContext, scope: string) => BatchPageSource<K, T>,
  options: RequestBatchesOptions<K, T> = {},
): (context: TContext, key: K, scope?: string) => PageSource<T> {
  const requests = new WeakMap<object, Map<string, (key: K) => PageSource<T>>>();
  return (context, key, scope = '') => {
    assertConfig(
      typeof context === 'object' && context !== null,
      'a batched field needs a context object per request (batches are scoped to it)',
    );
    let perRequest = requests.get(context);
    if (!perRequest) {
      perRequest = new Map();
      requests.set(context, perRequest);
    }
    let sourceFor = perRequest.get(scope);
    if (!sourceFor) {
      const batch = batchSource(context, scope);
      const loader = options.loader ? options.loader((calls) => runBatch(batch, calls)) : batchLoader(batch);
      sourceFor = (parentKey) => keyedPageSource(batch, loader, parentKey);
      perRequest.set(scope, sourceFor);
    }
    return sourceFor(key);
  };
}

/**
 * The `source` of a batched field: per request (the context object) and filter arguments, one batch
 * source and one loader; each parent gets a PageSource whose calls that loader collects.
 */
function batchedSource<TParent, TContext, K, T>(
  config: BatchedFieldConfig<TParent, TContext, K, T>,
): PaginatedFieldConfig<TParent, TContext, T>['source'] {
  const filterNames = Object.keys(config.args ?? {});
  // The batch source gets the arguments and info of the first parent of its scope: the filter
  // arguments are the scope, so they are the same for every parent in it.
  let current: { args: PaginationArgValues; info: GraphQLResolveInfo } | undefined;
  const sources = requestBatches<TContext, K, T>((context) => config.batchSource(context, current!.args, current!.info), config);
  return (parent, args, context, info) => {
    const values = args as Readonly<Record<string, unknown>>;
    current = { args, info };
    return sources(context, config.key(parent), JSON.stringify(filterNames.map((name) => values[name] ?? null)));
  };
}

function plainConfig<TParent, TContext, K, T>(
  config: BatchedFieldConfig<TParent, TContext, K, T>,
): PaginatedFieldConfig<TParent, TContext, T> {
  // The batch's own options ride along unread: the field builders read only theirs. A parent's
  // cursors continue that parent only: its key (compared as text, as batch sources group keys) is
  // part of the default scope.
  const cursorScope =
    config.cursorScope !== undefined
      ? config.cursorScope
      : (parent: TParent, _args: PaginationArgValues, _context: TContext, info: GraphQLResolveInfo) =>
          `${info.parentType.name}.${info.fieldName}#${keyText(config.key(parent))}`;
  return { ...config, source: batchedSource(config), cursorScope };
}

/**
 * A Relay connection field under a list, batched: all parents' pages are one `seekMany`/`sliceMany`
 * per level (one SQL statement with the MikroORM batch source), their counts one `countMany`, and
 * only when selected. Each parent's page, cursors and flags are what {@link connectionField} gives.
 */
export function batchedConnectionField<TParent, TContext, K, T>(
  config: BatchedFieldConfig<TParent, TContext, K, T>,
): GraphQLFieldConfig<TParent, TContext> {
  return connectionField(plainConfig(config));
}

/** An offset-list field under a list, batched as {@link batchedConnectionField}. */
export function batchedOffsetListField<TParent, TContext, K, T>(
  config: BatchedFieldConfig<TParent, TContext, K, T>,
): GraphQLFieldConfig<TParent, TContext> {
  return offsetListField(plainConfig(config));
}
