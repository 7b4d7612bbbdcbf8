import {
  cursorLinks,
  encodeCursor,
  formatOrdering,
  lastValue,
  limitOffsetHtmlContext,
  limitOffsetLinks,
  limitOffsetPageNumbers,
  pageNumberHtmlContext,
  pageNumberLinks,
  paginateCursor,
  paginateLimitOffset,
  paginatePageNumber,
  planCursorPage,
  positiveInt,
  queryOf,
  removeQueryParam,
  replaceQueryParam,
  resolveClientOrdering,
  withTiebreaker,
  type CursorPagination,
  type HtmlContext,
  type Links,
  type OrderingField,
  type Page,
  type PageSource,
  type QueryEntries,
} from '../core';
import type { RestOptions, RestPagination } from './rest-options';

/** One request's page with everything a body, a Link header or an HTML control needs. */
export interface PaginatedRestPage<T> {
  readonly paginated: true;
  readonly page: Page<T>;
  /** The total (page-number and limit-offset; null for the cursor style, which never counts). */
  readonly count: number | null;
  readonly links: Links;
  /** The Link header's first and last pages (null when already there); computed on call. */
  boundaryLinks(): { readonly first: string | null; readonly last: string | null };
  /** DRF's HTML context (page links with ellipses); computed on call, as only HTML needs it. */
  htmlContext(): Promise<HtmlContext>;
  /** DRF's `display_page_controls`. */
  readonly displayPageControls: boolean;
  /** The 0-based index of the first item in the whole list (null for the cursor style). */
  readonly startIndex: number | null;
}

/** The whole list, when pagination is off (DRF's page size null) or the client turned it off. */
export interface UnpaginatedRestPage<T> {
  readonly paginated: false;
  readonly rows: readonly T[];
}

/** What a list request yields before it is rendered. */
export type RestPage<T> = PaginatedRestPage<T> | UnpaginatedRestPage<T>;

const sizeParamOf = (pagination: RestPagination): string | null =>
  pagination.style === 'limit-offset' ? pagination.limitQueryParam : pagination.pageSizeQueryParam;

const maxSizeOf = (pagination: RestPagination): number | null =>
  pagination.style === 'limit-offset' ? pagination.maxLimit : pagination.maxPageSize;

type SwitchOptions = Pick<RestOptions<unknown>, 'shape' | 'paginatedQueryParam' | 'zeroPageSizeDisables' | 'maxPageSizeValue'>;

/** The client's size, with DRF-extensions' `max` resolved to the maximum. */
function requestedSize(query: QueryEntries, pagination: RestPagination, options: SwitchOptions): string | undefined {
  const param = sizeParamOf(pagination);
  const raw = param ? lastValue(query, param) : undefined;
  const max = maxSizeOf(pagination);
  return raw !== undefined && options.maxPageSizeValue && raw === options.maxPageSizeValue && max ? String(max) : raw;
}

function clientTurnedOff(query: QueryEntries, size: string | undefined, pagination: RestPagination, options: SwitchOptions): boolean {
  // A client never lifts a maximum: with one, the whole table is not served whatever it asks.
  if (maxSizeOf(pagination) !== null) return false;
  const shape = options.shape ?? 'drf';
  const param = options.paginatedQueryParam === undefined ? (shape === 'commons' ? 'paginated' : null) : options.paginatedQueryParam;
  // drf-commons reads `query_params.get("paginated", "true").lower() in ["true", "1", "yes"]`.
  if (param && !['true', '1', 'yes'].includes((lastValue(query, param) ?? 'true').toLowerCase())) return true;
  const zero = options.zeroPageSizeDisables ?? shape === 'rails';
  return zero && size !== undefined && positiveInt(size) === 0;
}

function cursorOrdering<T>(source: PageSource<T>, pagination: CursorPagination, query: QueryEntries): OrderingField[] {
  const base =
    pagination.orderingFields.length > 0
      ? resolveClientOrdering(lastValue(query, pagination.orderingQueryParam), {
          ordering: formatOrdering(pagination.ordering).split(','),
          orderingFields: pagination.orderingFields,
          onInvalid: pagination.onInvalidOrdering,
          argument: pagination.orderingQueryParam,
        })
      : [...pagination.ordering];
  return withTiebreaker(base, source.uniqueKey);
}

