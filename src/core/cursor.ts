import { decodeCursor, encodeCursor, type Cursor, type CursorCodecOptions } from './cursor-codec';
import { assertConfig, PaginationError } from './errors';
import { formatOrdering, parseOrdering, resolveClientOrdering, withTiebreaker, type OrderingField, type OrderingSpec } from './ordering';
import { lazyCount, settleOnError, type CursorPage, type PaginateContext } from './page';
import type { PageSource, SeekBound } from './page-source';
import { resolvePageSize } from './page-number';
import type { CursorSigner } from './signer';
import { parseKeyValue, pythonStr, serializeKeyValue } from './values';

/**
 * `exact`: the cursor carries the whole ordering key (primary key appended) and the seek is a true
 * keyset comparison. `drf`: DRF's algorithm to the byte, artifacts included.
 */
export type CursorMode = 'exact' | 'drf';

/** DRF's CursorPagination attributes, camelCased, with DRF's defaults, plus pagewise's. */
export interface CursorOptions {
  /** Default page size; null or 0 turns pagination off (DRF's `page_size`, default None). */
  readonly pageSize?: number | null;
  /** When set, clients may choose the page size with this parameter (default off). */
  readonly pageSizeQueryParam?: string | null;
  /** Cap on a client's page size (default none). */
  readonly maxPageSize?: number | null;
  /** Name of the cursor parameter (default `cursor`). */
  readonly cursorQueryParam?: string;
  /** The default ordering (default `-created`). */
  readonly ordering?: OrderingSpec;
  /** Fields a client may order by (DRF's OrderingFilter `ordering_fields`; default none). */
  readonly orderingFields?: readonly string[];
  /** Name of the client ordering parameter (default `ordering`). */
  readonly orderingQueryParam?: string;
  /** An unknown client ordering field: `error` (INVALID_ARGUMENT, default) or `ignore` (DRF's filter). */
  readonly onInvalidOrdering?: 'error' | 'ignore';
  /** Silent cap on a cursor's offset, guarding against deep scans (default 1000). */
  readonly offsetCutoff?: number | null;
  /** Message of INVALID_CURSOR (default `Invalid cursor`). */
  readonly invalidCursorMessage?: string;
  /** Keyset mode (default `exact`). */
  readonly mode?: CursorMode;
  /** Signs cursors (HMAC with a server secret); unsigned or altered cursors are then invalid. */
  readonly signer?: CursorSigner | null;
}

/** A resolved cursor pagination: every option filled in. */
export interface CursorPagination {
  readonly style: 'cursor';
  readonly pageSize: number | null;
  readonly pageSizeQueryParam: string | null;
  readonly maxPageSize: number | null;
  readonly cursorQueryParam: string;
  readonly ordering: readonly OrderingField[];
  readonly orderingFields: readonly string[];
  readonly orderingQueryParam: string;
  readonly onInvalidOrdering: 'error' | 'ignore';
  readonly offsetCutoff: number | null;
  readonly invalidCursorMessage: string;
  readonly mode: CursorMode;
  readonly signer: CursorSigner | null;
}

/** DRF's request of a cursor page: raw query values (REST). Null means absent. */
export interface CursorArgs {
  readonly cursor?: string | null | undefined;
  readonly pageSize?: string | number | null | undefined;
  readonly ordering?: string | null | undefined;
}

/** Relay's arguments of a connection field (GraphQL). Null means absent. */
export interface RelayArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
  readonly ordering?: string | readonly string[] | null | undefined;
}

/** How Relay arguments are checked. */
export interface RelayArgsOptions {
  /** A `first`/`last` above the maximum: `clamp` (default) or `error`. */
  readonly onOversize?: 'clamp' | 'error';
}

