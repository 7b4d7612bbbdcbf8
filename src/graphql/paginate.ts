import {
  DEFAULT_MAX_PAGE_SIZE,
  paginate,
  plannedSize,
  requestFromArgs,
  type Page,
  type PageSource,
  type PlanOverrides,
} from '../core/internal';
import type { GraphQLPagination } from './args';

export { DEFAULT_MAX_PAGE_SIZE };

/** Per-field options of a paginated field: overrides of the pagination's sizes, applied while planning. */
export interface PaginateOptions extends PlanOverrides {
  /** Start the count now, in parallel with the page (a count field was selected). */
  readonly withCount?: boolean;
}

/** A field's arguments: the object graphql-js passes, or an instance of an args class. */
export type PaginationArgValues = object;

/**
 * The checks of a style's arguments that need no configuration: integers in range, strings where
 * cursors go, no two arguments naming the same position. Throws PaginationError (INVALID_ARGUMENT).
 */
export function assertPaginationArgs(style: GraphQLPagination['style'], values: PaginationArgValues): void {
  requestFromArgs(style, values);
}

/**
 * One page of `source` from a GraphQL field's arguments, in `pagination`'s style: Relay's
 * first/after/last/before on every style, and page/pageSize or limit/offset for jumps.
 * Throws PaginationError for bad arguments.
 */
export async function paginateArgs<T>(
  source: PageSource<T>,
  pagination: GraphQLPagination,
  values: PaginationArgValues,
  options: PaginateOptions = {},
): Promise<Page<T>> {
  const request = requestFromArgs(pagination.style, values, options.directions);
  // Planning never gives a GraphQL request the whole list: a field without a size is INVALID_ARGUMENT.
  return (await paginate(source, pagination, request, { ...options, withCount: options.withCount === true })) as Page<T>;
}

/**
 * The page size a request will get, for cost estimates: the requested size clamped to the maximum
 * (as {@link paginateArgs} caps it), else the default (the maximum, or 1, when neither is set).
 */
export function requestedPageSize(pagination: GraphQLPagination, values: PaginationArgValues, options: PaginateOptions = {}): number {
  return plannedSize(pagination, values, options);
}
