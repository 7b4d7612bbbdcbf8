import type { PageCount, SourceCountStrategy } from './count-strategy';
import type { OrderingField } from './ordering';
import type { FieldType, KeyValue, NullOrder } from './values';

/**
 * A point in an ordering that a seek starts from, exclusive. `key`: the value of every ordering field
 * (`exact` mode, a true keyset comparison). `position`: the first field's value only (DRF's mode).
 */
export type SeekBound =
  { readonly kind: 'key'; readonly values: readonly KeyValue[] } | { readonly kind: 'position'; readonly value: KeyValue };

/** What a cursor page asks of a source: a window of the ordered rows next to a bound. */
export interface SeekRequest {
  /** The ordering the page is presented in (never flipped). */
  readonly ordering: readonly OrderingField[];
  /** `forward`: rows in the ordering's order; `backward`: in reverse, nearest to `before` first. */
  readonly direction: 'forward' | 'backward';
  /** Only rows strictly after this bound in the ordering. */
  readonly after?: SeekBound | undefined;
  /** Only rows strictly before this bound in the ordering. */
  readonly before?: SeekBound | undefined;
  /** Rows to skip after the bound (DRF's offset within ties; 0 in `exact` mode). */
  readonly offset: number;
  /** How many rows at most (the page size plus one, to learn whether more follow). */
  readonly limit: number;
  /**
   * Whether the caller wants to know if any row lies behind the bound it starts from (before `after`
   * going forward, after `before` going backward), for exact hasPreviousPage/hasNextPage.
   */
  readonly probe?: boolean | undefined;
}

/** The rows of a seek, in the requested direction, and the probe's answer when the source gave one. */
export interface SeekResult<T> {
  readonly rows: readonly T[];
  /** Whether a row exists behind the starting bound; undefined when the source did not look. */
  readonly beyond?: boolean | undefined;
}

/** A slice and the whole list's count from the same statement; `total` null when no row came back. */
export interface CountedSlice<T> {
  readonly rows: readonly T[];
  readonly total: number | null;
}

/**
 * The contract every source meets. Pages are planned in core; a source only executes: a count, an
 * offset slice, a keyset seek. Each is one query against a database.
 */
export interface PageSource<T> {
  /** The number of rows (after the source's own filter). Called only when a count is wanted. */
  count(): Promise<number>;
  /** Rows `[offset, offset + limit)` in the source's ordering. */
  slice(offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<readonly T[]>;
  /** A keyset window; see {@link SeekRequest}. */
  seek(request: SeekRequest): Promise<SeekResult<T>>;
  /**
   * Optional (SQL sources): a count by `capped` or `estimated` in one statement of the source's own;
   * a source that cannot estimate answers exactly. Absent: core calls `count()` (everything exact).
   */
  countWith?(strategy: SourceCountStrategy): Promise<PageCount>;
  /**
   * Optional (SQL sources): {@link PageSource.slice} with the whole list's count folded into the
   * same statement (a count subquery beside the rows); absent, or a null total: core counts apart.
   */
  sliceCounted?(offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<CountedSlice<T>>;
  /** The declared type of an ordering field; throws PaginationConfigError for a field it lacks. */
  fieldType(field: string): FieldType;
  /** A row's value of an ordering field. */
  valueOf(row: T, field: string): KeyValue;
  /** Fields whose values identify a row; appended to orderings in `exact` mode. */
  readonly uniqueKey: readonly string[];
  /** Where NULL sorts in ascending order in this source. */
  readonly nullOrder: NullOrder;
}