/** Fills in the defaults and checks the options; throws PaginationConfigError on misuse. */
export function cursorPagination(options: CursorOptions = {}): CursorPagination {
  const { pageSize = null, maxPageSize = null, offsetCutoff = 1000 } = options;
  for (const [name, value] of Object.entries({ pageSize, maxPageSize, offsetCutoff })) {
    assertConfig(value === null || (Number.isSafeInteger(value) && value >= 0), `${name} must be a non-negative integer or null`);
  }
  const mode = options.mode ?? 'exact';
  assertConfig(mode === 'exact' || mode === 'drf', `mode must be "exact" or "drf", not ${JSON.stringify(mode)}`);
  const orderingFields = options.orderingFields ?? [];
  for (const field of orderingFields) parseOrdering(field);
  return {
    style: 'cursor',
    pageSize,
    pageSizeQueryParam: options.pageSizeQueryParam ?? null,
    maxPageSize,
    cursorQueryParam: options.cursorQueryParam ?? 'cursor',
    ordering: parseOrdering(options.ordering ?? '-created'),
    orderingFields,
    orderingQueryParam: options.orderingQueryParam ?? 'ordering',
    onInvalidOrdering: options.onInvalidOrdering ?? 'error',
    offsetCutoff,
    invalidCursorMessage: options.invalidCursorMessage ?? 'Invalid cursor',
    mode,
    signer: options.signer ?? null,
  };
}

/** A cursor page planned from arguments: what to seek and how to read the cursors. */
export interface CursorPlan {
  readonly ordering: readonly OrderingField[];
  readonly size: number;
  readonly direction: 'forward' | 'backward';
  /** The cursor that drives a `drf`-mode page (DRF's `self.cursor`), null for the first page. */
  readonly cursor: Cursor | null;
  /** `exact`-mode bounds. */
  readonly after?: Cursor | undefined;
  readonly before?: Cursor | undefined;
  /** Relay's `last` applied after `first`. */
  readonly keepLast?: number | undefined;
  /** Whether this page follows DRF's algorithm (drf mode, or a DRF-written cursor in exact mode). */
  readonly drf: boolean;
  /** The argument names reported with errors about the `after` and `before` cursors. */
  readonly names: { readonly after: string; readonly before: string };
  readonly codec: CursorCodecOptions;
}

function effectiveOrdering<T>(source: PageSource<T>, pagination: CursorPagination, requested: RelayArgs['ordering']): OrderingField[] {
  const base =
    pagination.orderingFields.length > 0
      ? resolveClientOrdering(requested, {
          ordering: formatOrdering(pagination.ordering).split(','),
          orderingFields: pagination.orderingFields,
          onInvalid: pagination.onInvalidOrdering,
          argument: pagination.orderingQueryParam,
        })
      : [...pagination.ordering];
  const ordering = withTiebreaker(base, source.uniqueKey);
  for (const { field } of ordering) source.fieldType(field);
  return ordering;
}

function codecFor(pagination: CursorPagination, ordering: readonly OrderingField[], argument: string): CursorCodecOptions {
  return {
    offsetCutoff: pagination.offsetCutoff,
    signer: pagination.signer,
    scope: `${pagination.mode}:${formatOrdering(ordering)}`,
    message: pagination.invalidCursorMessage,
    argument,
  };
}

function decodeFor(pagination: CursorPagination, codec: CursorCodecOptions, value: string, argument: string): Cursor {
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

/** Plans a page from DRF's query parameters (`cursor`, `page_size`, `ordering`); null when off. */
export function planCursorPage<T>(source: PageSource<T>, pagination: CursorPagination, args: CursorArgs): CursorPlan | null {
  const size = resolvePageSize(pagination, args.pageSize);
  if (!size) return null;
  const ordering = effectiveOrdering(source, pagination, args.ordering);
  const codec = codecFor(pagination, ordering, pagination.cursorQueryParam);
  const cursor =
    args.cursor === null || args.cursor === undefined ? null : decodeFor(pagination, codec, args.cursor, pagination.cursorQueryParam);
  const drf = pagination.mode === 'drf' || isDrfCursor(cursor);
  return {
    ordering,
    size,
    direction: cursor?.reverse ? 'backward' : 'forward',
    cursor,
    after: cursor && !cursor.reverse ? (drf ? cursor : keyed(cursor)) : undefined,
    before: cursor?.reverse ? (drf ? cursor : keyed(cursor)) : undefined,
    drf,
    names: { after: pagination.cursorQueryParam, before: pagination.cursorQueryParam },
    codec,
  };
}

function checkCount(
  name: 'first' | 'last',
  value: number | null | undefined,
  pagination: CursorPagination,
  options: RelayArgsOptions,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw PaginationError.invalidArgument(`Argument "${name}" must be a non-negative integer`, name);
  }
  const max = pagination.maxPageSize;
  if (max && value > max) {
    if (options.onOversize === 'error') {
      throw PaginationError.invalidArgument(`Argument "${name}" must not exceed ${max}`, name);
    }
    return max;
  }
  return value;
}

