import { checkCountStrategy, type CountStrategy } from './count-strategy';
import { assertConfig, PaginationError } from './errors';

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
  /** What a bad page serves (default `error`, DRF's 404): see {@link InvalidPageMode}. */
  readonly invalidPage?: InvalidPageMode;
  /** How the total is computed (default `exact`): see docs/counts.md. */
  readonly count?: CountStrategy;
}

/**
 * What a page that is not an integer, below 1 or past the end serves. `error`: DRF's INVALID_PAGE
 * (404). `first`: page 1. `last`: Django's `Paginator.get_page()` (not an integer: page 1; below 1 or
 * past the end: the last page). `empty`: Rails RESTFramework (not an integer or below 1: page 1; past
 * the end: that page, empty).
 */
export type InvalidPageMode = 'error' | 'first' | 'last' | 'empty';

const INVALID_PAGE_MODES: readonly InvalidPageMode[] = ['error', 'first', 'last', 'empty'];

/** A resolved page-number pagination: every option filled in. Spread it to derive a variant. */
export interface PageNumberPagination {
  readonly style: 'page-number';
  readonly pageSize: number | null;
  readonly pageQueryParam: string;
  readonly pageSizeQueryParam: string | null;
  readonly maxPageSize: number | null;
  readonly lastPageStrings: readonly string[];
  readonly invalidPageMessage: string;
  /** Absent means `error`. */
  readonly invalidPage?: InvalidPageMode;
  /** How the total is computed; absent means `exact`. */
  readonly count?: CountStrategy;
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
  const { invalidPage } = options;
  assertConfig(
    invalidPage === undefined || INVALID_PAGE_MODES.includes(invalidPage),
    `invalidPage must be "error", "first", "last" or "empty", not ${JSON.stringify(invalidPage)}`,
  );
  const count = checkCountStrategy(options.count, 'page-number');
  return {
    style: 'page-number',
    pageSize: options.pageSize ?? null,
    pageQueryParam: options.pageQueryParam ?? 'page',
    pageSizeQueryParam: options.pageSizeQueryParam ?? null,
    maxPageSize: options.maxPageSize ?? null,
    lastPageStrings: options.lastPageStrings ?? ['last'],
    invalidPageMessage: options.invalidPageMessage ?? 'Invalid page.',
    // Only when set: a pagination made before the option existed compares equal to one made now.
    ...(invalidPage !== undefined && { invalidPage }),
    ...(count !== undefined && { count }),
  };
}

/** DRF's INVALID_PAGE error: `invalidPageMessage` with `{page_number}` and `{message}` replaced. */
export function invalidPageError(pagination: PageNumberPagination, raw: string, reason: string): PaginationError {
  const message = pagination.invalidPageMessage.replace(/\{(page_number|message)\}/g, (_, name: string) =>
    name === 'message' ? reason : raw,
  );
  return PaginationError.invalidPage(message, pagination.pageQueryParam);
}
