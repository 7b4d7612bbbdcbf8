import type { CountStrategy } from './count-strategy';
import { decodeCursor, type Cursor, type CursorCodecOptions } from './cursor-codec';
import type { CursorPagination } from './cursor-options';
import { PaginationError } from './errors';
import { formatOrdering, resolveOrdering, type OrderingField, type OrderingTarget } from './ordering';
import type { PageRequest, RelayDirections } from './request';
import { clientSize, relayCount, type SizeRules } from './sizes';

/** What every seek plan has: the resolved ordering, the size and how cursors are read and written. */
interface SeekPlanBase {
  readonly kind: 'seek';
  readonly pagination: CursorPagination;
  readonly ordering: readonly OrderingField[];
  readonly size: number;
  /** The argument names reported with errors about the `after` and `before` cursors. */
  readonly names: { readonly after: string; readonly before: string };
  readonly codec: CursorCodecOptions;
  /** How the total is computed when it is wanted; absent: `exact`. */
  readonly count?: CountStrategy | undefined;
}

/** A true keyset page (`exact` mode): bounds from cursors that carry the whole key. */
export interface ExactSeekPlan extends SeekPlanBase {
  readonly mode: 'exact';
  readonly direction: 'forward' | 'backward';
  readonly after?: Cursor | undefined;
  readonly before?: Cursor | undefined;
  /** Relay's `last` applied after `first`. */
  readonly keepLast?: number | undefined;
  /** A jump to page N: the rows skipped from the start ((N - 1) × size, an OFFSET scan), keyset after. */
  readonly skip?: number | undefined;
}

/**
 * A page of DRF's algorithm (`drf` mode, or a DRF-written cursor in `exact` mode). `turn`: the cursor
 * points the other way than the arguments page (`before` with an edge's cursor): it is first rewritten,
 * from one extra seek, as DRF's cursor of the other side of the row it names.
 */
export interface DrfSeekPlan extends SeekPlanBase {
  readonly mode: 'drf';
  /** The cursor that drives the page (DRF's `self.cursor`), null for the first page. */
  readonly cursor: Cursor | null;
  readonly turn: boolean;
  /** A jump to page N (the cursor then skips (N - 1) × size rows from the start). */
  readonly jump?: number | undefined;
}

/** A cursor page planned: one of the two keyset modes. */
export type SeekPlan = ExactSeekPlan | DrfSeekPlan;

/** DRF's `Cursor(offset=0, reverse=True, position=None)`: the last page. */
export const END_CURSOR: Cursor = { offset: 0, reverse: true, position: null };

/** DRF's `Cursor(offset=0, reverse=False, position=None)`: the first page. */
export const START_CURSOR: Cursor = { offset: 0, reverse: false, position: null };

/** How a cursor pagination reads and writes cursors for one ordering, argument and scope. */
export function codecFor(
  pagination: CursorPagination,
  ordering: readonly OrderingField[],
  argument: string,
  scope: string | null | undefined,
): CursorCodecOptions {
  return {
    offsetCutoff: pagination.offsetCutoff,
    signer: pagination.signer,
    // Bound to the mode, the ordering and what is paged (unless the user shares or unscopes it).
    scope: `${pagination.mode}:${formatOrdering(ordering)}${scope ? `@${scope}` : ''}`,
    message: pagination.invalidCursorMessage,
    argument,
    maxLength: pagination.maxCursorLength,
  };
}

function decodeFor(
  pagination: CursorPagination,
  codec: CursorCodecOptions,
  value: string | undefined,
  argument: string,
): Cursor | undefined {
  if (value === undefined) return undefined;
  const cursor = decodeCursor(value, { ...codec, argument });
  if (pagination.mode === 'exact' && cursor.key !== undefined && cursor.offset !== 0) {
    throw PaginationError.invalidCursor(pagination.invalidCursorMessage, argument);
  }
  return cursor;
}

/**
 * A DRF-written cursor: no `exact` key, but a position or an offset. A cursor with neither names no
 * row — the start, or with `r=1` the end (the REST `last` link) — and needs no DRF semantics.
 */
const isDrfCursor = (cursor: Cursor | null | undefined): boolean =>
  cursor !== null && cursor !== undefined && cursor.key === undefined && (cursor.position !== null || cursor.offset !== 0);

/** An `exact` bound: only a cursor with a key names a row to seek from. */
const keyed = (cursor: Cursor | null | undefined): Cursor | undefined => (cursor?.key === undefined ? undefined : cursor);