/**
 * Plans a page from Relay's arguments. In `exact` mode the argument names the direction and the
 * cursor the position; a `drf`-mode cursor carries its own direction, as in DRF.
 */
export function planRelayPage<T>(
  source: PageSource<T>,
  pagination: CursorPagination,
  args: RelayArgs,
  options: RelayArgsOptions = {},
): CursorPlan {
  const first = checkCount('first', args.first, pagination, options);
  const last = checkCount('last', args.last, pagination, options);
  const ordering = effectiveOrdering(source, pagination, args.ordering);
  const codec = codecFor(pagination, ordering, 'after');
  const after = args.after === null || args.after === undefined ? undefined : decodeFor(pagination, codec, args.after, 'after');
  const before = args.before === null || args.before === undefined ? undefined : decodeFor(pagination, codec, args.before, 'before');
  const fallback = pagination.pageSize ?? pagination.maxPageSize ?? 0;

  if (pagination.mode === 'drf' || isDrfCursor(after) || isDrfCursor(before)) {
    if (after && before) {
      throw PaginationError.invalidArgument('A drf-mode cursor carries its own direction: pass "after" or "before", not both', 'before');
    }
    const cursor = after ?? before ?? (first === undefined && last !== undefined ? { offset: 0, reverse: true, position: null } : null);
    const size = (cursor?.reverse ? (last ?? first) : (first ?? last)) ?? fallback;
    const name = after ? 'after' : 'before';
    return {
      ordering,
      size,
      direction: cursor?.reverse ? 'backward' : 'forward',
      cursor,
      drf: true,
      names: { after: name, before: name },
      codec,
    };
  }

  const backward = first === undefined && (last !== undefined || (before !== undefined && after === undefined));
  const size = (backward ? last : first) ?? fallback;
  return {
    ordering,
    size,
    direction: backward ? 'backward' : 'forward',
    cursor: (backward ? before : after) ?? null,
    after: keyed(after),
    before: keyed(before),
    keepLast: !backward && last !== undefined ? last : undefined,
    drf: false,
    names: { after: 'after', before: 'before' },
    codec,
  };
}

interface Assembled<T> {
  readonly items: readonly T[];
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly next: Cursor | null;
  readonly previous: Cursor | null;
  /** Each item's cursor, made only when asked for (REST never asks; signing costs an HMAC each). */
  readonly cursors: () => readonly Cursor[];
}

function boundOf<T>(source: PageSource<T>, plan: CursorPlan, cursor: Cursor | undefined, side: 'after' | 'before'): SeekBound | undefined {
  try {
    return readBound(source, plan, cursor);
  } catch (error) {
    if (error instanceof PaginationError && error.code === 'INVALID_CURSOR') {
      throw PaginationError.invalidCursor(plan.codec.message, plan.names[side]);
    }
    throw error;
  }
}

function readBound<T>(source: PageSource<T>, plan: CursorPlan, cursor: Cursor | undefined): SeekBound | undefined {
  if (!cursor) return undefined;
  if (plan.drf) {
    if (cursor.position === null) return undefined;
    const type = source.fieldType(plan.ordering[0]!.field);
    // DRF writes Python's str(None) for a NULL position; read it back as NULL (except on text fields,
    // where "None" is a value, as in DRF) so that nullable fields page instead of failing.
    const value = cursor.position === 'None' && type !== 'string' ? null : parseKeyValue(cursor.position, type);
    return { kind: 'position', value };
  }
  const key = cursor.key ?? [];
  if (key.length !== plan.ordering.length) throw PaginationError.invalidCursor();
  return { kind: 'key', values: plan.ordering.map(({ field }, index) => parseKeyValue(key[index] ?? null, source.fieldType(field))) };
}

