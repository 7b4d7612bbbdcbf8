import { cursorPagination, type CursorMode, type CursorPagination } from './cursor-options';
import { assertConfig } from './errors';
import { limitOffsetPagination, type LimitOffsetPagination } from './limit-offset';
import type { OrderingField, OrderingSpec } from './ordering';
import { pageNumberPagination, type PageNumberPagination } from './page-number';
import type { CursorSigner } from './signer';

/** A resolved pagination of any of DRF's three styles; `style` tells which. */
export type Pagination = PageNumberPagination | LimitOffsetPagination | CursorPagination;

/** The name of a style. */
export type PaginationStyle = Pagination['style'];

/** A pagination's size settings under one set of names, whatever its style calls them. */
export interface SizeSettings {
  /** The size when the client names none (`pageSize` or `defaultLimit`); null means off. */
  readonly defaultSize: number | null;
  /** The cap on a client's size (`maxPageSize` or `maxLimit`). */
  readonly maxSize: number | null;
  /** The query parameter a client names its size with (`pageSizeQueryParam` or `limitQueryParam`). */
  readonly sizeParam: string | null;
}

/** The one place that knows what each style calls its sizes. */
export function sizeSettingsOf(pagination: Pagination): SizeSettings {
  if (pagination.style === 'limit-offset') {
    return { defaultSize: pagination.defaultLimit, maxSize: pagination.maxLimit, sizeParam: pagination.limitQueryParam };
  }
  return { defaultSize: pagination.pageSize, maxSize: pagination.maxPageSize, sizeParam: pagination.pageSizeQueryParam };
}

/** The query parameter of the page number (page-number style); null for the styles without one. */
export function pageQueryParamOf(pagination: Pagination): string | null {
  return pagination.style === 'page-number' ? pagination.pageQueryParam : null;
}

/** What a style can tell about its pages, for adapters that render them. */
export interface StyleTraits {
  /** DRF's body of this style has a `count` (page-number and limit-offset). */
  readonly counted: boolean;
  /** Pages are numbered (page-number): `page`, `total_pages` and page-number bodies apply. */
  readonly numbered: boolean;
  /** Pages are keyset seeks that take Relay's four arguments (`directions` applies). */
  readonly directional: boolean;
}

/** The traits of `pagination`'s style. */
export function traitsOf(pagination: Pagination): StyleTraits {
  const cursor = pagination.style === 'cursor';
  return { counted: !cursor, numbered: pagination.style === 'page-number', directional: cursor };
}

/** True for a value made by `pageNumberPagination`, `limitOffsetPagination` or `cursorPagination`. */
export function isPagination(value: unknown): value is Pagination {
  if (typeof value !== 'object' || value === null) return false;
  const style = (value as { style?: unknown }).style;
  return style === 'page-number' || style === 'limit-offset' || style === 'cursor';
}

/** The default ordering of a pagination that has one (the cursor style); undefined otherwise. */
export function orderingOf(pagination: Pagination): readonly OrderingField[] | undefined {
  return pagination.style === 'cursor' ? pagination.ordering : undefined;
}

/** The fields a client may order by (the cursor style's `orderingFields`; none for the others). */
export function orderingFieldsOf(pagination: Pagination): readonly string[] {
  return pagination.style === 'cursor' ? pagination.orderingFields : [];
}

/** Options of {@link paginationOf}: one set of names for every style. */
export interface StyleOptions {
  readonly pageSize?: number | null;
  readonly maxPageSize?: number | null;
  /** Cursor style only. */
  readonly ordering?: OrderingSpec;
  /** Cursor style only. */
  readonly orderingFields?: readonly string[];
  /** Cursor style only. */
  readonly mode?: CursorMode;
  /** Cursor style only. */
  readonly signer?: CursorSigner | null;
}

/**
 * A pagination of a style chosen at run time (a directive's `style` argument), from one set of
 * option names; an option another style has not is a PaginationConfigError naming it.
 */
export function paginationOf(style: PaginationStyle, options: StyleOptions): Pagination {
  const { pageSize = null, maxPageSize = null, ordering, orderingFields, mode, signer } = options;
  if (style === 'cursor') {
    return cursorPagination({
      pageSize,
      maxPageSize,
      mode,
      signer,
      ...(ordering && { ordering }),
      ...(orderingFields && { orderingFields }),
    });
  }
  for (const [name, value] of Object.entries({ orderingFields })) {
    assertConfig(value === undefined || value === null, `${name} applies to the cursor style only`);
  }
  return style === 'page-number'
    ? pageNumberPagination({ pageSize, maxPageSize })
    : limitOffsetPagination({ defaultLimit: pageSize, maxLimit: maxPageSize });
}
