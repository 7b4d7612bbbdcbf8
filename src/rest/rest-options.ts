import {
  assertConfig,
  checkPlanOverrides,
  isPagination,
  traitsOf,
  type CountStrategy,
  type Pagination,
  type PageSource,
  type SchemaObject,
} from '../core/internal';
import type { RestErrorHook } from './error-response';
import type { RestRequest, UrlOptions } from './request-url';

/** A paginated child list embedded in each row of a list body (made by `restEmbed`). */
export interface RestEmbed<T> {
  /** The key the child list is put under in each serialized row. */
  readonly name: string;
  /** The child lists of `rows`, in their order: all rows' first pages in one batch. */
  pages(rows: readonly T[], request: RestRequest, url: string): Promise<readonly unknown[]>;
}

/**
 * What a `body` hook is given: one request's page, serialized, with everything DRF's
 * `get_paginated_response` could read (count, links, page numbers).
 */
export interface RestBodyPage {
  /** False when the whole list is served (pagination off, or the client turned it off). */
  readonly paginated: boolean;
  /** The serialized items of the page (the whole list when unpaginated). */
  readonly results: readonly unknown[];
  /** The total (the list's length when unpaginated; null for the cursor style, which never counts). */
  readonly count: number | null;
  /** How far to trust `count`: `exact`, `capped` (at least that many) or `estimated`; null with no count. */
  readonly countKind: 'exact' | 'capped' | 'estimated' | null;
  /** DRF's next link (null when none, or when unpaginated). */
  readonly next: string | null;
  /** DRF's previous link: page 1's drops the page parameter, as DRF 3 does. */
  readonly previous: string | null;
  /** Page-number: the page's number; null for the other styles and when unpaginated. */
  readonly page: number | null;
  readonly nextPage: number | null;
  readonly previousPage: number | null;
  /** Page-number: Django's `num_pages` (at least 1). */
  readonly totalPages: number | null;
  /** The effective page size or limit (null when unpaginated). */
  readonly pageSize: number | null;
  /** The 0-based place of the first item in the whole list (null for the cursor style). */
  readonly startIndex: number | null;
  /** The request's absolute URL, which links are made from. */
  readonly url: string;
  /**
   * Page-number: the URL of page `page` with the page parameter always written (DRF 2's
   * `replace_query_param` links, which keep `page=1`); null for the other styles.
   */
  pageUrl(page: number): string | null;
}

/** A custom body: DRF 3's `get_paginated_response` override, or DRF 2's pagination serializer. */
export type RestBody = (page: RestBodyPage) => unknown;

/** A resolved pagination of any of DRF's three styles. */
export type RestPagination = Pagination;

/**
 * The body's shape: `drf` (DRF's own); `commons` (drf-commons as documented, flat: success,
 * timestamp, message, count, next, previous, `data` the list, each item with a 1-based `index`);
 * `commons-nested` (as drf-commons' code writes it: message, success, timestamp, `data` the DRF
 * body); `rails` (Rails RESTFramework: count, page, page_size, total_pages, next, previous, results;
 * page-number only, with Rails' reading of pages and sizes).
 */
export type RestShape = 'drf' | 'commons' | 'commons-nested' | 'rails';

const SHAPES: readonly RestShape[] = ['drf', 'commons', 'commons-nested', 'rails'];

/** A source, or a function giving one per request (filters that depend on the request). */
export type RestSource<T> = PageSource<T> | ((request: RestRequest) => PageSource<T> | Promise<PageSource<T>>);

