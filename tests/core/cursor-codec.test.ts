import { createHmac } from 'node:crypto';
import {
  decodeBase64,
  decodeCursor,
  encodeBase64,
  encodeCursor,
  hmacSigner,
  PaginationError,
  replaceQueryParam,
  type Cursor,
} from 'pagewise/internal';

const cursor = (offset: number, reverse: boolean, position: string | null): Cursor => ({ offset, reverse, position });

describe('DRF cursor bytes (reference §4.3)', () => {
  it.each([
    [cursor(5, false, null), 'bz01'],
    [cursor(2, false, '3'), 'bz0yJnA9Mw=='],
    [cursor(1, true, '2'), 'bz0xJnI9MSZwPTI='],
    [cursor(0, true, '7'), 'cj0xJnA9Nw=='],
    [cursor(0, false, '7'), 'cD03'],
    [cursor(5, true, null), 'bz01JnI9MQ=='],
    [cursor(0, false, '100'), 'cD0xMDA='],
    [cursor(0, true, '100'), 'cj0xJnA9MTAw'],
    [cursor(0, false, 'café & co'), 'cD1jYWYlQzMlQTkrJTI2K2Nv'],
    [cursor(0, false, '486'), 'cD00ODY='],
    [cursor(0, true, '487'), 'cj0xJnA9NDg3'],
    [cursor(0, false, null), ''],
  ])('%j encodes to %j and back', (value, encoded) => {
    expect(encodeCursor(value)).toBe(encoded);
    expect(decodeCursor(encoded)).toEqual({ ...value, key: undefined });
  });

  it('sits in a link percent-encoded, the other parameters sorted', () => {
    const value = encodeCursor(cursor(2, true, '2020-01-02 03:04:05.678000+00:00'));
    expect(replaceQueryParam('http://testserver/items/?b=2&a=1', 'cursor', value)).toBe(
      'http://testserver/items/?a=1&b=2&cursor=bz0yJnI9MSZwPTIwMjAtMDEtMDIrMDMlM0EwNCUzQTA1LjY3ODAwMCUyQjAwJTNBMDA%3D',
    );
  });

  it.each([
    ['', cursor(0, false, null)],
    [encodeBase64(new TextEncoder().encode('garbage')), cursor(0, false, null)],
    ['bz01MDAwJnA9MQ==', cursor(1000, false, '1')],
    ['cD00JnA9NQ==', cursor(0, false, '4')],
    ['cj0y', cursor(0, true, null)],
    ['cj0tMQ==', cursor(0, true, null)],
    ['c D 0 3', cursor(0, false, '7')],
    ['cD0xMA==garbage', cursor(0, false, '10')],
    ['cD03====', cursor(0, false, '7')],
    ['cD0=', cursor(0, false, '')],
  ])('accepts %j as DRF does', (value, expected) => {
    expect(decodeCursor(value, { offsetCutoff: 1000 })).toEqual({ ...expected, key: undefined });
  });

  it.each(['123', 'bz0tMQ==', 'bz1hYmM=', 'cj1hYmM=', 'cD0xMDA', 'cD0-MDA=', 'é', 'A', '/w=='])('rejects %j as INVALID_CURSOR', (value) => {
    expect(() => decodeCursor(value, { argument: 'cursor' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR', argument: 'cursor', message: 'Invalid cursor' }),
    );
  });

  it('uses the configured message', () => {
    expect(() => decodeCursor('123', { message: 'Bad cursor!' })).toThrow('Bad cursor!');
  });
});

describe('base64 (Python b64decode, non-strict)', () => {
  it.each([
    ['', []],
    ['AA==', [0]],
    ['AAE=', [0, 1]],
    ['AAEC', [0, 1, 2]],
    ['A=A=A=', [0, 0]],
    ['cD03====ignored', null],
    ['AA=', null],
    ['AAA', null],
  ])('%j', (text, bytes) => {
    const decoded = decodeBase64(text);
    expect(decoded === null ? null : Array.from(decoded)).toEqual(bytes);
  });

  it('round-trips every length', () => {
    for (let length = 0; length < 20; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) & 0xff);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

describe('exact keys and signing', () => {
  const keyed: Cursor = { offset: 0, reverse: false, position: '2020-01-01 00:00:00+00:00', key: ['2020-01-01T00:00:00.000Z', '42', null] };

  it('round-trips the key and ties it to its scope', () => {
    const value = encodeCursor(keyed, { scope: 'exact:-created,id' });
    expect(decodeCursor(value, { scope: 'exact:-created,id' })).toEqual(keyed);
    expect(() => decodeCursor(value, { scope: 'exact:created,id' })).toThrow(PaginationError);
  });

  it('stays readable by DRF: o, r, p first, then pagewise tokens', () => {
    const text = Buffer.from(encodeCursor({ ...keyed, reverse: true }, { scope: 's' }), 'base64').toString('ascii');
    expect(text.startsWith('r=1&p=2020-01-01+00%3A00%3A00%2B00%3A00&k=')).toBe(true);
  });

  it.each(['{"x":1}', '[1,2]', '["wrongtag","1"]', '["', '[]'])('rejects the malformed key %j', (key) => {
    const value = Buffer.from(`k=${encodeURIComponent(key)}`).toString('base64');
    expect(() => decodeCursor(value, { scope: 's' })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('signs with HMAC-SHA-256 (checked against node:crypto)', () => {
    const signer = hmacSigner('a secret of enough length');
    const expected = createHmac('sha256', 'a secret of enough length').update('payload').digest().subarray(0, 16).toString('base64url');
    expect(signer.sign('payload')).toBe(expected);
    expect(() => hmacSigner('short')).toThrow(expect.objectContaining({ name: 'PaginationConfigError', code: 'INVALID_OPTIONS' }));
    expect(hmacSigner(new Uint8Array(32)).sign('x')).toHaveLength(22);
  });

  it('accepts its own signed cursors and rejects unsigned, altered, foreign and re-scoped ones', () => {
    const signer = hmacSigner('a secret of enough length');
    const options = { signer, scope: 'exact:id' };
    const signed = encodeCursor(keyed, options);
    expect(decodeCursor(signed, options)).toEqual(keyed);
    expect(decodeCursor(encodeCursor(cursor(0, false, null), options), options)).toEqual({ ...cursor(0, false, null), key: undefined });
    const reject = (value: string, with_ = options) =>
      expect(() => decodeCursor(value, with_)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    reject(encodeCursor(keyed, { scope: 'exact:id' }));
    reject(encodeCursor(keyed, { ...options, signer: hmacSigner('another secret of enough length') }));
    reject(signed, { ...options, scope: 'exact:-id' });
    reject('');
    const text = Buffer.from(signed, 'base64').toString('ascii');
    reject(Buffer.from(text.replace('p=2020', 'p=2021')).toString('base64'));
  });
});
