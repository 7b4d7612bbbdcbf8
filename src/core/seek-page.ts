import type { Cursor } from './cursor-codec';
import { PaginationError } from './errors';
import type { OrderingField } from './ordering';
import type { SeekBound, SeekRequest } from './page-source';
import type { DrfSeekPlan, ExactSeekPlan, SeekPlan } from './seek-plan';
import { parseKeyValue, pythonStr, serializeKeyValue, type FieldType, type KeyValue } from './values';

// The keyset half of planning and assembling: the seek a plan asks of a source, and the page (flags
// and cursors, not yet encoded) made from the rows it returned. Pure: run-plan.ts does the calls.

/** What reading bounds and writing cursors needs of a source. */
export interface KeyedRows<T> {
  fieldType(field: string): FieldType;
  valueOf(row: T, field: string): KeyValue;
}

/** A cursor page before its cursors are encoded. */
export interface SeekOutcome<T> {
  readonly items: readonly T[];
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly next: Cursor | null;
  readonly previous: Cursor | null;
  /** The cursor of the item at `index`, made only when asked for (REST never asks; signing costs an HMAC each). */
  readonly cursorAt: (index: number) => Cursor;
}

function readBound(source: KeyedRows<unknown>, plan: SeekPlan, cursor: Cursor | null | undefined): SeekBound | undefined {
  if (!cursor) return undefined;
  if (plan.mode === 'drf') {
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

function boundOf(
  source: KeyedRows<unknown>,
  plan: SeekPlan,
  cursor: Cursor | null | undefined,
  side: 'after' | 'before',
): SeekBound | undefined {
  try {
    return readBound(source, plan, cursor);
  } catch (error) {
    if (error instanceof PaginationError && error.code === 'INVALID_CURSOR') {
      throw PaginationError.invalidCursor(plan.codec.message, plan.names[side]);
    }
    throw error;
  }
}

/** The seek of an `exact` plan: size + 1 rows, probing behind the starting bound. */
export function exactSeek(source: KeyedRows<unknown>, plan: ExactSeekPlan): SeekRequest {
  const start = plan.direction === 'backward' ? plan.before : plan.after;
  return {
    ordering: plan.ordering,
    direction: plan.direction,
    after: boundOf(source, plan, plan.after, 'after'),
    before: boundOf(source, plan, plan.before, 'before'),
    offset: 0,
    limit: plan.size + 1,
    probe: start !== undefined,
  };
}

/** The seek of a `drf` plan from `cursor` (the plan's own, or the turned one): DRF's query. */
export function drfSeek(source: KeyedRows<unknown>, plan: DrfSeekPlan, cursor: Cursor | null): SeekRequest {
  const reverse = cursor?.reverse ?? false;
  const bound = boundOf(source, plan, cursor, reverse ? 'before' : 'after');
  return {
    ordering: plan.ordering,
    direction: reverse ? 'backward' : 'forward',
    after: reverse ? undefined : bound,
    before: reverse ? bound : undefined,
    offset: cursor?.offset ?? 0,
    limit: plan.size + 1,
  };
}

function keyCursor<T>(source: KeyedRows<T>, ordering: readonly OrderingField[], row: T, reverse: boolean): Cursor {
  const values = ordering.map(({ field }) => source.valueOf(row, field));
  return { offset: 0, reverse, position: pythonStr(values[0]), key: values.map(serializeKeyValue) };
}

const rebound = (cursor: Cursor, reverse: boolean): Cursor => ({ ...cursor, offset: 0, reverse });

/** An `exact` page from its seek's rows; `beyond` is the probe's answer (undefined: not looked). */
export function assembleExact<T>(
  source: KeyedRows<T>,
  plan: ExactSeekPlan,
  rows: readonly T[],
  beyond: boolean | undefined,
): SeekOutcome<T> {
  const backward = plan.direction === 'backward';
  const start = backward ? plan.before : plan.after;
  const more = rows.length > plan.size;
  let items = rows.slice(0, plan.size);
  if (backward) items = [...items].reverse();
  let trimmed = false;
  if (plan.keepLast !== undefined && items.length > plan.keepLast) {
    items = items.slice(items.length - plan.keepLast);
    trimmed = true;
  }
  // A source that did not look answers undefined: a row is then assumed behind the bound.
  const behind = start === undefined ? false : (beyond ?? true);
  const hasNext = backward ? behind : more;
  const hasPrevious = backward ? more : trimmed || behind;
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  const { ordering } = plan;
  const next = !hasNext ? null : lastItem !== undefined ? keyCursor(source, ordering, lastItem, false) : start && rebound(start, false);
  const previous = !hasPrevious
    ? null
    : firstItem !== undefined
      ? keyCursor(source, ordering, firstItem, true)
      : start && rebound(start, true);
  return {
    items,
    hasNext,
    hasPrevious,
    next: next ?? null,
    previous: previous ?? null,
    cursorAt: (index) => keyCursor(source, ordering, items[index]!, false),
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

/** A `drf` page from the rows of its seek from `cursor`, with DRF's links and edge cursors. */
export function assembleDrf<T>(source: KeyedRows<T>, plan: DrfSeekPlan, cursor: Cursor | null, rows: readonly T[]): SeekOutcome<T> {
  const reverse = cursor?.reverse ?? false;
  const field = plan.ordering[0]!.field;
  const positionOf = (row: T): string => pythonStr(source.valueOf(row, field));
  const following = rows[plan.size];
  const followingPosition = following === undefined ? null : positionOf(following);
  let items = rows.slice(0, plan.size);
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
  // Forward, an item's cursor is DRF's next link of the page's prefix ending at it (the last one is
  // the page's next link, byte for byte). Backward, the rows before the page are unknown, so a prefix
  // link could skip ties; the item's cursor is the page's own reverse cursor moved to just before the
  // item, which names it exactly (`before` pages before it; `after`, turned, after it).
  const cursorAt = (index: number): Cursor =>
    reverse && cursor !== null
      ? { offset: cursor.offset + (items.length - index), reverse: true, position: cursor.position }
      : drfLink('next', positions.slice(0, index + 1), {
          ...common,
          size: index + 1,
          nextPosition: index + 1 < positions.length ? positions[index + 1]! : state.nextPosition,
        });
  return {
    items,
    hasNext: state.hasNext,
    hasPrevious: state.hasPrevious,
    next: state.hasNext ? drfLink('next', positions, common) : null,
    previous: state.hasPrevious ? drfLink('previous', positions, common) : null,
    cursorAt,
  };
}

/**
 * DRF's cursor of the far side of the boundary a seek started from, from that seek's rows (in seek
 * order, nearest first): past the run of rows that tie with the nearest, as DRF counts ties with an
 * offset. `exhausted`: the seek ran out of rows (the list's edge). Null when every row ties and more
 * may follow: then only DRF's own link, with its artifacts, can say it.
 */
export function turnedCursor(
  source: KeyedRows<unknown>,
  plan: DrfSeekPlan,
  from: Cursor,
  rows: readonly unknown[],
  exhausted: boolean,
): Cursor | null {
  const field = plan.ordering[0]!.field;
  const positions = rows.map((row) => pythonStr(source.valueOf(row, field)));
  // Seeking backward (a reverse cursor), the far side is forward, and the other way round.
  const reverse = !from.reverse;
  const marker = positions.findIndex((position) => position !== positions[0]);
  if (marker > 0) return { offset: marker, reverse, position: positions[marker]! };
  return exhausted ? { offset: positions.length, reverse, position: null } : null;
}

/**
 * The page at a list's edge that a turned cursor names when DRF has no cursor for it: forward from
 * the end, or backward from the start. Empty; `rows` tells whether the list has any row at all.
 */
export function edgeOutcome<T>(plan: DrfSeekPlan, rows: boolean): SeekOutcome<T> {
  const fromEnd = plan.cursor?.reverse ?? false;
  const back = rows ? plan.cursor : null;
  return {
    items: [],
    hasNext: !fromEnd && rows,
    hasPrevious: fromEnd && rows,
    next: fromEnd ? null : back,
    previous: fromEnd ? back : null,
    cursorAt: () => {
      throw new RangeError('an empty page has no item cursors');
    },
  };
}
