import {
  cursorFor,
  isPaginationError,
  pageLinksOf,
  type PageNumberLink,
  pageFactsOf,
  pagePositions,
  type Page,
  type Pagination,
  type RowCursorOptions,
  type RowCursorSource,
} from '../core/internal';
import { toGraphQLError } from './errors';

/** `PageInfo` of a page. `totalCount` and `totalPages` are promises made only when read. */
export interface PageInfoValue {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
  readonly totalCount: Promise<number>;
  /** Whether `totalCount` is capped ("at least") or the planner's estimate: the count strategy's answer. */
  readonly totalCountCapped: Promise<boolean>;
  readonly totalCountEstimated: Promise<boolean>;
  readonly page: number | null;
  readonly pageSize: number;
  readonly totalPages: Promise<number | null>;
  readonly pageLinks: Promise<readonly PageNumberLink[] | null>;
  readonly nextPage: number | null;
  readonly previousPage: number | null;
  readonly offset: number | null;
  readonly limit: number | null;
  readonly nextOffset: number | null;
  readonly previousOffset: number | null;
}

/** An edge: the row and its cursor. */
export interface EdgeValue<T> {
  readonly node: T;
  readonly cursor: string;
}

/** A Relay connection of a page; `totalCount` runs the count only when read. */
export interface ConnectionValue<T> {
  readonly edges: readonly EdgeValue<T>[];
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfoValue;
  readonly totalCount: Promise<number>;
}

/** An offset list of a page (DRF's body); `count` runs the count only when read. */
export interface OffsetListValue<T> {
  readonly results: readonly T[];
  readonly count: Promise<number>;
  readonly next: string | null;
  readonly previous: string | null;
  readonly pageInfo: PageInfoValue;
}

// Getters, not fields: a default resolver reads a property only when the query selects it, so the
// count query runs only then (and graphql-js awaits the promise it gets), and per-item cursors (an
// HMAC each when signing is on) are made only when edges or start/end cursors are selected. A count
// that fails with a PaginationError (SOURCE_UNAVAILABLE) still reaches the client coded.
const coded = <V>(promise: Promise<V>): Promise<V> =>
  promise.catch((error: unknown) => {
    throw isPaginationError(error) ? toGraphQLError(error) : error;
  });

/** The `PageInfo` value of a page, whatever its style. */
export function pageInfoOf<T>(page: Page<T>): PageInfoValue {
  return {
    hasNextPage: page.hasNext,
    hasPreviousPage: page.hasPrevious,
    get startCursor() {
      return page.startCursor;
    },
    get endCursor() {
      return page.endCursor;
    },
    get totalCount() {
      return coded(page.count());
    },
    get totalCountCapped() {
      return coded(page.total()).then(({ kind }) => kind === 'capped');
    },
    get totalCountEstimated() {
      return coded(page.total()).then(({ kind }) => kind === 'estimated');
    },
    ...pageFactsOf(page),
    pageSize: page.pageSize,
    get totalPages() {
      return coded(page.totalPages());
    },
    get pageLinks() {
      return coded(pageLinksOf(page));
    },
  };
}

/** A page as a Relay connection: one edge per row with the row's cursor. */
export function connectionOf<T>(page: Page<T>): ConnectionValue<T> {
  let edges: readonly EdgeValue<T>[] | undefined;
  return {
    get edges() {
      return (edges ??= page.items.map((node, index) => ({ node, cursor: page.cursors[index]! })));
    },
    nodes: page.items,
    pageInfo: pageInfoOf(page),
    get totalCount() {
      return coded(page.count());
    },
  };
}

/**
 * A page as an offset list. `next`/`previous` are what the REST links carry: the cursor for the
 * cursor style, the page number or offset (as a string) otherwise.
 */
export function offsetListOf<T>(page: Page<T>): OffsetListValue<T> {
  const { next, previous } = pagePositions(page);
  return {
    results: page.items,
    get count() {
      return coded(page.count());
    },
    next,
    previous,
    pageInfo: pageInfoOf(page),
  };
}

/** Options of {@link edgeFor}: the connection the edge splices into. */
export interface EdgeForOptions<T> extends RowCursorOptions {
  readonly pagination: Pagination;
  readonly source: RowCursorSource<T>;
}

/**
 * The edge a connection would list for `row`, with the cursor it would issue: what a mutation returns
 * so that Relay's `@appendEdge`/`@prependEdge` or Apollo's `cache.modify` splices it in place. Pass
 * the field's scope as `cursorScope`: by default its coordinate (`Query.articles`), and under a
 * batched field the coordinate and the parent's key (`Author.articles#7`, the key as `keyText`).
 */
export function edgeFor<T>(row: T, options: EdgeForOptions<T>): EdgeValue<T> {
  const { pagination, source, ...rest } = options;
  return { node: row, cursor: cursorFor(source, pagination, row, rest) };
}