async function wholeList<T>(source: PageSource<T>, pagination: RestPagination, query: QueryEntries): Promise<UnpaginatedRestPage<T>> {
  const ordering = pagination.style === 'cursor' ? cursorOrdering(source, pagination, query) : undefined;
  // DRF evaluates the whole queryset, with no COUNT (DRF #6098): one slice without a real bound.
  return { paginated: false, rows: await source.slice(0, Number.MAX_SAFE_INTEGER, ordering) };
}

/**
 * Runs one list request the way DRF's view and paginator do: reads the query of `url` (the request's
 * absolute URL), fetches the page (with the count in parallel where the body has one) and builds
 * DRF's links. Throws PaginationError for a bad page or cursor.
 */
export async function paginateRequest<T>(
  url: string,
  source: PageSource<T>,
  options: Omit<RestOptions<T>, 'source'>,
): Promise<RestPage<T>> {
  const { pagination } = options;
  const query = queryOf(url);
  const size = requestedSize(query, pagination, options);
  if (clientTurnedOff(query, size, pagination, options)) return wholeList(source, pagination, query);

  switch (pagination.style) {
    case 'page-number': {
      const page = await paginatePageNumber(
        source,
        pagination,
        { page: lastValue(query, pagination.pageQueryParam), pageSize: size },
        { withCount: true },
      );
      if (!page) return wholeList(source, pagination, query);
      const [count, final] = await Promise.all([page.count(), page.totalPages()]);
      const param = pagination.pageQueryParam;
      return {
        paginated: true,
        page,
        count,
        links: pageNumberLinks(url, pagination, page),
        boundaryLinks: () => ({
          first: page.hasPrevious ? removeQueryParam(url, param) : null,
          last: page.page < final ? replaceQueryParam(url, param, final) : null,
        }),
        htmlContext: () => pageNumberHtmlContext(url, pagination, page),
        displayPageControls: final > 1,
        startIndex: (page.page - 1) * page.pageSize,
      };
    }
    case 'limit-offset': {
      const limitParam = pagination.limitQueryParam;
      const page = await paginateLimitOffset(
        source,
        pagination,
        { limit: size, offset: lastValue(query, pagination.offsetQueryParam) },
        { withCount: true },
      );
      if (!page) return wholeList(source, pagination, query);
      const count = await page.count();
      return {
        paginated: true,
        page,
        count,
        links: limitOffsetLinks(url, pagination, page),
        boundaryLinks: () => {
          const { current, final } = limitOffsetPageNumbers(count, page.offset, page.limit);
          const withLimit = limitParam ? replaceQueryParam(url, limitParam, page.limit) : url;
          const lastOffset = page.offset + (final - current) * page.limit;
          return {
            first: page.hasPrevious ? removeQueryParam(withLimit, pagination.offsetQueryParam) : null,
            last: page.hasNext && lastOffset > page.offset ? replaceQueryParam(withLimit, pagination.offsetQueryParam, lastOffset) : null,
          };
        },
        htmlContext: () => limitOffsetHtmlContext(url, pagination, page),
        displayPageControls: count > page.limit,
        startIndex: page.offset,
      };
    }
    case 'cursor': {
      const args = {
        cursor: lastValue(query, pagination.cursorQueryParam),
        pageSize: size,
        ordering: lastValue(query, pagination.orderingQueryParam),
      };
      const page = await paginateCursor(source, pagination, args);
      if (!page) return wholeList(source, pagination, query);
      const param = pagination.cursorQueryParam;
      const links = cursorLinks(url, pagination, page);
      return {
        paginated: true,
        page,
        count: null,
        links,
        boundaryLinks: () => {
          // DRF's Cursor(offset=0, reverse=True, position=None) is the last page, in either mode.
          const plan = page.hasNext ? planCursorPage(source, pagination, { pageSize: size, ordering: args.ordering }) : null;
          return {
            first: page.hasPrevious ? removeQueryParam(url, param) : null,
            last: plan ? replaceQueryParam(url, param, encodeCursor({ offset: 0, reverse: true, position: null }, plan.codec)) : null,
          };
        },
        htmlContext: () => Promise.resolve({ ...links, pageLinks: [] }),
        displayPageControls: page.hasNext || page.hasPrevious,
        startIndex: null,
      };
    }
  }
}
