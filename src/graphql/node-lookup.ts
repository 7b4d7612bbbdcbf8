// Resolving global ids to rows, shared by the graphql-js, type-graphql and SDL `node` fields: each
// type's loader gets every id of that type asked in one tick of one request, as DataLoader would.
import { assertConfig, PaginationError } from '../core/internal';
import { toGraphQLError, withGraphQLErrors } from './errors';
import { fromGlobalId, toGlobalId } from './global-id';

/**
 * How the rows of one type are found by id. `load` gets the ids of this type asked in the same tick
 * of one request (deduplicated) and returns the rows it finds, in any order; each row is matched to
 * its id by `idOf`, and an id with no row resolves to null (graphql-relay's `nodeField` does the same
 * when its fetcher finds nothing).
 */
export interface NodeLoader<TContext, T = unknown, K = unknown> {
  /** Reads the id part of a global id (`intId` for integer keys); undefined rejects the id. Default: the text. */
  parseId?(id: string): K | undefined;
  /** The rows with these ids (e.g. `em.find(Article, { id: { $in: [...ids] } })`); missing ones are left out. */
  load(ids: readonly K[], context: TContext): Iterable<T> | PromiseLike<Iterable<T>>;
  /** A row's id within its type, the part of its global id after `Type:` (default: its `id` property). */
  idOf?(row: T): string | number;
}

/** One {@link NodeLoader} per GraphQL type name that implements `Node`. */
export type NodeLoaders<TContext> = Readonly<Record<string, NodeLoader<TContext>>>;

/** Options of {@link nodeLookup} (and of each adapter's node fields). */
export interface NodeLookupOptions {
  /**
   * The most ids one `nodes(ids:)` takes (default {@link DEFAULT_MAX_NODE_IDS}, GitHub's limit);
   * more is INVALID_ARGUMENT, before any load, so no client sends one `IN` list of any length.
   */
  readonly maxIds?: number;
}

/** The default of {@link NodeLookupOptions.maxIds}. */
export const DEFAULT_MAX_NODE_IDS = 100;

/** What the `node` fields of every adapter run on: lookups, batched per request and type. */
export interface NodeLookup<TContext> {
  /** The row of a global id, or null; a malformed id or an unknown type rejects with INVALID_ARGUMENT. */
  node(globalId: string, context: TContext, argument?: string): Promise<unknown>;
  /** The rows of `nodes(ids:)`, one promise per id (each resolves or rejects on its own); too many ids throw. */
  nodes(globalIds: readonly string[], context: TContext, argument?: string): Promise<unknown>[];
  /** The global id of `row`, a row of `type`. */
  globalIdOf(type: string, row: unknown): string;
  /** The type names that have a loader. */
  readonly types: readonly string[];
}

/** The node interface's descriptions (graphql-relay's), shared so every adapter prints the same SDL. */
export const nodeDescriptions = {
  node: 'An object with an ID',
  id: 'The id of the object.',
  nodeField: 'Fetches an object given its ID',
  nodeId: 'The ID of an object',
  nodesField: 'Fetches objects given their IDs',
  nodesIds: 'The IDs of objects',
  globalId: 'The ID of an object',
} as const;

// The type each row was loaded as, for the Node interface's resolveType: the global id said it, so
// nothing is guessed from the row's shape. Rows are objects of one type each; a WeakMap keeps none alive.
const loadedAs = new WeakMap<object, string>();

/** The type a row was loaded as by a node lookup, else undefined. */
export function nodeTypeOf(row: unknown): string | undefined {
  return typeof row === 'object' && row !== null ? loadedAs.get(row) : undefined;
}

// After the promise jobs of the current tick (DataLoader's schedule), so every field of one
// execution level has asked before the loader runs.
const later = (run: () => void): void => {
  void Promise.resolve().then(() => (typeof setImmediate === 'function' ? setImmediate(run) : setTimeout(run, 0)));
};

interface Pending {
  readonly key: unknown;
  readonly waiting: Array<{ resolve: (row: unknown) => void; reject: (error: unknown) => void }>;
}

function defaultIdOf(type: string): (row: unknown) => string | number {
  return (row) => {
    const id = typeof row === 'object' && row !== null ? (row as { readonly id?: unknown }).id : undefined;
    assertConfig(
      typeof id === 'string' || typeof id === 'number',
      `A ${type} row has no string or number \`id\`: give its node loader an \`idOf\``,
    );
    return id;
  };
}

