import { assemblePage } from './assemble-page';
import type { CursorArgs, CursorPagination, RelayArgs, RelayArgsOptions } from './cursor-options';
import type { LimitOffsetArgs, LimitOffsetPagination } from './limit-offset';
import type { CursorPage, NumberedPage, OffsetPage, Page, PaginateContext } from './page';
import type { PageNumberArgs, PageNumberPagination } from './page-number';
import type { PageSource } from './page-source';
import type { Pagination } from './pagination';
import { planPage, type PlanOverrides } from './plan';
import { requestFromArgs, type PageRequest } from './request';
import { runPlan } from './run-plan';

/** Options of {@link paginate}: the field's or endpoint's overrides, and whether to count now. */
export interface PaginateOptions extends PlanOverrides, PaginateContext {}

/** The whole list, unpaginated: pagination is off (no size) or the client turned it off. */
export interface WholeList<T> {
  readonly style: 'whole';
  readonly items: readonly T[];
}

/**
 * One request of any style: plan (core decides everything), run (the source executes), assemble.
 * Throws PaginationError for a bad request.
 */
export async function paginate<T>(
  source: PageSource<T>,
  pagination: Pagination,
  request: PageRequest,
  options: PaginateOptions = {},
): Promise<Page<T> | WholeList<T>> {
  const plan = planPage(source, pagination, request, options);
  const fetched = await runPlan(source, plan, options);
  return assemblePage(source, plan, fetched) ?? { style: 'whole', items: fetched.rows ?? [] };
}

const absent = <V>(value: V | null | undefined): V | undefined => (value === null ? undefined : value);

async function paged<P>(
  source: PageSource<unknown>,
  pagination: Pagination,
  request: PageRequest,
  context: PaginateContext,
): Promise<P | null> {
  const plan = planPage(source, pagination, request);
  if (plan.kind === 'whole') return null;
  return assemblePage(source, plan, await runPlan(source, plan, context)) as P;
}

/**
 * One page of a page-number pagination, or null when pagination is off. Fetches size + 1 rows; counts
 * only for `last`, for `withCount`, or when the caller asks the page for its count.
 */
export function paginatePageNumber<T>(
  source: PageSource<T>,
  pagination: PageNumberPagination,
  args: PageNumberArgs,
  context: PaginateContext = {},
): Promise<NumberedPage<T> | null> {
  return paged(source, pagination, { via: 'query', page: absent(args.page), size: absent(args.pageSize) }, context);
}

/** One page of a limit-offset pagination, or null when it is off. Fetches limit + 1 rows; no count unless asked. */
export function paginateLimitOffset<T>(
  source: PageSource<T>,
  pagination: LimitOffsetPagination,
  args: LimitOffsetArgs,
  context: PaginateContext = {},
): Promise<OffsetPage<T> | null> {
  return paged(source, pagination, { via: 'query', size: absent(args.limit), offset: absent(args.offset) }, context);
}

/** One page of a cursor pagination from DRF's query parameters, or null when pagination is off. */
export function paginateCursor<T>(
  source: PageSource<T>,
  pagination: CursorPagination,
  args: CursorArgs,
  context: PaginateContext = {},
): Promise<CursorPage<T> | null> {
  const request = { via: 'query' as const, cursor: absent(args.cursor), size: absent(args.pageSize), ordering: absent(args.ordering) };
  return paged(source, pagination, request, context);
}

/** One page of a cursor pagination from Relay's arguments (first, after, last, before). */
export async function paginateRelay<T>(
  source: PageSource<T>,
  pagination: CursorPagination,
  args: RelayArgs,
  context: PaginateContext & RelayArgsOptions = {},
): Promise<CursorPage<T>> {
  const { ordering, ...relay } = args;
  const request = { ...requestFromArgs('cursor', relay), ordering: absent(ordering) };
  // The pagination's own sizes as they are: no default cap, unlike a GraphQL field.
  const overrides = { maxPageSize: pagination.maxPageSize, onOversize: context.onOversize };
  const plan = planPage(source, pagination, request, overrides);
  return assemblePage(source, plan, await runPlan(source, plan, context)) as CursorPage<T>;
}
