import { assertConfig, PaginationError } from './errors';
import { encodeOffsetCursor } from './offset-cursor';
import { lazyCount, settleOnError, type NumberedPage, type PaginateContext } from './page';
import type { PageSource } from './page-source';
import { parsePythonInt, positiveInt } from './python-int';

/** DRF's PageNumberPagination attributes, camelCased, with DRF's defaults. */
export interface PageNumberOptions {
  /** Default page size; null or 0 turns pagination off (DRF's `page_size`, default None). */
  readonly pageSize?: number | null;
  /** Name of the page number parameter (default `page`). */
  readonly pageQueryParam?: string;
  /** When set, clients may choose the page size with this parameter (default off). */
  readonly pageSizeQueryParam?: string | null;
  /** Cap on a client's page size (default none). */
  readonly maxPageSize?: number | null;
  /** Page values that mean the last page, matched exactly (default `["last"]`). */
  readonly lastPageStrings?: readonly string[];
  /** Message of INVALID_PAGE; `{page_number}` and `{message}` are replaced as DRF's str.format does. */
  readonly invalidPageMessage?: string;
}

/** A resolved page-number pagination: every option filled in. Spread it to derive a variant. */
export interface PageNumberPagination {
  readonly style: 'page-number';
  readonly pageSize: number | null;
  readonly pageQueryParam: string;
  readonly pageSizeQueryParam: string | null;
  readonly maxPageSize: number | null;
  readonly lastPageStrings: readonly string[];
  readonly invalidPageMessage: string;
}

/** Arguments of one request: raw query values (REST) or typed values (GraphQL). Null means absent. */
export interface PageNumberArgs {
  readonly page?: string | number | null | undefined;
  readonly pageSize?: string | number | null | undefined;
}

const isSize = (value: number | null | undefined): boolean =>
  value === null || value === undefined || (Number.isSafeInteger(value) && value >= 0);

/** Fills in DRF's defaults and checks the options; throws PaginationConfigError on misuse. */
export function pageNumberPagination(options: PageNumberOptions = {}): PageNumberPagination {
  assertConfig(isSize(options.pageSize), 'pageSize must be a non-negative integer or null');
  assertConfig(isSize(options.maxPageSize), 'maxPageSize must be a non-negative integer or null');
  return {
    style: 'page-number',
    pageSize: options.pageSize ?? null,
    pageQueryParam: options.pageQueryParam ?? 'page',
    pageSizeQueryParam: options.pageSizeQueryParam ?? null,
    maxPageSize: options.maxPageSize ?? null,
    lastPageStrings: options.lastPageStrings ?? ['last'],
    invalidPageMessage: options.invalidPageMessage ?? 'Invalid page.',
  };
}

/**
 * DRF's `get_page_size`: a client's size when the parameter is enabled and valid (strict, capped at
 * the maximum), else the default. Null or 0 means pagination is off.
 */
export function resolvePageSize(
  config: { readonly pageSize: number | null; readonly pageSizeQueryParam: string | null; readonly maxPageSize: number | null },
  requested: string | number | null | undefined,
): number | null {
  if (config.pageSizeQueryParam && requested !== null && requested !== undefined) {
    const size = positiveInt(requested, { strict: true, cutoff: config.maxPageSize });
    if (size !== null) return size;
  }
  return config.pageSize;
}

function invalidPage(pagination: PageNumberPagination, raw: string, reason: string): PaginationError {
  const message = pagination.invalidPageMessage.replace(/\{(page_number|message)\}/g, (_, name: string) =>
    name === 'message' ? reason : raw,
  );
  return PaginationError.invalidPage(message, pagination.pageQueryParam);
}

/**
 * One page of a page-number pagination, or null when pagination is off. Fetches size + 1 rows; counts
 * only for `last`, for `withCount`, or when the caller asks the page for its count.
 */
export async function paginatePageNumber<T>(
  source: PageSource<T>,
  pagination: PageNumberPagination,
  args: PageNumberArgs,
  context: PaginateContext = {},
): Promise<NumberedPage<T> | null> {
  const size = resolvePageSize(pagination, args.pageSize);
  if (!size) return null;
  const raw = args.page === null || args.page === undefined || args.page === '' ? '1' : String(args.page);

  // The page number is checked before anything runs, so a bad one starts no query at all.
  const last = typeof args.page === 'string' && pagination.lastPageStrings.includes(args.page);
  let page = 1;
  if (!last) {
    const parsed = typeof args.page === 'number' ? (Number.isSafeInteger(args.page) ? BigInt(args.page) : null) : parsePythonInt(raw);
    if (parsed === null) throw invalidPage(pagination, raw, 'That page number is not an integer');
    if (parsed < 1n) throw invalidPage(pagination, raw, 'That page number is less than 1');
    if ((parsed - 1n) * BigInt(size) > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalidPage(pagination, raw, 'That page contains no results');
    }
    page = Number(parsed);
  }
  const eager = context.withCount === true;
  const count = lazyCount(() => source.count(), eager);
  const rows = await settleOnError(count, eager, async () => {
    if (last) page = Math.max(1, Math.ceil((await count()) / size));
    const found = await source.slice((page - 1) * size, size + 1);
    // Django's check "page > num_pages" without a count: beyond the last page no row comes back.
    if (page > 1 && found.length === 0) throw invalidPage(pagination, raw, 'That page contains no results');
    return found;
  });
  const offset = (page - 1) * size;
  const items = rows.slice(0, size);
  const hasNext = rows.length > size;
  const cursors = items.map((_, index) => encodeOffsetCursor(offset + index));
  return {
    style: 'page-number',
    items,
    pageSize: size,
    page,
    hasNext,
    hasPrevious: page > 1,
    nextPage: hasNext ? page + 1 : null,
    previousPage: page > 1 ? page - 1 : null,
    cursors,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
    count,
    totalPages: async () => Math.max(1, Math.ceil((await count()) / size)),
  };
}