function keyCursor<T>(source: PageSource<T>, plan: CursorPlan, row: T, reverse: boolean): Cursor {
  const values = plan.ordering.map(({ field }) => source.valueOf(row, field));
  return { offset: 0, reverse, position: pythonStr(values[0]), key: values.map(serializeKeyValue) };
}

function rebound(cursor: Cursor, reverse: boolean): Cursor {
  return { ...cursor, offset: 0, reverse };
}

async function fetchExact<T>(source: PageSource<T>, plan: CursorPlan): Promise<Assembled<T>> {
  const after = boundOf(source, plan, plan.after, 'after');
  const before = boundOf(source, plan, plan.before, 'before');
  const backward = plan.direction === 'backward';
  const start = backward ? plan.before : plan.after;
  const result = await source.seek({
    ordering: plan.ordering,
    direction: plan.direction,
    after,
    before,
    offset: 0,
    limit: plan.size + 1,
    probe: start !== undefined,
  });
  const more = result.rows.length > plan.size;
  let items = result.rows.slice(0, plan.size);
  if (backward) items = [...items].reverse();
  let trimmed = false;
  if (plan.keepLast !== undefined && items.length > plan.keepLast) {
    items = items.slice(items.length - plan.keepLast);
    trimmed = true;
  }
  const beyond = start === undefined ? false : (result.beyond ?? true);
  const hasNext = backward ? beyond : more;
  const hasPrevious = backward ? more : trimmed || beyond;
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const next = !hasNext ? null : lastItem !== undefined ? keyCursor(source, plan, lastItem, false) : start && rebound(start, false);
  const previous = !hasPrevious ? null : firstItem !== undefined ? keyCursor(source, plan, firstItem, true) : start && rebound(start, true);
  return {
    items,
    hasNext,
    hasPrevious,
    next: next ?? null,
    previous: previous ?? null,
    cursors: () => items.map((row) => keyCursor(source, plan, row, false)),
  };
}

interface DrfState {
  readonly cursor: Cursor | null;
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly nextPosition: string | null;
  readonly previousPosition: string | null;
  readonly size: number;
}

/**
 * DRF's `get_next_link` (§4.6) and `get_previous_link` (§4.7) cursors, which mirror each other: walk
 * from the page's edge facing the link to the first item whose position differs (the marker), counting
 * the items passed as the offset; with no marker, DRF's fallbacks (artifacts included). On a prefix
 * of the page, the next cursor is also each edge's cursor.
 */
function drfLink(toward: 'next' | 'previous', positions: readonly string[], state: DrfState): Cursor {
  const next = toward === 'next';
  const { cursor } = state;
  const facing = next ? [...positions].reverse() : positions;
  let compare =
    facing.length > 0 && cursor !== null && cursor.reverse === next && cursor.offset
      ? facing[0]!
      : next
        ? state.nextPosition
        : state.previousPosition;
  let offset = 0;
  let position: string | null = null;
  let found = false;
  for (const item of facing) {
    position = item;
    if (position !== compare) {
      found = true;
      break;
    }
    compare = position;
    offset += 1;
  }
  if (facing.length > 0 && !found) {
    if (!(next ? state.hasPrevious : state.hasNext)) {
      offset = state.size;
      position = null;
    } else {
      offset = cursor?.reverse === next ? 0 : (cursor?.offset ?? 0) + state.size;
      position = next ? state.previousPosition : state.nextPosition;
    }
  }
  if (facing.length === 0) position = next ? state.nextPosition : state.previousPosition;
  return { offset, reverse: !next, position };
}