/** A cursor page from DRF's query (`cursor`, size, `ordering`); null when pagination is off. */
function planQuerySeek(
  target: OrderingTarget,
  pagination: CursorPagination,
  request: PageRequest,
  rules: SizeRules,
  scope: string | null | undefined,
): SeekPlan | null {
  const size = clientSize(rules, request.size, pagination.pageSizeQueryParam ?? 'page_size');
  if (!size) return null;
  const ordering = resolveOrdering(target, pagination, request.ordering);
  const param = pagination.cursorQueryParam;
  const codec = codecFor(pagination, ordering, param, scope);
  const cursor = decodeFor(pagination, codec, request.cursor, param) ?? null;
  const base = { kind: 'seek' as const, pagination, ordering, size, names: { after: param, before: param }, codec };
  if (pagination.mode === 'drf' || isDrfCursor(cursor)) return { ...base, mode: 'drf', cursor, turn: false };
  return {
    ...base,
    mode: 'exact',
    direction: cursor?.reverse ? 'backward' : 'forward',
    after: cursor && !cursor.reverse ? keyed(cursor) : undefined,
    before: cursor?.reverse ? keyed(cursor) : undefined,
  };
}

/**
 * A cursor page from Relay's arguments. The arguments name the direction (`after`/`first` forward,
 * `before`/`last` backward) in both modes; the cursor names the position.
 */
function planArgsSeek(
  target: OrderingTarget,
  pagination: CursorPagination,
  request: PageRequest,
  rules: SizeRules,
  directions: RelayDirections,
  scope: string | null | undefined,
): SeekPlan {
  const first = relayCount('first', request.first, rules);
  const last = relayCount('last', request.last, rules);
  if (first === undefined && last === undefined && !rules.defaultSize && !rules.declaredMax) {
    const name = directions === 'backward' ? 'last' : 'first';
    throw PaginationError.invalidArgument(`Pass "${name}"`, name);
  }
  const ordering = resolveOrdering(target, pagination, request.ordering, 'ordering');
  const codec = codecFor(pagination, ordering, 'after', scope);
  if (request.page !== undefined)
    return planJump(pagination, request, ordering, codec, first ?? last ?? rules.defaultSize ?? rules.maxSize ?? 0);
  const after = decodeFor(pagination, codec, request.after, 'after');
  const before = decodeFor(pagination, codec, request.before, 'before');
  const fallback = rules.defaultSize ?? rules.maxSize ?? 0;

  if (pagination.mode === 'drf' || isDrfCursor(after) || isDrfCursor(before)) {
    if (after && before) {
      throw PaginationError.invalidArgument('A drf-mode cursor names one position: pass "after" or "before", not both', 'before');
    }
    const backward = before !== undefined || (after === undefined && first === undefined && last !== undefined);
    const cursor = after ?? before ?? (backward ? END_CURSOR : null);
    const size = (backward ? (last ?? first) : (first ?? last)) ?? fallback;
    const name = after ? 'after' : 'before';
    return {
      kind: 'seek',
      pagination,
      ordering,
      size,
      names: { after: name, before: name },
      codec,
      mode: 'drf',
      cursor,
      turn: cursor !== null && cursor.reverse !== backward,
    };
  }

  const backward = first === undefined && (last !== undefined || (before !== undefined && after === undefined));
  return {
    kind: 'seek',
    pagination,
    ordering,
    size: (backward ? last : first) ?? fallback,
    names: { after: 'after', before: 'before' },
    codec,
    mode: 'exact',
    direction: backward ? 'backward' : 'forward',
    after: keyed(after),
    before: keyed(before),
    keepLast: !backward && last !== undefined ? last : undefined,
  };
}

/**
 * A jump to page N of a cursor connection: the first page's rows skipped by OFFSET (the documented
 * cost: the database scans them), then keyset cursors from the page on, so a walk goes on as usual.
 */
function planJump(
  pagination: CursorPagination,
  request: PageRequest,
  ordering: readonly OrderingField[],
  codec: CursorCodecOptions,
  size: number,
): SeekPlan {
  for (const name of ['after', 'before', 'last'] as const) {
    if (request[name] !== undefined) throw PaginationError.invalidArgument(`Pass "page" or "${name}", not both`, name);
  }
  if (size === 0) throw PaginationError.invalidArgument('A page jump needs a page size above 0', 'first');
  const page = typeof request.page === 'number' ? request.page : Number.NaN;
  if (!Number.isSafeInteger(page) || page < 1 || (page - 1) * size > Number.MAX_SAFE_INTEGER)
    throw PaginationError.invalidPage('Invalid page.', 'page');
  const skip = (page - 1) * size;
  const base = { kind: 'seek' as const, pagination, ordering, size, names: { after: 'after', before: 'before' }, codec };
  if (pagination.mode === 'drf') {
    return { ...base, mode: 'drf', cursor: skip === 0 ? null : { offset: skip, reverse: false, position: null }, turn: false, jump: page };
  }
  return { ...base, mode: 'exact', direction: 'forward', skip };
}

/** Plans a cursor page of `request`; null when a query's page size turns pagination off. */
export function planSeek(
  target: OrderingTarget,
  pagination: CursorPagination,
  request: PageRequest,
  rules: SizeRules,
  directions: RelayDirections = 'both',
  scope?: string | null,
): SeekPlan | null {
  return request.via === 'query'
    ? planQuerySeek(target, pagination, request, rules, scope)
    : planArgsSeek(target, pagination, request, rules, directions, scope);
}
