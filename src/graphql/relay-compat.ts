import { connectionFromArraySlice, type RelayArrayArgs, type RelayArraySliceMeta } from '../core/internal';
import { withGraphQLErrors } from './errors';
import type { PaginationArgValues } from './paginate';
import type { ConnectionValue, PageInfoValue } from './shapes';

function relayArgs(values: PaginationArgValues): RelayArrayArgs {
  const args = values as Readonly<Record<string, unknown>>;
  const pick = <K extends keyof RelayArrayArgs>(name: K, type: 'number' | 'string') =>
    (typeof args[name] === type ? args[name] : undefined) as RelayArrayArgs[K];
  return { first: pick('first', 'number'), after: pick('after', 'string'), last: pick('last', 'number'), before: pick('before', 'string') };
}

/**
 * graphql-relay compatible mode: the connection graphql-relay's `connectionFromArraySlice` returns
 * (its `arrayconnection:N` cursors, edges and flags, quirks included), in pagewise's connection shape.
 * `totalCount` is `arrayLength`. Negative `first`/`last` become coded GraphQLErrors.
 */
export function resolveArrayConnection<T>(
  slice: readonly T[] | Promise<readonly T[]>,
  args: PaginationArgValues,
  meta?: RelayArraySliceMeta,
): Promise<ConnectionValue<T>> {
  return withGraphQLErrors(async () => {
    const rows = await slice;
    const window = meta ?? { sliceStart: 0, arrayLength: rows.length };
    const { edges, pageInfo } = connectionFromArraySlice(rows, relayArgs(args), window);
    const totalCount = Promise.resolve(window.arrayLength);
    const info: PageInfoValue = {
      ...pageInfo,
      totalCount,
      totalCountCapped: Promise.resolve(false),
      totalCountEstimated: Promise.resolve(false),
      page: null,
      pageSize: edges.length,
      totalPages: Promise.resolve(null),
      pageLinks: Promise.resolve(null),
      nextPage: null,
      previousPage: null,
      offset: null,
      limit: null,
      nextOffset: null,
      previousOffset: null,
    };
    return { edges, nodes: edges.map((edge) => edge.node), pageInfo: info, totalCount };
  });
}
