import { assertConfig } from './errors';
import { encodeOffsetCursor } from './offset-cursor';
import { lazyCount, settleOnError, type OffsetPage, type PaginateContext } from './page';
import type { PageSource } from './page-source';
import { positiveInt } from './python-int';

/** DRF's LimitOffsetPagination attributes, camelCased, with DRF's defaults. */
export interface LimitOffsetOptions {
  /** Limit when the client sends no valid one; null turns pagination off, 0 is kept (DRF's `is None`). */
  readonly defaultLimit?: number | null;
  /** Name of the limit parameter; null stops clients from choosing a limit (default `limit`). */
  readonly limitQueryParam?: string | null;
  /** Name of the offset parameter (default `offset`). */
  readonly offsetQueryParam?: string;
  /** Cap on a client's limit; the default limit is not capped (default none). */
  readonly maxLimit?: number | null;
}

/** A resolved limit-offset pagination: every option filled in. */
export interface LimitOffsetPagination {
  readonly style: 'limit-offset';
  readonly defaultLimit: number | null;
  readonly limitQueryParam: string | null;
  readonly offsetQueryParam: string;
  readonly maxLimit: number | null;
}

/** Arguments of one request: raw query values (REST) or typed values (GraphQL). Null means absent. */
export interface LimitOffsetArgs {
  readonly limit?: string | number | null | undefined;
  readonly offset?: string | number | null | undefined;
}

/** Fills in DRF's defaults and checks the options; throws PaginationConfigError on misuse. */
export function limitOffsetPagination(options: LimitOffsetOptions = {}): LimitOffsetPagination {
  const { defaultLimit = null, maxLimit = null } = options;
  assertConfig(
    defaultLimit === null || (Number.isSafeInteger(defaultLimit) && defaultLimit >= 0),
    'defaultLimit must be a non-negative integer or null',
  );
  assertConfig(maxLimit === null || (Number.isSafeInteger(maxLimit) && maxLimit >= 0), 'maxLimit must be a non-negative integer or null');
  return {
    style: 'limit-offset',
    defaultLimit,
    limitQueryParam: options.limitQueryParam === undefined ? 'limit' : options.limitQueryParam,
    offsetQueryParam: options.offsetQueryParam ?? 'offset',
    maxLimit,
  };
}

/** DRF's `get_limit`: a valid client limit (strict, capped), else the default; null means off. */
export function resolveLimit(pagination: LimitOffsetPagination, requested: string | number | null | undefined): number | null {
  if (pagination.limitQueryParam && requested !== null && requested !== undefined) {
    const limit = positiveInt(requested, { strict: true, cutoff: pagination.maxLimit });
    if (limit !== null) return limit;
  }
  return pagination.defaultLimit;
}

/** DRF's `get_offset`: a non-negative integer, anything else is 0. */
export function resolveOffset(requested: string | number | null | undefined): number {
  if (requested === null || requested === undefined) return 0;
  return positiveInt(requested) ?? 0;
}

/** Python's `a // b + (1 if a % b else 0)` with floor semantics for negative `a`. */
function ceilDiv(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  return quotient + (a - quotient * b !== 0 ? 1 : 0);
}

/** DRF's page arithmetic of the HTML controls: the current and final page numbers. */
export function limitOffsetPageNumbers(count: number, offset: number, limit: number): { current: number; final: number } {
  if (!limit) return { current: 1, final: 1 };
  const final = Math.max(ceilDiv(count - offset, limit) + ceilDiv(offset, limit), 1);
  return { current: Math.min(ceilDiv(offset, limit) + 1, final), final };
}

/** One page of a limit-offset pagination, or null when it is off. Fetches limit + 1 rows; no count unless asked. */
export async function paginateLimitOffset<T>(
  source: PageSource<T>,
  pagination: LimitOffsetPagination,
  args: LimitOffsetArgs,
  context: PaginateContext = {},
): Promise<OffsetPage<T> | null> {
  const limit = resolveLimit(pagination, args.limit);
  if (limit === null) return null;
  const offset = resolveOffset(args.offset);
  const eager = context.withCount === true;
  const count = lazyCount(() => source.count(), eager);
  const rows = await settleOnError(count, eager, () => source.slice(offset, limit + 1));
  const items = rows.slice(0, limit);
  const hasNext = rows.length > limit;
  const cursors = items.map((_, index) => encodeOffsetCursor(offset + index));
  return {
    style: 'limit-offset',
    items,
    pageSize: limit,
    limit,
    offset,
    hasNext,
    hasPrevious: offset > 0,
    nextOffset: hasNext ? offset + limit : null,
    previousOffset: offset > 0 ? Math.max(0, offset - limit) : null,
    cursors,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
    count,
    totalPages: async () => limitOffsetPageNumbers(await count(), offset, limit).final,
  };
}