async function fetchDrf<T>(source: PageSource<T>, plan: CursorPlan): Promise<Assembled<T>> {
  const cursor = plan.cursor;
  const reverse = cursor?.reverse ?? false;
  const bound = boundOf(source, plan, cursor ?? undefined, reverse ? 'before' : 'after');
  const result = await source.seek({
    ordering: plan.ordering,
    direction: reverse ? 'backward' : 'forward',
    after: reverse ? undefined : bound,
    before: reverse ? bound : undefined,
    offset: cursor?.offset ?? 0,
    limit: plan.size + 1,
  });
  const field = plan.ordering[0]!.field;
  const positionOf = (row: T): string => pythonStr(source.valueOf(row, field));
  const following = result.rows[plan.size];
  const followingPosition = following === undefined ? null : positionOf(following);
  let items = result.rows.slice(0, plan.size);
  const at = cursor?.position ?? null;
  const moved = at !== null || (cursor?.offset ?? 0) > 0;
  let state;
  if (reverse) {
    items = [...items].reverse();
    state = { hasNext: moved, nextPosition: at, hasPrevious: following !== undefined, previousPosition: followingPosition };
  } else {
    state = { hasNext: following !== undefined, nextPosition: followingPosition, hasPrevious: moved, previousPosition: at };
  }
  const positions = items.map(positionOf);
  const common = { ...state, cursor, size: plan.size };
  const cursors = (): Cursor[] =>
    positions.map((_, index) =>
      drfLink('next', positions.slice(0, index + 1), {
        ...common,
        size: index + 1,
        nextPosition: index + 1 < positions.length ? positions[index + 1]! : state.nextPosition,
      }),
    );
  return {
    items,
    hasNext: state.hasNext,
    hasPrevious: state.hasPrevious,
    next: state.hasNext ? drfLink('next', positions, common) : null,
    previous: state.hasPrevious ? drfLink('previous', positions, common) : null,
    cursors,
  };
}

/** Fetches and assembles a planned cursor page: size + 1 rows in one seek, no count unless asked. */
export async function fetchCursorPage<T>(source: PageSource<T>, plan: CursorPlan, context: PaginateContext = {}): Promise<CursorPage<T>> {
  const eager = context.withCount === true;
  const count = lazyCount(() => source.count(), eager);
  const page = await settleOnError(count, eager, () => (plan.drf ? fetchDrf(source, plan) : fetchExact(source, plan)));
  const encode = (cursor: Cursor | null): string | null => (cursor === null ? null : encodeCursor(cursor, plan.codec));
  let encoded: readonly string[] | undefined;
  const cursors = (): readonly string[] => (encoded ??= page.cursors().map((cursor) => encodeCursor(cursor, plan.codec)));
  const nextCursor = encode(page.next);
  const previousCursor = encode(page.previous);
  const empty = page.items.length === 0;
  return {
    style: 'cursor',
    items: page.items,
    pageSize: plan.size,
    cursor: plan.cursor,
    hasNext: page.hasNext,
    hasPrevious: page.hasPrevious,
    nextCursor,
    previousCursor,
    get cursors() {
      return cursors();
    },
    get startCursor() {
      return empty ? null : (previousCursor ?? cursors()[0] ?? null);
    },
    get endCursor() {
      return empty ? null : (nextCursor ?? cursors()[cursors().length - 1] ?? null);
    },
    count,
    totalPages: async () => Math.max(1, Math.ceil((await count()) / Math.max(plan.size, 1))),
  };
}

/** One page of a cursor pagination from DRF's query parameters, or null when pagination is off. */
export async function paginateCursor<T>(
  source: PageSource<T>,
  pagination: CursorPagination,
  args: CursorArgs,
  context: PaginateContext = {},
): Promise<CursorPage<T> | null> {
  const plan = planCursorPage(source, pagination, args);
  return plan === null ? null : fetchCursorPage(source, plan, context);
}

/** One page of a cursor pagination from Relay's arguments (first, after, last, before). */
export async function paginateRelay<T>(
  source: PageSource<T>,
  pagination: CursorPagination,
  args: RelayArgs,
  context: PaginateContext & RelayArgsOptions = {},
): Promise<CursorPage<T>> {
  return fetchCursorPage(source, planRelayPage(source, pagination, args, context), context);
}
