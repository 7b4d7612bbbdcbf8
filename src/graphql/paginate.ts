import {
  decodeOffsetCursor,
  paginateLimitOffset,
  paginatePageNumber,
  paginateRelay,
  PaginationError,
  resolvePageSize,
  type CursorPagination,
  type LimitOffsetPagination,
  type Page,
  type PageNumberPagination,
  type PageSource,
} from '../core';
import type { GraphQLPagination, RelayDirections } from './args';

/** Per-field options of a paginated field. */
export interface PaginateOptions {
  /** Page size when the client names none (overrides the pagination's `pageSize`/`defaultLimit`). */
  readonly defaultPageSize?: number | null;
  /**
   * Cap on a client's page size (overrides `maxPageSize`/`maxLimit`). When neither sets one the cap
   * is {@link DEFAULT_MAX_PAGE_SIZE}; `null` here opts out of any cap.
   */
  readonly maxPageSize?: number | null;
  /** A size above the maximum: `clamp` to it (default) or `error` (INVALID_ARGUMENT). */
  readonly onOversize?: 'clamp' | 'error';
  /** Cursor style: which directions the field allows (default both). */
  readonly directions?: RelayDirections;
  /** Start the count now, in parallel with the page (a count field was selected). */
  readonly withCount?: boolean;
}

/**
 * The cap on a client's page size of a GraphQL field whose pagination and field options set none: a
 * client's `first: 2000000000` must not become the LIMIT of a query.
 */
export const DEFAULT_MAX_PAGE_SIZE = 100;

/** The field's cap: its own option (null: none), else the pagination's, else the default. */
function maxOf(paginationMax: number | null, options: PaginateOptions): number | null {
  return options.maxPageSize !== undefined ? options.maxPageSize : (paginationMax ?? DEFAULT_MAX_PAGE_SIZE);
}

/** A field's arguments: the object graphql-js passes, or an instance of an args class. */
export type PaginationArgValues = object;

type ArgMap = Readonly<Record<string, unknown>>;

const invalid = (message: string, argument: string) => PaginationError.invalidArgument(message, argument);

function intArg(args: ArgMap, name: string): number | undefined {
  const value = args[name];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(`Argument "${name}" must be an integer`, name);
  return value;
}

