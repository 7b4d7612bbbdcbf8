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

/** DRF's INVALID_PAGE error: `invalidPageMessage` with `{page_number}` and `{message}` replaced. */
export function invalidPageError(pagination: PageNumberPagination, raw: string, reason: string): PaginationError {
  const message = pagination.invalidPageMessage.replace(/\{(page_number|message)\}/g, (_, name: string) =>
    name === 'message' ? reason : raw,
  );
  return PaginationError.invalidPage(message, pagination.pageQueryParam);
}