/** One type's batch for one request: ids asked before the scheduled run go into one `load`. */
function typeBatch<TContext>(type: string, loader: NodeLoader<TContext>, context: TContext, idOf: (row: unknown) => string | number) {
  let pending = new Map<string, Pending>();
  const run = (): void => {
    const taken = pending;
    pending = new Map();
    const settle = (rows: Iterable<unknown>): void => {
      const byId = new Map<string, unknown>();
      for (const row of rows) {
        byId.set(String(idOf(row)), row);
        if (typeof row === 'object' && row !== null) loadedAs.set(row, type);
      }
      for (const [id, entry] of taken) for (const waiter of entry.waiting) waiter.resolve(byId.get(id) ?? null);
    };
    const fail = (error: unknown): void => {
      for (const entry of taken.values()) for (const waiter of entry.waiting) waiter.reject(error);
    };
    try {
      Promise.resolve(
        loader.load(
          [...taken.values()].map((entry) => entry.key),
          context,
        ),
      )
        .then(settle)
        .catch(fail);
    } catch (error) {
      fail(error);
    }
  };
  return (id: string, key: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const entry = pending.get(id);
      if (entry) entry.waiting.push({ resolve, reject });
      else {
        pending.set(id, { key, waiting: [{ resolve, reject }] });
        if (pending.size === 1) later(run);
      }
    });
}

const TYPE_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The lookup behind `node(id:)` and `nodes(ids:)`: decodes the global id, picks the type's loader
 * and batches its ids per request (the context object) and type. Throws PaginationConfigError for a
 * loader under a name that is not a GraphQL type name.
 */
export function nodeLookup<TContext>(loaders: NodeLoaders<TContext>, options: NodeLookupOptions = {}): NodeLookup<TContext> {
  const maxIds = options.maxIds ?? DEFAULT_MAX_NODE_IDS;
  assertConfig(Number.isSafeInteger(maxIds) && maxIds > 0, 'maxIds must be a positive integer');
  const types = Object.keys(loaders);
  for (const type of types) {
    assertConfig(TYPE_NAME.test(type), `Node loader "${type}": the key must be a GraphQL type name`);
    assertConfig(typeof loaders[type]?.load === 'function', `Node loader "${type}": \`load\` must be a function`);
  }
  const idOfs = new Map(types.map((type) => [type, loaders[type]!.idOf?.bind(loaders[type]) ?? defaultIdOf(type)]));
  const requests = new WeakMap<object, Map<string, (id: string, key: unknown) => Promise<unknown>>>();

  const batchOf = (context: TContext, type: string) => {
    assertConfig(
      typeof context === 'object' && context !== null,
      'node(id:) needs a context object per request (its lookups are batched per request)',
    );
    let perRequest = requests.get(context);
    if (!perRequest) {
      perRequest = new Map();
      requests.set(context, perRequest);
    }
    let batch = perRequest.get(type);
    if (!batch) {
      batch = typeBatch(type, loaders[type]!, context, idOfs.get(type)!);
      perRequest.set(type, batch);
    }
    return batch;
  };

  const node = (globalId: string, context: TContext, argument = 'id'): Promise<unknown> =>
    withGraphQLErrors(async () => {
      const { type, id } = fromGlobalId(globalId, { argument });
      const loader = Object.hasOwn(loaders, type) ? loaders[type] : undefined;
      if (loader === undefined)
        throw toGraphQLError(PaginationError.invalidArgument(`Invalid id: no object of type ${type} has an id.`, argument));
      const key = loader.parseId ? loader.parseId(id) : id;
      if (key === undefined) throw toGraphQLError(PaginationError.invalidArgument(`Invalid id: not a valid ${type} id.`, argument));
      return batchOf(context, type)(id, key);
    });
  return {
    types,
    node,
    nodes: (globalIds, context, argument = 'ids') => {
      if (globalIds.length > maxIds) throw toGraphQLError(PaginationError.invalidArgument(`Invalid ids: at most ${maxIds} ids.`, argument));
      return globalIds.map((globalId) => node(globalId, context, argument));
    },
    globalIdOf: (type, row) => {
      const idOf = idOfs.get(type) ?? defaultIdOf(type);
      return toGlobalId(type, idOf(row));
    },
  };
}