/** Everything the REST adapter needs for one list endpoint. */
export interface RestOptions<T> extends UrlOptions {
  /** `pageNumberPagination(...)`, `limitOffsetPagination(...)` or `cursorPagination(...)`. */
  readonly pagination: RestPagination;
  readonly source: RestSource<T>;
  /** Turns a row into what the body shows (DRF's serializer); default: the row itself. */
  readonly serialize?: (row: T) => unknown;
  /** Body shape (default `drf`). */
  readonly shape?: RestShape;
  /**
   * A body of your own in place of the shape's: gets the page (count, links, results, page numbers)
   * and returns any JSON value. Give {@link RestOptions.bodySchema} beside it for OpenAPI.
   */
  readonly body?: RestBody;
  /** The OpenAPI schema of the `body` hook's output, given the results' schema (`restResponseSchema` uses it). */
  readonly bodySchema?: (results: SchemaObject) => SchemaObject;
  /**
   * `body` (default): next and previous in the body. `header`: an RFC 8288 Link header with rel
   * next, prev, first and last instead; the DRF shape's body is then the plain list, its count in
   * `X-Total-Count`.
   */
  readonly links?: 'body' | 'header';
  /** The name of the results key (default `results`; `data` for the flat commons shape). */
  readonly resultsKey?: string;
  /**
   * drf-commons' switch: when this parameter is present and not `true`, `1` or `yes` (any case), the
   * whole list is served unpaginated, but only when the pagination has no maximum (a client never
   * lifts `maxPageSize`/`maxLimit`) unless `allowUnpaginated` is on. Default `paginated` for the
   * commons shapes, off otherwise.
   */
  readonly paginatedQueryParam?: string | null;
  /**
   * Let `paginatedQueryParam` serve the whole list even when the pagination has a maximum, as
   * drf-commons does (on in its presets; default off). drf-commons' warning applies: restrict it to
   * internal APIs or administrative contexts, since unbounded lists to external clients risk
   * performance degradation under load. Nothing but this option caps such a list.
   */
  readonly allowUnpaginated?: boolean;
  /**
   * A client size of 0 (page size or limit) serves the whole list, but only when the pagination has
   * no maximum. Default on for the rails shape (which, as Rails, takes only the literal `0`), off
   * otherwise (DRF falls back to the default size).
   */
  readonly zeroPageSizeDisables?: boolean;
  /** DRF-extensions' `page_size=max`: this value of the size parameter means the maximum (default off). */
  readonly maxPageSizeValue?: string | null;
  /** The commons shapes' `message` (default empty for `commons`, as documented; `Request successful` for `commons-nested`). */
  readonly message?: string;
  /** The clock of the commons shape's `timestamp` (default: now). */
  readonly now?: () => Date;
  /** Paginated child lists embedded in each row ({@link RestEmbed}, from `restEmbed`), batched over the page. */
  readonly embed?: readonly RestEmbed<T>[];
  /**
   * What this endpoint's cursors are valid for (default: the request's path, so `/api/articles`'s
   * cursors are invalid at `/api/authors`). The same string on a GraphQL field (its `cursorScope`)
   * shares cursors between them; null leaves them unscoped.
   */
  readonly cursorScope?: string | null;
  /** Hears of every error answered with a 500 or 503 (logging); never changes the answer. */
  readonly onError?: RestErrorHook;
  /**
   * How `count` is computed (overrides the pagination's `count`; default `exact`): see docs/counts.md.
   * A capped count adds `"count_capped": true` to the body, an estimated one `"count_estimated": true`.
   */
  readonly count?: CountStrategy;
}

/**
 * What {@link renderRestPage} renders with: the endpoint's options without the source and without
 * `embed` (embedded lists are fetched per request, by `restResponse`).
 */
export type RestRenderOptions<T> = Omit<RestOptions<T>, 'source' | 'embed'> & { readonly embed?: never };

// Options objects that passed the check: the glue checks when an endpoint is defined, and a direct
// caller of restResponse pays for the check on its first request only.
const checked = new WeakSet<object>();

/** Checks options once, when an endpoint is defined; throws PaginationConfigError on misuse. */
export function checkRestOptions<T>(options: RestOptions<T>): void {
  if (checked.has(options)) return;
  const { pagination, shape = 'drf', links = 'body', resultsKey = 'results' } = options;
  assertConfig(isPagination(pagination), 'pagination must come from pageNumberPagination, limitOffsetPagination or cursorPagination');
  assertConfig(SHAPES.includes(shape), `shape must be "drf", "commons", "commons-nested" or "rails", not ${JSON.stringify(shape)}`);
  assertConfig(shape !== 'rails' || traitsOf(pagination).numbered, 'the rails shape is a page-number body');
  assertConfig(links === 'body' || links === 'header', `links must be "body" or "header", not ${JSON.stringify(links)}`);
  assertConfig(typeof resultsKey === 'string' && resultsKey !== '', 'resultsKey must be a non-empty string');
  assertConfig(options.body === undefined || typeof options.body === 'function', 'body must be a function of the page');
  assertConfig(options.bodySchema === undefined || typeof options.bodySchema === 'function', 'bodySchema must be a function');
  assertConfig(options.body === undefined || shape === 'drf', 'body replaces the shape: pass one of body and shape');
  assertConfig(
    options.allowUnpaginated === undefined || typeof options.allowUnpaginated === 'boolean',
    'allowUnpaginated must be a boolean',
  );
  assertConfig(typeof options.source === 'function' || typeof options.source === 'object', 'source must be a PageSource or a function');
  checkPlanOverrides(pagination, { count: options.count });
  if (options.origin !== undefined) {
    assertConfig(/^https?:\/\/[^/?#]+\/?$/i.test(options.origin), 'origin must be a scheme and host, like https://api.example.org');
  }
  checked.add(options);
}
