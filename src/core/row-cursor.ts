import { encodeCursor } from './cursor-codec';
import { assertConfig } from './errors';
import { encodeOffsetCursor } from './offset-cursor';
import { resolveOrdering, type OrderingTarget } from './ordering';
import type { Pagination } from './pagination';
import { codecFor } from './seek-plan';
import { pythonStr, serializeKeyValue, type KeyValue } from './values';

/** What {@link cursorFor} needs of a source: types, the unique key and a row's values. */
export interface RowCursorSource<T> extends OrderingTarget {
  valueOf(row: T, field: string): KeyValue;
}

/** Options of {@link cursorFor}: what the connection that would list the row was asked. */
export interface RowCursorOptions {
  /** The client ordering the connection pages in (default: the pagination's). */
  readonly ordering?: string | readonly string[] | undefined;
  /** The connection's cursor scope (a GraphQL field's default is its coordinate, `Query.articles`). */
  readonly cursorScope?: string | null | undefined;
  /** Page-number and limit-offset: the row's index in the list (their cursors are row indexes). */
  readonly index?: number | undefined;
}

/**
 * The cursor a connection would have issued for `row` (a mutation's new edge: Relay's `@appendEdge`,
 * Apollo's `cache.modify`). Exact mode: the row's whole key. drf mode: DRF's cursor after the row's
 * position (rows tying with it are behind it). Offset styles need the row's `index`.
 */
export function cursorFor<T>(source: RowCursorSource<T>, pagination: Pagination, row: T, options: RowCursorOptions = {}): string {
  if (pagination.style !== 'cursor') {
    const { index } = options;
    assertConfig(
      index !== undefined && Number.isSafeInteger(index) && index >= 0,
      'index: the row cursor of an offset style is its index in the list',
    );
    return encodeOffsetCursor(index);
  }
  const ordering = resolveOrdering(source, pagination, options.ordering);
  const codec = codecFor(pagination, ordering, 'after', options.cursorScope);
  const values = ordering.map(({ field }) => source.valueOf(row, field));
  const position = pythonStr(values[0]);
  if (pagination.mode === 'drf') return encodeCursor({ offset: 0, reverse: false, position }, codec);
  return encodeCursor({ offset: 0, reverse: false, position, key: values.map(serializeKeyValue) }, codec);
}
