import {
  encodeQuery,
  lastValue,
  parseQuery,
  queryOf,
  quotePlus,
  removeQueryParam,
  replaceQueryParam,
  unquotePlus,
} from 'pagewise/internal';
import fc from 'fast-check';

/** Python's quote_plus, byte by byte from its definition: UTF-8 (U+FFFD for a lone surrogate), unreserved kept, space as `+`. */
function referenceQuotePlus(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-~]/.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

describe('quotePlus / unquotePlus (Python urllib)', () => {
  it.each([
    ['a b', 'a+b'],
    ['/', '%2F'],
    [',', '%2C'],
    [':', '%3A'],
    ['=', '%3D'],
    ['A-Z_a.z~09', 'A-Z_a.z~09'],
    ['café & co', 'caf%C3%A9+%26+co'],
    ['\u{1F600}', '%F0%9F%98%80'],
  ])('%j <-> %j', (text, quoted) => {
    expect(quotePlus(text)).toBe(quoted);
    expect(unquotePlus(quoted)).toBe(text);
  });

  it('quotes every ASCII character as Python does', () => {
    for (let code = 0; code < 0x80; code += 1) {
      const text = `a${String.fromCharCode(code)}b${String.fromCharCode(code)}`;
      expect(quotePlus(text)).toBe(referenceQuotePlus(text));
    }
  });

  it('quotes any text as Python does (ASCII runs, non-ASCII, lone surrogates)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', ':', '+', 'é', '\uD800') })),
        (text) => quotePlus(text) === referenceQuotePlus(text),
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps malformed escapes and replaces bad UTF-8 as Python does', () => {
    expect(unquotePlus('%zz%4')).toBe('%zz%4');
    expect(unquotePlus('%FF')).toBe('\uFFFD');
  });
});

describe('parseQuery / encodeQuery (parse_qs keep_blank_values, urlencode sorted)', () => {
  it('keeps repeated keys, blank values and bare keys', () => {
    expect(parseQuery('a=1&flag&b=&a=2&&c=x+y')).toEqual([
      ['a', ['1', '2']],
      ['flag', ['']],
      ['b', ['']],
      ['c', ['x y']],
    ]);
  });

  it('sorts keys by code point (uppercase first) and keeps value order', () => {
    expect(encodeQuery(parseQuery('zeta=1&Alpha=2&page=2&a=2&a=1'))).toBe('Alpha=2&a=2&a=1&page=2&zeta=1');
    expect(
      encodeQuery([
        ['\u{1F600}', ['1']],
        ['\uffff', ['2']],
      ]),
    ).toBe('%EF%BF%BF=2&%F0%9F%98%80=1');
  });

  it('reads the last value as QueryDict.get does', () => {
    expect(lastValue(parseQuery('page=2&page=3'), 'page')).toBe('3');
    expect(lastValue(parseQuery('page=2'), 'missing')).toBeUndefined();
  });
});

describe('replaceQueryParam / removeQueryParam (DRF utils/urls.py)', () => {
  it.each([
    ['http://testserver/?zeta=1&Alpha=2&page=2', 'page', 3, 'http://testserver/?Alpha=2&page=3&zeta=1'],
    ['http://testserver/?q=a%20b&page=1', 'page', 2, 'http://testserver/?page=2&q=a+b'],
    ['http://testserver/?flag', 'page', 2, 'http://testserver/?flag=&page=2'],
    ['http://testserver/?page=2&filter=', 'page', 3, 'http://testserver/?filter=&page=3'],
    ['http://testserver/items/?page=1#top', 'page', 2, 'http://testserver/items/?page=2#top'],
    ['http://testserver/', 'cursor', 'bz0yJnA9Mw==', 'http://testserver/?cursor=bz0yJnA9Mw%3D%3D'],
  ])('replace in %s', (url, key, value, expected) => {
    expect(replaceQueryParam(url, key, value)).toBe(expected);
  });

  it.each([
    ['http://testserver/?page=2', 'http://testserver/'],
    ['http://testserver/?page=2&filter=even&page=3', 'http://testserver/?filter=even'],
    ['http://testserver/?b=2&a=1#f', 'http://testserver/?a=1&b=2#f'],
  ])('remove page from %s', (url, expected) => {
    expect(removeQueryParam(url, 'page')).toBe(expected);
  });

  it('parses the query of a URL', () => {
    expect(queryOf('http://x/?a=1&a=2#b=3')).toEqual([['a', ['1', '2']]]);
    expect(queryOf('http://x/')).toEqual([]);
  });
});
