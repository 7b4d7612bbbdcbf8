// unquotePlus decodes runs of %XX on their own: the same text as decoding every byte at once (the
// reference below, the first implementation), for any mix of escapes, plus signs and Unicode.
import fc from 'fast-check';
import { unquotePlus } from 'pagewise/internal';

function reference(text: string): string {
  const source = text.replace(/\+/g, ' ');
  if (!source.includes('%')) return source;
  const bytes: number[] = [];
  for (let i = 0; i < source.length;) {
    if (source[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const chunk = String.fromCodePoint(source.codePointAt(i)!);
      bytes.push(...new TextEncoder().encode(chunk));
      i += chunk.length;
    }
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}

const escape = fc.integer({ min: 0, max: 255 }).map(
  (byte) =>
    `%${byte
      .toString(16)
      .padStart(2, byte % 2 ? '0' : '0')
      .toUpperCase()}`,
);
const piece = fc.oneof(
  escape,
  escape.map((value) => value.toLowerCase()),
  fc.constantFrom('%', '%4', '%zz', '+', 'a', '=', '&', 'é', '✓', '😀', '\uD800', '\uDC00'),
  fc.string({ maxLength: 3 }),
  fc.string({ unit: 'binary', maxLength: 2 }),
);

describe('unquotePlus', () => {
  it.each([
    ['a+b%20c', 'a b c'],
    ['caf%C3%A9', 'café'],
    ['%C3a%A9', '\uFFFDa\uFFFD'],
    ['%E2%82', '\uFFFD'],
    ['%zz%4', '%zz%4'],
    ['bz0xJnA9Ng%3D%3D', 'bz0xJnA9Ng=='],
    ['%F0%9F%98%80x', '😀x'],
  ])('decodes %s', (text, expected) => {
    expect(unquotePlus(text)).toBe(expected);
  });

  it('equals decoding all bytes at once, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        return unquotePlus(text) === reference(text);
      }),
      { numRuns: 3000 },
    );
  });
});
