// The encoder writes its cursors straight into one string (quoting natively, the key a value at a
// time); these properties hold it to the token-by-token reference of DRF's format, byte for byte.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, hmacSigner, quotePlus, type Cursor, type CursorSigner } from 'pagewise/internal';

const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;

/** Python's quote_plus(text, safe=''), a UTF-8 byte at a time (lone surrogates as U+FFFD, as Buffer writes them). */
const referenceQuote = (text: string): string =>
  Array.from(Buffer.from(text, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    if (UNRESERVED.test(char)) return char;
    return byte === 0x20 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');

/** FNV-1a of the scope in base 36: the tag at the head of an `exact` key. */
function tagOf(scope: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < scope.length; i += 1) hash = Math.imul(hash ^ scope.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** The cursor of reference §4.3 with pagewise's `k` and `s`, token by token. */
function referenceCursor(cursor: Cursor, scope: string, secret: string | null): string {
  const tokens: Array<[string, string]> = [];
  if (cursor.offset !== 0) tokens.push(['o', String(cursor.offset)]);
  if (cursor.reverse) tokens.push(['r', '1']);
  if (cursor.position !== null) tokens.push(['p', cursor.position]);
  if (cursor.key !== undefined) tokens.push(['k', JSON.stringify([tagOf(scope), ...cursor.key])]);
  const body = tokens.map(([name, value]) => `${name}=${referenceQuote(value)}`).join('&');
  if (secret === null) return Buffer.from(body, 'latin1').toString('base64');
  const mac = createHmac('sha256', secret).update(`${scope}\n${body}`).digest().subarray(0, 16).toString('base64url');
  return Buffer.from(body ? `${body}&s=${mac}` : `s=${mac}`, 'latin1').toString('base64');
}

// Any UTF-16 unit, lone surrogates and the characters quote_plus and encodeURIComponent disagree on included.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '!', "'", '(', ')', '*', '%', '+', '"', '\\', '\u0000', '\uD83D', '\uDE00', 'é'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
const cursorArb: fc.Arbitrary<Cursor> = fc.record({
  offset: fc.nat({ max: 1000 }),
  reverse: fc.boolean(),
  position: fc.option(text, { nil: null }),
  key: fc.option(fc.array(fc.option(fc.oneof(text, fc.stringMatching(/^[0-9a-z:.\-T]{0,24}$/)), { nil: null }), { maxLength: 4 }), {
    nil: undefined,
  }),
});
const secretArb = fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 40 });

describe('cursor encoding, byte for byte', () => {
  it('quotePlus writes what quote_plus writes for any text', () => {
    fc.assert(
      fc.property(text, (value) => quotePlus(value) === referenceQuote(value)),
      { numRuns: 2000 },
    );
  });

  it('writes the reference bytes, unsigned and signed, under any scope and secret', () => {
    fc.assert(
      fc.property(cursorArb, text, secretArb, (cursor, scope, secret) => {
        expect(encodeCursor(cursor, { scope })).toBe(referenceCursor(cursor, scope, null));
        const signer: CursorSigner = hmacSigner(secret);
        expect(encodeCursor(cursor, { scope, signer })).toBe(referenceCursor(cursor, scope, secret));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every signed cursor it writes whose text is well-formed', () => {
    const wellFormed = (value: string): boolean => !/[\uD800-\uDFFF]/.test(value);
    fc.assert(
      fc.property(cursorArb, secretArb, (cursor, secret) => {
        fc.pre([cursor.position ?? '', ...(cursor.key ?? [])].every((value) => value === null || wellFormed(value)));
        const options = { scope: 'exact:-created,id', signer: hmacSigner(secret) };
        expect(decodeCursor(encodeCursor(cursor, options), options)).toEqual(cursor);
      }),
      { numRuns: 300 },
    );
  });
});
