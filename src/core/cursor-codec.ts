import { decodeAsciiBase64, encodeAsciiBase64 } from './base64';
import { PaginationError } from './errors';
import { positiveInt, parsePythonInt } from './python-int';
import { isUnquoted, parseQuery, quotePlus, unquotePlus } from './query-string';
import { constantTimeEqual, type CursorSigner } from './signer';

/**
 * DRF's cursor: an offset within ties, a reverse flag and the position (Python `str()` of the first
 * ordering field). `key` is pagewise's `exact` extension: every ordering field's value as text.
 */
export interface Cursor {
  readonly offset: number;
  readonly reverse: boolean;
  readonly position: string | null;
  readonly key?: readonly (string | null)[] | undefined;
}

/** How cursors are read and written for one pagination. */
export interface CursorCodecOptions {
  /** DRF's `offset_cutoff`: offsets above it are silently capped; null means no cap. */
  readonly offsetCutoff?: number | null;
  /** Signs cursors; with a signer, an unsigned, altered or foreign cursor is invalid. */
  readonly signer?: CursorSigner | null | undefined;
  /** What a cursor is bound to (the ordering); a cursor made for another scope is invalid. */
  readonly scope?: string;
  /** The message of the INVALID_CURSOR error (DRF's `invalid_cursor_message`). */
  readonly message?: string;
  /** The argument or parameter name reported with errors. */
  readonly argument?: string;
  /** Longest cursor text read (default 4096 characters); a longer one is invalid before any decoding. */
  readonly maxLength?: number;
}

/** The default {@link CursorCodecOptions.maxLength}: far above any cursor pagewise writes. */
export const DEFAULT_MAX_CURSOR_LENGTH = 4096;

let lastScope = '';
let lastTag = scopeTagOf('');
let lastKeyStart = keyStartOf(lastTag);

/** FNV-1a, 32 bits: a short tag tying an `exact` key to its ordering (not a security measure). */
function scopeTag(scope: string): string {
  cacheScope(scope);
  return lastTag;
}

/** `quotePlus` of the opening of a key's JSON, `["<tag>"`, the same for every cursor of the scope. */
function keyStart(scope: string): string {
  cacheScope(scope);
  return lastKeyStart;
}

function cacheScope(scope: string): void {
  // A page encodes one cursor per item, all for the same scope.
  if (scope !== lastScope) {
    lastTag = scopeTagOf(scope);
    lastKeyStart = keyStartOf(lastTag);
    lastScope = scope;
  }
}

function keyStartOf(tag: string): string {
  return quotePlus(`[${JSON.stringify(tag)}`);
}

function scopeTagOf(scope: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < scope.length; i += 1) {
    hash ^= scope.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * `quotePlus(JSON.stringify([scopeTag(scope), ...key]))`, a value at a time: quoting is per character
 * and the array's JSON is its items' JSON joined, so the parts give the same bytes, cheaper.
 */
function quotedKey(key: readonly (string | null)[], scope: string): string {
  let out = keyStart(scope);
  for (const value of key) {
    // `%2C` is the comma, `%22` the quote; text with only unreserved characters is its own JSON and quoting.
    if (value === null) out += '%2Cnull';
    else if (isUnquoted(value)) out += `%2C%22${value}%22`;
    else out += `%2C${quotePlus(JSON.stringify(value))}`;
  }
  return `${out}%5D`;
}

/**
 * The cursor's query string before its signature: `o`, `r`, `p` (each left out at its default), then
 * `k`. Written straight into one string, as every edge of a page goes through here.
 */
function bodyOf(cursor: Cursor, scope: string): string {
  let body = cursor.offset === 0 ? '' : `o=${quotePlus(String(cursor.offset))}`;
  if (cursor.reverse) body += body ? '&r=1' : 'r=1';
  if (cursor.position !== null) body += `${body ? '&' : ''}p=${quotePlus(cursor.position)}`;
  if (cursor.key !== undefined) body += `${body ? '&' : ''}k=${quotedKey(cursor.key, scope)}`;
  return body;
}

/**
 * Writes a cursor in DRF's wire format: standard base64 (with padding) of `o`, `r`, `p` (each left out
 * at its default), then pagewise's `k` and signature `s` when present. Not yet URL-encoded.
 */
export function encodeCursor(cursor: Cursor, options: CursorCodecOptions = {}): string {
  const scope = options.scope ?? '';
  const body = bodyOf(cursor, scope);
  if (!options.signer) return encodeAsciiBase64(body);
  const signature = quotePlus(options.signer.sign(`${scope}\n${body}`));
  return encodeAsciiBase64(body ? `${body}&s=${signature}` : `s=${signature}`);
}

function parseKey(text: string, scope: string): Array<string | null> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== scopeTag(scope)) return null;
  const values = parsed.slice(1);
  return values.every((value): value is string | null => value === null || typeof value === 'string') ? values : null;
}

/**
 * Reads a cursor as DRF's `decode_cursor` does (Python's lenient base64, first value of each token,
 * `o` capped at the cutoff), then checks pagewise's key and signature. Throws INVALID_CURSOR.
 */
export function decodeCursor(value: string, options: CursorCodecOptions = {}): Cursor {
  const fail = (): never => {
    throw PaginationError.invalidCursor(options.message ?? 'Invalid cursor', options.argument);
  };
  if (value.length > (options.maxLength ?? DEFAULT_MAX_CURSOR_LENGTH)) return fail();
  const text = decodeAsciiBase64(value);
  if (text === null) return fail();
  const scope = options.scope ?? '';
  const signer = options.signer;
  let body = text;
  if (signer) {
    // Python's lenient base64 would let two strings name one cursor; a signed cursor has one spelling.
    if (encodeAsciiBase64(text) !== value) return fail();
    const at = text.startsWith('s=') ? 0 : text.lastIndexOf('&s=') + 1;
    if (at === 0 && !text.startsWith('s=')) return fail();
    body = at === 0 ? '' : text.slice(0, at - 1);
    const quoted = text.slice(at + 2);
    const token = unquotePlus(quoted);
    if (quotePlus(token) !== quoted) return fail();
    const payload = `${scope}\n${body}`;
    const valid = signer.verify ? signer.verify(payload, token) : constantTimeEqual(token, signer.sign(payload));
    if (!valid) return fail();
  }
  const entries = parseQuery(body);
  const first = (name: string): string | undefined => entries.find(([key]) => key === name)?.[1][0];

  const rawOffset = first('o');
  const rawReverse = first('r');
  // Most cursors carry neither: no Python int parsing for their defaults.
  const offset = rawOffset === undefined ? 0 : positiveInt(rawOffset, { cutoff: options.offsetCutoff ?? null });
  const reverse = rawReverse === undefined ? 0n : parsePythonInt(rawReverse);
  if (offset === null || reverse === null) return fail();
  const keyText = first('k');
  const key = keyText === undefined ? undefined : (parseKey(keyText, scope) ?? fail());
  const cursor: Cursor = { offset, reverse: reverse !== 0n, position: first('p') ?? null, key };
  // One canonical body: what the encoder writes for this cursor (the offset before any cap), so no
  // second spelling (duplicates, reordering, other escapes, extra parameters) carries the signature.
  if (signer && bodyOf({ ...cursor, offset: rawOffset === undefined ? 0 : (positiveInt(rawOffset) ?? -1) }, scope) !== body) return fail();
  return cursor;
}
