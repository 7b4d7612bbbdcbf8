import {
  asksUnpaginated,
  boundaryLinksOf,
  htmlContextOf,
  linksOf,
  paginate,
  queryOf,
  requestFromQuery,
  showsPageControls,
  startIndexOf,
  traitsOf,
  type BoundaryLinks,
  type HtmlContext,
  type Links,
  type Page,
  type PageCount,
  type PageSource,
} from '../core/internal';
import { railsRequestFromQuery } from './rails';
import type { RestOptions, RestPagination } from './rest-options';

/** One request's page with everything a body, a Link header or an HTML control needs. */
export interface PaginatedRestPage<T> {
  readonly paginated: true;
  /** The request's absolute URL, which every link is made from. */
  readonly url: string;
  readonly page: Page<T>;
  /** The total (page-number and limit-offset; null for the cursor style, which never counts). */
  readonly count: number | null;
  /** How far to trust `count` (the endpoint's count strategy): exact, capped or estimated; null with no count. */
  readonly countKind: PageCount['kind'] | null;
  readonly links: Links;
  /** The Link header's first and last pages (null when already there); computed on call. */
  boundaryLinks(): Promise<BoundaryLinks>;
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
  /** The request's absolute URL. */
  readonly url: string;
  readonly rows: readonly T[];
}

/** What a list request yields before it is rendered. */
export type RestPage<T> = PaginatedRestPage<T> | UnpaginatedRestPage<T>;

type SwitchOptions = Pick<RestOptions<unknown>, 'shape' | 'paginatedQueryParam' | 'zeroPageSizeDisables' | 'maxPageSizeValue'>;

const isCommons = (shape: RestOptions<unknown>['shape']): boolean => shape === 'commons' || shape === 'commons-nested';

/** The query switches an endpoint's shape turns on by default (drf-commons' `paginated`, Rails' size 0). */
export function querySwitchesOf(options: SwitchOptions) {
  const shape = options.shape ?? 'drf';
  return {
    paginatedQueryParam: options.paginatedQueryParam === undefined ? (isCommons(shape) ? 'paginated' : null) : options.paginatedQueryParam,
    zeroPageSizeDisables: options.zeroPageSizeDisables ?? shape === 'rails',
    maxPageSizeValue: options.maxPageSizeValue,
  };
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
  const pagination: RestPagination = options.pagination;
  const { counted } = traitsOf(pagination);
  const rails = options.shape === 'rails';
  const query = queryOf(url);
  const switches = querySwitchesOf(options);
  const read = rails ? railsRequestFromQuery(pagination, query, switches) : requestFromQuery(pagination, query, switches);
  const param = switches.paginatedQueryParam;
  // Past a maximum only on purpose: requestFromQuery alone never lets a client lift one.
  const lifted = options.allowUnpaginated === true && typeof param === 'string' && asksUnpaginated(query, param);
  const request = lifted ? { ...read, whole: true } : read;
  const cursorScope = options.cursorScope === undefined ? new URL(url).pathname : options.cursorScope;
  // Rails answers a page past the end with that page, empty, never a 404.
  const page = await paginate(source, pagination, request, {
    withCount: counted,
    cursorScope,
    count: options.count,
    ...(rails && { invalidPage: 'empty' as const }),
  });
  if (page.style === 'whole') return { paginated: false, url, rows: page.items };
  const [total, displayPageControls] = await Promise.all([counted ? page.total() : null, showsPageControls(page)]);
  return {
    paginated: true,
    url,
    page,
    count: total === null ? null : total.value,
    countKind: total === null ? null : total.kind,
    links: linksOf(url, pagination, page),
    boundaryLinks: () => boundaryLinksOf(url, pagination, page),
    htmlContext: () => htmlContextOf(url, pagination, page),
    displayPageControls,
    startIndex: startIndexOf(page),
  };
}
