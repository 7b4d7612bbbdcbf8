// Issue 14, items 1 and 7: a long cursor is INVALID_CURSOR before any decoding (it used to overflow the
// stack), and a signed cursor has exactly one spelling; issue 17: the signer's tokens are node:crypto's.
import { createHmac } from 'node:crypto';
import {
  cursorPagination,
  decodeBase64,
  decodeCursor,
  DEFAULT_MAX_CURSOR_LENGTH,
  encodeCursor,
  hmacSigner,
  paginateRelay,
  type Cursor,
  type CursorSigner,
} from 'pagewise/internal';
import { arraySource } from 'pagewise/array';
import { decodeAsciiBase64 } from '../../src/core/base64';

const b64 = (text: string): string => Buffer.from(text, 'latin1').toString('base64');
const text = (value: string): string => Buffer.from(value, 'base64').toString('latin1');
const invalid = expect.objectContaining({ code: 'INVALID_CURSOR' });
const SECRET = 'a secret of enough length';
// Chosen so its base64 has padding and a '+' (URL-safe and padding mutations then change it).
const keyed: Cursor = { offset: 0, reverse: false, position: '~~~?', key: ['~~~?', 'x y&z'] };

describe('long cursors', () => {
  const huge = b64('p=' + 'a'.repeat(130000));

  it('a GraphQL-size after of base64("p=" + "a" * 130000) is INVALID_CURSOR, not a RangeError', async () => {
    const rows = [{ id: 1 }, { id: 2 }];
    const pagination = cursorPagination({ pageSize: 1, ordering: 'id' });
    await expect(paginateRelay(arraySource(rows), pagination, { first: 1, after: huge })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
      argument: 'after',
    });
    expect(() => decodeCursor(huge)).toThrow(invalid);
  });

  it('the limit is an option, 4096 by default, checked on the text as given', () => {
    expect(DEFAULT_MAX_CURSOR_LENGTH).toBe(4096);
    const long = b64('p=' + 'a'.repeat(3000));
    expect(long.length).toBe(4004);
    expect(decodeCursor(long).position).toBe('a'.repeat(3000));
    expect(() => decodeCursor(long, { maxLength: 4000 })).toThrow(invalid);
    expect(() => decodeCursor(long + '====', { maxLength: 4004 })).toThrow(invalid);
    expect(decodeCursor(huge, { maxLength: huge.length }).position).toBe('a'.repeat(130000));
  });

  it('the decoders take long text without spreading it onto the stack', () => {
    const noisy = ' ' + b64('p=' + 'b'.repeat(200000)); // not canonical: the portable loop
    expect(decodeAsciiBase64(noisy)).toBe('p=' + 'b'.repeat(200000));
    expect(decodeBase64(noisy)?.length).toBe(200002);
  });
});

