// Issue 14's property: 10,000 random mutations of signed cursors (character changes, bit flips,
// truncations, extensions, re-encodings, other keys, other scopes) are all INVALID_CURSOR; only the
// exact string the encoder wrote is accepted, and it decodes to the cursor it was made from.
import fc from 'fast-check';
import { decodeCursor, encodeCursor, hmacSigner, type Cursor, type CursorCodecOptions } from 'pagewise/internal';

const signer = hmacSigner('a server secret for the tests', { previous: ['a retired secret for the tests'] });
const strangers = [hmacSigner('another server secret, long enough'), hmacSigner('a retired secret for the tests!')];
const SCOPES = ['exact:id', 'exact:-id', 'exact:-created,id', 'drf:created', 'offset'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ %&';

const b64 = (text: string): string => Buffer.from(text, 'latin1').toString('base64');
const unb64 = (value: string): string => Buffer.from(value, 'base64').toString('latin1');

const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '=', '+', '%', 'é', ':', '"', '\\') });
const cursorArbitrary: fc.Arbitrary<Cursor> = fc.record({
  offset: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  reverse: fc.boolean(),
  position: fc.option(text, { nil: null }),
  key: fc.option(fc.array(fc.option(text, { nil: null }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
});

type Mutation = (value: string, cursor: Cursor, scope: string) => { value: string; options?: Partial<CursorCodecOptions> };

const mutations: fc.Arbitrary<Mutation>[] = [
  // a character of the base64 text changed, deleted or inserted
  fc.tuple(fc.nat(), fc.constantFrom(...ALPHABET)).map(([i, char]) => (value) => {
    const index = i % Math.max(1, value.length);
    return { value: value.slice(0, index) + char + value.slice(index + 1) };
  }),
  fc
    .nat()
    .map((i) => (value) => ({ value: value.slice(0, i % Math.max(1, value.length)) + value.slice((i % Math.max(1, value.length)) + 1) })),
  // a bit flipped in the decoded bytes, then written back as canonical base64
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 })).map(([i, bit]) => (value) => {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length > 0) bytes[i % bytes.length] = bytes[i % bytes.length]! ^ (1 << bit);
    return { value: bytes.toString('base64') };
  }),
  // truncated or extended
  fc.nat().map((i) => (value) => ({ value: value.slice(0, i % Math.max(1, value.length)) })),
  fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...ALPHABET) }).map((tail) => (value) => ({ value: value + tail })),
  fc.string({ minLength: 1, maxLength: 8 }).map((tail) => (value) => ({ value: b64(unb64(value) + tail) })),
  // re-encodings of the same text: padding, URL-safe alphabet, whitespace, lenient junk
  fc
    .constantFrom(
      (value: string) => value.replace(/=+$/, ''),
      (value: string) => `${value}=`,
      (value: string) => `${value}====`,
      (value: string) => value.replace(/\+/g, '-').replace(/\//g, '_'),
      (value: string) => ` ${value}`,
      (value: string) => `${value.slice(0, 4)}\n${value.slice(4)}`,
      (value: string) => `${value}garbage`,
    )
    .map((change) => (value: string) => ({ value: change(value) })),
  // re-encodings of the query text: reordered, duplicated, re-escaped, an extra or second signature
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (value) => {
    const parts = unb64(value).split('&');
    const a = i % parts.length;
    const b = j % parts.length;
    [parts[a], parts[b]] = [parts[b]!, parts[a]!];
    return { value: b64(parts.join('&')) };
  }),
  fc.nat().map((i) => (value) => {
    const parts = unb64(value).split('&');
    parts.splice(i % parts.length, 0, parts[i % parts.length]!);
    return { value: b64(parts.join('&')) };
  }),
  fc
    .constantFrom<(text: string) => string>(
      (t) => `${t}&s=anything`,
      (t) => `${t}&s=`,
      (t) => `s=x&${t}`,
      (t) => `o=0&${t}`,
      (t) => `r=0&${t}`,
      (t) => `${t}&x=1`,
      (t) => t.replace(/%([0-9A-F]{2})/, (_, hex: string) => `%${hex.toLowerCase()}`),
      (t) => t.replace('+', '%20'),
      (t) => t.replace(/[a-zA-Z0-9]/, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
      (t) => t.replace(/o=(\d+)/, 'o=0$1'),
      (t) => t.replace(/o=(\d+)/, 'o=+$1'),
      (t) => t.replace(/o=(\d+)/, (_, n: string) => `o=${Number(n) + 1}`),
      (t) => t.replace('r=1', 'r=2'),
      (t) => t.replace('&', '&&'),
      (t) => t.replace(/%2C/g, '%2C+'),
      (t) => t.replace(/s=[^&]*$/, (sig) => sig.toUpperCase()),
    )
    .map((change) => (value: string) => ({ value: b64(change(unb64(value))) })),
  // the same cursor signed with another key, or read under another scope
  fc
    .constantFrom(...strangers)
    .map((stranger) => (_value, cursor, scope) => ({ value: encodeCursor(cursor, { signer: stranger, scope }) })),
  fc
    .constantFrom(...SCOPES)
    .map((other) => (value, _cursor, scope) => ({ value, options: { scope: other === scope ? `${other}!` : other } })),
  fc.constantFrom(...SCOPES).map((other) => (_value, cursor, scope) => ({
    value: encodeCursor(cursor, { signer, scope: other === scope ? `${other}!` : other }),
  })),
  // the cursor unsigned
  fc.constant<Mutation>((_value, cursor, scope) => ({ value: encodeCursor(cursor, { scope }) })),
];

describe('signed cursors under 10,000 random mutations', () => {
  it('every mutation is INVALID_CURSOR; only the exact original is accepted', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(cursorArbitrary, fc.constantFrom(...SCOPES), fc.oneof(...mutations), (cursor, scope, mutate) => {
        const options = { signer, scope, offsetCutoff: null };
        const original = encodeCursor(cursor, options);
        const { value, options: other = {} } = mutate(original, cursor, scope);
        const reading = { ...options, ...other };
        let decoded: Cursor | undefined;
        try {
          decoded = decodeCursor(value, reading);
        } catch (error) {
          expect(error).toMatchObject({ code: 'INVALID_CURSOR' });
          rejected += 1;
          return;
        }
        // A mutation that was a no-op on the canonical text (a swap of one part with itself).
        expect(value).toBe(original);
        expect(reading.scope).toBe(scope);
        expect(decoded).toEqual({ ...cursor, key: cursor.key });
        accepted += 1;
      }),
      { numRuns: 10_000, seed: 14 },
    );
    expect(accepted + rejected).toBe(10_000);
    expect(rejected).toBeGreaterThan(9_000);
  });
});
