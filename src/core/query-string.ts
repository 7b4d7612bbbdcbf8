// Python's urllib.parse as DRF uses it for links: parse_qs(keep_blank_values=True), urlencode with
// quote_plus, keys sorted by code point (reference §1.5). A link is never "the URL with one parameter
// changed": the whole query is parsed, edited, sorted and re-encoded.

/** One query parameter and all its values, in order of first appearance. */
export type QueryEntries = Array<[key: string, values: string[]]>;

const UNRESERVED = /[A-Za-z0-9_.\-~]/;
const utf8 = new TextEncoder();
const utf8Lenient = new TextDecoder('utf-8', { fatal: false });

/** Each ASCII character as `quote_plus` writes it, so the common case costs one lookup per character. */
const ASCII_QUOTED = Array.from({ length: 0x80 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  if (UNRESERVED.test(char)) return char;
  if (byte === 0x20) return '+';
  return '%' + byte.toString(16).toUpperCase().padStart(2, '0');
});

/** What `quote_plus` writes for each ASCII character it changes; undefined where it keeps the character. */
const ASCII_ESCAPES = ASCII_QUOTED.map((quoted, byte) => (quoted === String.fromCharCode(byte) ? undefined : quoted));

// What encodeURIComponent leaves alone but Python quotes, and its space: the only differences left
// once it has percent-encoded the UTF-8 bytes (uppercase hex, as Python writes them).
const URI_EXTRA = /[!'()*]|%20/g;
const uriExtra = (match: string): string => (match === '%20' ? '+' : ASCII_QUOTED[match.charCodeAt(0)]!);
const UNQUOTED = /^[A-Za-z0-9_.\-~]*$/;

/** Whether `quotePlus` leaves `text` as it is (only unreserved characters). */
export const isUnquoted = (text: string): boolean => UNQUOTED.test(text);

/** Python's `quote_plus(text, safe='')`: UTF-8 percent-encoding, space as `+`. */
export function quotePlus(text: string): string {
  // ASCII (numbers, datetimes, JSON keys, signatures): unchanged runs are copied whole, which costs
  // about half of encodeURIComponent and its fix-ups, and every edge's cursor is quoted.
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return quoteUnicode(text);
    const escaped = ASCII_ESCAPES[code];
    if (escaped !== undefined) {
      out += text.slice(start, i) + escaped;
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** quotePlus of a text with non-ASCII characters: natively, then Python's differences. */
function quoteUnicode(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // A lone surrogate (encodeURIComponent throws): quoted as U+FFFD, as TextEncoder writes it.
    return quoteEach(text);
  }
  return encoded.replace(URI_EXTRA, uriExtra);
}

function quoteEach(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += ASCII_QUOTED[code]!;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i += 1;
    for (const byte of utf8.encode(String.fromCodePoint(cp))) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const SURROGATE = /[\uD800-\uDFFF]/;
const QUOTED = /[+%]/;

/** Python's `unquote_plus`: `+` is a space, `%XX` bytes are UTF-8 (bad sequences become U+FFFD). */
export function unquotePlus(text: string): string {
  if (!QUOTED.test(text)) return text;
  const source = text.replace(/\+/g, ' ');
  if (!source.includes('%')) return source;
  // Any other character is a whole UTF-8 sequence of its own, so it can never complete a run's
  // sequence: decoding run by run equals decoding the whole, at a fraction of the cost.
  if (!SURROGATE.test(source)) {
    // decodeURIComponent agrees with Python wherever it succeeds (well-formed escapes of valid UTF-8)
    // and throws where Python would substitute U+FFFD, so it is the fast path of the common case.
    try {
      return decodeURIComponent(source);
    } catch {
      return source.replace(PERCENT_RUN, decodeRun);
    }
  }
  const bytes: number[] = [];
  for (let i = 0; i < source.length;) {
    const char = source[i]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const cp = source.codePointAt(i)!;
      const chunk = String.fromCodePoint(cp);
      bytes.push(...utf8.encode(chunk));
      i += chunk.length;
    }
  }
  return utf8Lenient.decode(new Uint8Array(bytes));
}

function decodeRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
  return utf8Lenient.decode(bytes);
}

/** Python's `parse_qs(query, keep_blank_values=True)`: `&` only, bare keys become empty values. */
export function parseQuery(query: string): QueryEntries {
  const entries: QueryEntries = [];
  const index = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = unquotePlus(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : unquotePlus(part.slice(eq + 1));
    const values = index.get(key);
    if (values) values.push(value);
    else {
      const fresh = [value];
      index.set(key, fresh);
      entries.push([key, fresh]);
    }
  }
  return entries;
}

function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** Python's `urlencode(sorted(entries), doseq=True)`: keys in code-point order, values quote_plus'd. */
export function encodeQuery(entries: QueryEntries): string {
  return [...entries]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .flatMap(([key, values]) => values.map((value) => `${quotePlus(key)}=${quotePlus(value)}`))
    .join('&');
}

/** The last value of `key` (Django's `QueryDict.get`), or undefined when absent. */
export function lastValue(entries: QueryEntries, key: string): string | undefined {
  const found = entries.find(([name]) => name === key);
  return found ? found[1][found[1].length - 1] : undefined;
}