describe('one spelling per signed cursor', () => {
  const signer = hmacSigner(SECRET);
  const options = { signer, scope: 'exact:id' };
  const signed = encodeCursor(keyed, options);
  const plain = text(signed);

  it.each([
    ['an appended s= part', b64(`${plain}&s=anything`)],
    ['a second copy of the signature', b64(`${plain}&${plain.slice(plain.lastIndexOf('s='))}`)],
    ['a duplicate parameter', b64(plain.replace('p=', 'p=8&p='))],
    ['a duplicate of the same value', b64(plain.replace(/^(p=[^&]*)/, '$1&$1'))],
    ['reordered parameters', b64(plain.replace(/^(p=[^&]*)&(k=[^&]*)/, '$2&$1'))],
    ['another escape of the same text', b64(plain.replace('+', '%20'))],
    ['an unescaped safe character escaped', b64(plain.replace('~', '%7E'))],
    ['lower-case escapes', b64(plain.replace('%3F', '%3f'))],
    ['an extra parameter', b64(`x=1&${plain}`)],
    ['a zero offset spelled out', b64(`o=0&${plain}`)],
    ['missing padding', signed.replace(/=+$/, '')],
    ['extra padding', `${signed}==`],
    ['a space inside', `${signed.slice(0, 4)} ${signed.slice(4)}`],
    ['URL-safe base64', signed.replace(/\+/g, '-').replace(/\//g, '_')],
    ['no signature', b64(plain.slice(0, plain.lastIndexOf('&s=')))],
    ['an escaped signature', b64(plain.replace(/s=(.)/, (_, c: string) => `s=%${c.charCodeAt(0).toString(16).toUpperCase()}`))],
  ])('%s is INVALID_CURSOR', (_, value) => {
    expect(value).not.toBe(signed);
    expect(() => decodeCursor(value, options)).toThrow(invalid);
  });

  it('the canonical text itself decodes, offsets above the cutoff included', () => {
    expect(decodeCursor(signed, options)).toEqual(keyed);
    const deep = encodeCursor({ offset: 5000, reverse: true, position: 'x' }, options);
    expect(decodeCursor(deep, { ...options, offsetCutoff: 1000 })).toEqual({ offset: 1000, reverse: true, position: 'x', key: undefined });
  });

  it('unsigned cursors keep DRF leniency', () => {
    expect(decodeCursor(b64('p=7&p=8&x=1'))).toEqual({ offset: 0, reverse: false, position: '7', key: undefined });
  });
});

describe('key rotation and the signer interface', () => {
  const old = hmacSigner('the old secret, long enough');

  it('signs with the current secret and verifies with current and previous ones', () => {
    const rotated = hmacSigner(SECRET, { previous: ['the old secret, long enough'] });
    const asArray = hmacSigner([SECRET, 'the old secret, long enough']);
    const options = { scope: 's' };
    const fromOld = encodeCursor(keyed, { ...options, signer: old });
    const fromNew = encodeCursor(keyed, { ...options, signer: rotated });
    expect(fromNew).toBe(encodeCursor(keyed, { ...options, signer: hmacSigner(SECRET) }));
    expect(encodeCursor(keyed, { ...options, signer: asArray })).toBe(fromNew);
    for (const signer of [rotated, asArray]) {
      expect(decodeCursor(fromOld, { ...options, signer })).toEqual(keyed);
      expect(decodeCursor(fromNew, { ...options, signer })).toEqual(keyed);
    }
    expect(() => decodeCursor(fromOld, { ...options, signer: hmacSigner(SECRET) })).toThrow(invalid);
    const stranger = encodeCursor(keyed, { ...options, signer: hmacSigner('a third secret, long enough') });
    expect(() => decodeCursor(stranger, { ...options, signer: rotated })).toThrow(invalid);
  });

  it('a user signer without verify is checked by comparing sign()', () => {
    const signer: CursorSigner = { sign: (payload) => `t${payload.length}` };
    const value = encodeCursor(keyed, { signer, scope: 's' });
    expect(decodeCursor(value, { signer, scope: 's' })).toEqual(keyed);
    expect(() => decodeCursor(value, { signer: { sign: () => 'other' }, scope: 's' })).toThrow(invalid);
  });

  it('a user signer with verify decides', () => {
    const signer: CursorSigner = { sign: () => 'tok', verify: (_, token) => token === 'tok' || token === 'legacy' };
    const legacy = b64(`${text(encodeCursor(keyed, { scope: 's' }))}&s=legacy`);
    expect(decodeCursor(legacy, { signer, scope: 's' })).toEqual(keyed);
  });

  it('tokens equal node:crypto HMAC-SHA-256, first 16 bytes, base64url', () => {
    const signer = hmacSigner(SECRET);
    for (const payload of ['', 'x', 'exact:id\np=1', 'é'.repeat(100), 'a'.repeat(1000)]) {
      expect(signer.sign(payload)).toBe(createHmac('sha256', SECRET).update(payload).digest().subarray(0, 16).toString('base64url'));
    }
  });

  it.each<[string, unknown, RegExp]>([
    ['no secret', undefined, /hmacSigner: the `secret` option must be a string or Uint8Array, got undefined/],
    ['a number', 42, /the `secret` option must be a string or Uint8Array, got number/],
    ['a short secret', 'short', /the `secret` option must be at least 16 bytes/],
    ['a short byte secret', new Uint8Array(15), /the `secret` option must be at least 16 bytes/],
    ['an empty list', [], /the `secret` option is required/],
  ])('%s is a PaginationConfigError naming secret', (_, secret, message) => {
    expect(() => hmacSigner(secret as string)).toThrow(
      expect.objectContaining({ name: 'PaginationConfigError', code: 'INVALID_OPTIONS', message: expect.stringMatching(message) }),
    );
  });

  it('a short previous secret is a PaginationConfigError too', () => {
    expect(() => hmacSigner(SECRET, { previous: ['short'] })).toThrow(
      expect.objectContaining({
        name: 'PaginationConfigError',
        message: 'hmacSigner: the previous secret 1 option must be at least 16 bytes',
      }),
    );
  });
});
