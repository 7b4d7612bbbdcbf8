// graphql-relay's array connections, arithmetic only, so its users switch to pagewise without touching
// their clients: the same `arrayconnection:N` cursors, the same edges, the same flags, quirks included
// (shared/reference/relay-connections.md §3–4). Pagewise's own connections are exact; this is not.
import { encodeAsciiBase64 } from './base64';
import { PaginationError } from './errors';

const PREFIX = 'arrayconnection:';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Relay's arguments as graphql-relay reads them: numbers and strings count, anything else is absent. */
export interface RelayArrayArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

/** Where a slice sits in the whole list (graphql-relay's `ArraySliceMetaInfo`). */
export interface RelayArraySliceMeta {
  readonly sliceStart: number;
  readonly arrayLength: number;
}

/** A graphql-relay connection: edges with offset cursors and the four pageInfo fields. */
export interface RelayArrayConnection<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly startCursor: string | null;
    readonly endCursor: string | null;
    readonly hasPreviousPage: boolean;
    readonly hasNextPage: boolean;
  };
}

/** The window `[start, end)` of absolute offsets graphql-relay returns, and its two flags. */
export interface RelayArrayWindow {
  readonly start: number;
  readonly end: number;
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
}

/** graphql-relay's strict decoder: any stray character or a ragged length decodes to the empty string. */
function decodeRelayBase64(input: string): string {
  const bytes: number[] = [];
  const sextet = (char: string | undefined): number => (char === undefined ? -1 : char === '=' ? 0 : ALPHABET.indexOf(char));
  for (let i = 0; i < input.length; i += 4) {
    const [a, b, c, d] = [sextet(input[i]), sextet(input[i + 1]), sextet(input[i + 2]), sextet(input[i + 3])];
    if (a === -1 || b === -1 || c === -1 || d === -1) return '';
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    bytes.push((bits >> 16) & 255, (bits >> 8) & 255, bits & 255);
  }
  for (let i = input.length - 1; input[i] === '='; i -= 1) bytes.pop();
  let text = '';
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i++]!;
    if ((a & 0x80) === 0) {
      text += String.fromCodePoint(a);
      continue;
    }
    const b = bytes[i++] ?? 0;
    if ((a & 0xe0) === 0xc0) {
      text += String.fromCodePoint(((a & 0x1f) << 6) | (b & 0x3f));
      continue;
    }
    const c = bytes[i++] ?? 0;
    if ((a & 0xf0) === 0xe0) {
      text += String.fromCodePoint(((a & 0x0f) << 12) | ((b & 0x3f) << 6) | (c & 0x3f));
      continue;
    }
    const d = bytes[i++] ?? 0;
    const code = ((a & 0x07) << 18) | ((b & 0x3f) << 12) | ((c & 0x3f) << 6) | (d & 0x3f);
    // Code points past U+10FFFF decode to nothing, as graphql-relay does.
    if (code <= 0x10ffff) text += String.fromCodePoint(code);
  }
  return text;
}

/** graphql-relay's `offsetToCursor`: base64 of `arrayconnection:` and the offset. */
export function offsetToCursor(offset: number): string {
  // A number's decimal rendering is ASCII, so its UTF-8 bytes are its char codes.
  return encodeAsciiBase64(PREFIX + offset.toString());
}

/**
 * graphql-relay's `cursorToOffset`: drops 16 characters unchecked and parses the rest like `parseInt`
 * (so `1.9` is 1); NaN when nothing numeric is left. Never throws.
 */
export function cursorToOffset(cursor: string): number {
  return parseInt(decodeRelayBase64(cursor).substring(PREFIX.length), 10);
}

function offsetWithDefault(cursor: string | null | undefined, fallback: number): number {
  if (typeof cursor !== 'string') return fallback;
  const offset = cursorToOffset(cursor);
  return Number.isNaN(offset) ? fallback : offset;
}

/**
 * The offsets and flags graphql-relay computes for `args` over a slice: out-of-range cursors are
 * ignored for slicing but still bound the flags; negative `first`/`last` throw INVALID_ARGUMENT.
 */
export function relayArrayWindow(args: RelayArrayArgs, meta: RelayArraySliceMeta, sliceLength: number): RelayArrayWindow {
  const { after, before, first, last } = args;
  const { sliceStart, arrayLength } = meta;
  let start = Math.max(sliceStart, 0);
  let end = Math.min(sliceStart + sliceLength, arrayLength);
  const afterOffset = offsetWithDefault(after, -1);
  if (afterOffset >= 0 && afterOffset < arrayLength) start = Math.max(start, afterOffset + 1);
  const beforeOffset = offsetWithDefault(before, end);
  if (beforeOffset >= 0 && beforeOffset < arrayLength) end = Math.min(end, beforeOffset);
  if (typeof first === 'number') {
    if (first < 0) throw PaginationError.invalidArgument('Argument "first" must be a non-negative integer', 'first');
    end = Math.min(end, start + first);
  }
  if (typeof last === 'number') {
    if (last < 0) throw PaginationError.invalidArgument('Argument "last" must be a non-negative integer', 'last');
    start = Math.max(start, end - last);
  }
  const lowerBound = after !== null && after !== undefined ? afterOffset + 1 : 0;
  const upperBound = before !== null && before !== undefined ? beforeOffset : arrayLength;
  return {
    start,
    end,
    hasPreviousPage: typeof last === 'number' ? start > lowerBound : false,
    hasNextPage: typeof first === 'number' ? end < upperBound : false,
  };
}

/** graphql-relay's `connectionFromArraySlice`: the slice is trusted to cover the window. */
export function connectionFromArraySlice<T>(slice: readonly T[], args: RelayArrayArgs, meta: RelayArraySliceMeta): RelayArrayConnection<T> {
  const window = relayArrayWindow(args, meta, slice.length);
  const edges = slice
    .slice(window.start - meta.sliceStart, window.end - meta.sliceStart)
    .map((node, index) => ({ cursor: offsetToCursor(window.start + index), node }));
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasPreviousPage: window.hasPreviousPage,
      hasNextPage: window.hasNextPage,
    },
  };
}

/** graphql-relay's `connectionFromArray`: the whole list as the slice. */
export function connectionFromArray<T>(array: readonly T[], args: RelayArrayArgs): RelayArrayConnection<T> {
  return connectionFromArraySlice(array, args, { sliceStart: 0, arrayLength: array.length });
}