function stringArg(args: ArgMap, name: string): string | undefined {
  const value = args[name];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Argument "${name}" must be a string`, name);
  return value;
}

function checkSize(name: string, value: number | undefined, max: number | null, options: PaginateOptions): void {
  if (value !== undefined && max && value > max && options.onOversize === 'error') {
    throw invalid(`Argument "${name}" must not exceed ${max}`, name);
  }
}

function atLeast(args: ArgMap, name: string, min: 0 | 1): void {
  const value = intArg(args, name);
  if (value !== undefined && value < min) {
    throw invalid(`Argument "${name}" must be a ${min === 0 ? 'non-negative' : 'positive'} integer`, name);
  }
}

/**
 * The checks of a style's arguments that need no configuration: integers in range, strings where
 * cursors go, no two arguments naming the same position. Throws PaginationError (INVALID_ARGUMENT).
 */
export function assertPaginationArgs(style: GraphQLPagination['style'], values: PaginationArgValues): void {
  const args = values as ArgMap;
  if (style === 'cursor') {
    atLeast(args, 'first', 0);
    atLeast(args, 'last', 0);
    stringArg(args, 'after');
    stringArg(args, 'before');
    const ordering = args['ordering'];
    if (ordering !== null && ordering !== undefined && !(Array.isArray(ordering) && ordering.every((item) => typeof item === 'string'))) {
      throw invalid('Argument "ordering" must be a list of strings', 'ordering');
    }
  } else if (style === 'page-number') {
    atLeast(args, 'pageSize', 1);
    exclusive(args, 'page', 'after');
    const page = args['page'];
    if (page !== null && page !== undefined && typeof page !== 'string' && !(typeof page === 'number' && Number.isSafeInteger(page))) {
      throw PaginationError.invalidPage('Invalid page.', 'page');
    }
    stringArg(args, 'after');
  } else {
    atLeast(args, 'limit', 1);
    atLeast(args, 'offset', 0);
    exclusive(args, 'offset', 'after');
    stringArg(args, 'after');
  }
}

function exclusive(args: ArgMap, a: string, b: string): void {
  if (args[a] !== null && args[a] !== undefined && args[b] !== null && args[b] !== undefined) {
    throw invalid(`Pass "${a}" or "${b}", not both`, b);
  }
}

async function relayPage<T>(source: PageSource<T>, base: CursorPagination, args: ArgMap, options: PaginateOptions) {
  const pagination = {
    ...base,
    pageSize: options.defaultPageSize === undefined ? base.pageSize : options.defaultPageSize,
    maxPageSize: maxOf(base.maxPageSize, options),
  };
  // A field with no default size needs `first` or `last` unless a maximum was set on purpose.
  const declaredMax = options.maxPageSize === undefined ? base.maxPageSize : options.maxPageSize;
  const directions = options.directions ?? 'both';
  const forbidden = directions === 'forward' ? ['last', 'before'] : directions === 'backward' ? ['first', 'after'] : [];
  for (const name of forbidden) {
    if (args[name] !== null && args[name] !== undefined) throw invalid(`Argument "${name}" is not allowed on this field`, name);
  }
  assertPaginationArgs('cursor', args);
  const first = intArg(args, 'first');
  const last = intArg(args, 'last');
  if (first === undefined && last === undefined && !pagination.pageSize && !declaredMax) {
    throw invalid(`Pass "${directions === 'backward' ? 'last' : 'first'}"`, directions === 'backward' ? 'last' : 'first');
  }
  const ordering = args['ordering'];
  return paginateRelay(
    source,
    pagination,
    { first, last, after: stringArg(args, 'after'), before: stringArg(args, 'before'), ordering: ordering as string[] | undefined },
    { withCount: options.withCount === true, onOversize: options.onOversize ?? 'clamp' },
  );
}

async function numberedPage<T>(
  source: PageSource<T>,
  base: PageNumberPagination,
  args: ArgMap,
  options: PaginateOptions,
): Promise<Page<T>> {
  const pagination: PageNumberPagination = {
    ...base,
    pageQueryParam: 'page',
    pageSizeQueryParam: 'pageSize',
    pageSize: options.defaultPageSize === undefined ? base.pageSize : options.defaultPageSize,
    maxPageSize: maxOf(base.maxPageSize, options),
  };
  assertPaginationArgs('page-number', args);
  const pageSize = intArg(args, 'pageSize');
  checkSize('pageSize', pageSize, pagination.maxPageSize, options);
  const after = stringArg(args, 'after');
  if (after !== undefined) {
    const size = resolvePageSize(pagination, pageSize);
    if (!size) throw invalid('Pass "pageSize"', 'pageSize');
    return afterWindow(source, decodeOffsetCursor(after, { argument: 'after' }) + 1, size, options);
  }
  const page = args['page'] as number | string | null | undefined;
  const result = await paginatePageNumber(source, pagination, { page, pageSize }, { withCount: options.withCount === true });
  if (!result) throw invalid('Pass "pageSize"', 'pageSize');
  return result;
}

/**
 * `after` on a page-number field: the `size` rows from `offset` (the row after `after`), as
 * limit-offset gives them; past the end an empty page. A window that starts on a page boundary is
 * that page (page, nextPage, previousPage); any other window is no page, so it reports its offset
 * and limit but no page numbers, and the client goes on with `after: endCursor`.
 */
async function afterWindow<T>(source: PageSource<T>, offset: number, size: number, options: PaginateOptions): Promise<Page<T>> {
  const window = await paginateLimitOffset(
    source,
    { style: 'limit-offset', defaultLimit: size, maxLimit: null, limitQueryParam: null, offsetQueryParam: 'offset' },
    { offset },
    { withCount: options.withCount === true },
  );
  const { items, cursors, startCursor, endCursor, hasNext, hasPrevious, count } = window!;
  const common = { items, pageSize: size, cursors, startCursor, endCursor, hasNext, hasPrevious, count };
  if (offset % size !== 0) {
    return {
      ...common,
      style: 'limit-offset',
      offset,
      limit: size,
      nextOffset: null,
      previousOffset: null,
      totalPages: window!.totalPages,
    };
  }
  const page = offset / size + 1;
  return {
    ...common,
    style: 'page-number',
    page,
    nextPage: hasNext ? page + 1 : null,
    previousPage: page > 1 ? page - 1 : null,
    totalPages: async () => Math.max(1, Math.ceil((await count()) / size)),
  };
}

async function offsetPage<T>(source: PageSource<T>, base: LimitOffsetPagination, args: ArgMap, options: PaginateOptions) {
  const pagination: LimitOffsetPagination = {
    ...base,
    limitQueryParam: 'limit',
    offsetQueryParam: 'offset',
    defaultLimit: options.defaultPageSize === undefined ? base.defaultLimit : options.defaultPageSize,
    maxLimit: maxOf(base.maxLimit, options),
  };
  assertPaginationArgs('limit-offset', args);
  const limit = intArg(args, 'limit');
  checkSize('limit', limit, pagination.maxLimit, options);
  let offset = intArg(args, 'offset');
  const after = stringArg(args, 'after');
  if (after !== undefined) offset = decodeOffsetCursor(after, { argument: 'after' }) + 1;
  const result = await paginateLimitOffset(source, pagination, { limit, offset }, { withCount: options.withCount === true });
  if (!result) throw invalid('Pass "limit"', 'limit');
  return result;
}

/**
 * One page of `source` from a GraphQL field's arguments, in `pagination`'s style: Relay's
 * first/after/last/before, page/pageSize, or limit/offset (both with an optional `after` cursor).
 * Throws PaginationError for bad arguments.
 */
export async function paginateArgs<T>(
  source: PageSource<T>,
  pagination: GraphQLPagination,
  values: PaginationArgValues,
  options: PaginateOptions = {},
): Promise<Page<T>> {
  const args = values as ArgMap;
  switch (pagination.style) {
    case 'cursor':
      return relayPage(source, pagination, args, options);
    case 'page-number':
      return numberedPage(source, pagination, args, options);
    case 'limit-offset':
      return offsetPage(source, pagination, args, options);
  }
}

/**
 * The page size a request will get, for cost estimates: the requested size clamped to the maximum
 * (as {@link paginateArgs} caps it), else the default (the maximum, or 1, when neither is set).
 */
export function requestedPageSize(pagination: GraphQLPagination, values: PaginationArgValues, options: PaginateOptions = {}): number {
  const args = values as ArgMap;
  const name =
    pagination.style === 'cursor' ? (args['first'] ?? args['last']) : pagination.style === 'page-number' ? args['pageSize'] : args['limit'];
  const fallback = options.defaultPageSize ?? (pagination.style === 'limit-offset' ? pagination.defaultLimit : pagination.pageSize);
  const paginationMax = pagination.style === 'limit-offset' ? pagination.maxLimit : pagination.maxPageSize;
  const max = maxOf(paginationMax, options);
  // Without a size the request fails unless a maximum was set on purpose; the default cap is no size.
  const declaredMax = options.maxPageSize === undefined ? paginationMax : options.maxPageSize;
  const requested = typeof name === 'number' && name >= 0 ? name : (fallback ?? declaredMax ?? 1);
  return max ? Math.min(requested, max) : requested;
}
