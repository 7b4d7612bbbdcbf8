import { limitOffsetPagination, pageNumberPagination, type LimitOffsetOptions, type PageNumberOptions } from '../core/internal';
import type { RestPagination, RestShape } from './rest-options';

// drf-commons (htvictoire/drf-commons): drf_commons/pagination/base.py for the presets,
// drf_commons/views/mixins/crud.py for `?paginated` and `index`, docs/pagination.rst for the
// documented (flat) body, drf_commons/response/utils.py for the nested one its code writes.

/** The endpoint options a drf-commons preset sets; spread it into the options of `restResponse`. */
export interface DrfCommonsPreset {
  readonly pagination: RestPagination;
  readonly shape: RestShape;
  readonly paginatedQueryParam: string;
  readonly allowUnpaginated: boolean;
}

const preset = (pagination: RestPagination): DrfCommonsPreset => ({
  pagination,
  shape: 'commons',
  paginatedQueryParam: 'paginated',
  // drf-commons' ListModelMixin honours ?paginated=false whatever the class's maximum.
  allowUnpaginated: true,
});

/**
 * drf-commons' `StandardPageNumberPagination` (page size 20, `page_size` up to 100) with its flat
 * body and `?paginated=false`; `options` override as a subclass does (`LargePagePagination`).
 */
export function standardPageNumberPagination(options: PageNumberOptions = {}): DrfCommonsPreset {
  return preset(pageNumberPagination({ pageSize: 20, pageSizeQueryParam: 'page_size', maxPageSize: 100, ...options }));
}

/** drf-commons' `LimitOffsetPaginationWithFormat` (limit 20, at most 100) with its flat body and `?paginated=false`. */
export function limitOffsetPaginationWithFormat(options: LimitOffsetOptions = {}): DrfCommonsPreset {
  return preset(
    limitOffsetPagination({ defaultLimit: 20, limitQueryParam: 'limit', offsetQueryParam: 'offset', maxLimit: 100, ...options }),
  );
}

/** Python's `datetime.isoformat()` of an aware UTC time, as `timezone.now().isoformat()` gives it (nested body). */
export function isoformatTimestamp(date: Date): string {
  const iso = date.toISOString().replace('Z', '');
  const [seconds, millis = '000'] = iso.split('.');
  return `${seconds}${millis === '000' ? '' : `.${millis}000`}+00:00`;
}

/** The timestamp as drf-commons documents it: microseconds always written, `Z` for UTC (flat body). */
export function documentedTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * Adds drf-commons' 1-based `index` to each object item, counted from `start` (the first item's place
 * in the whole list); anything but an object is left as it is, since a spread of it means nothing.
 */
export function withIndex(items: readonly unknown[], start: number): unknown[] {
  return items.map((item, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item, index: start + index + 1 } : item,
  );
}
