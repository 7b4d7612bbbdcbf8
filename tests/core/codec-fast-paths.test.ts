// Regression for the cursor encoder's fast paths (one table lookup per ASCII character, the platform's
// btoa): they write exactly what the plain per-byte definitions write, for any text.
import fc from 'fast-check';
import { encodeBase64, quotePlus } from 'pagewise/internal';
import { encodeAsciiBase64 } from '../../src/core/base64';

const UNRESERVED = /[A-Za-z0-9_.\-~]/;

/** `quote_plus` by its definition: every UTF-8 byte of the text, one at a time. */
function plainQuotePlus(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

describe('cursor encoding fast paths', () => {
  it('quotePlus equals the per-byte definition, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => quotePlus(text) === plainQuotePlus(text)),
      { numRuns: 2000 },
    );
    expect(quotePlus('a\uD800b\uDC00')).toBe(plainQuotePlus('a\uD800b\uDC00'));
  });

  it('ASCII base64 equals the portable encoder', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) }),
        (text) => encodeAsciiBase64(text) === encodeBase64(Uint8Array.from(text, (char) => char.charCodeAt(0))),
      ),
      { numRuns: 2000 },
    );
  });
});
