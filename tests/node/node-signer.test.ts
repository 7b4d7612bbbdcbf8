// pagewise/node's native signer writes hmacSigner's tokens byte for byte, so either reads the other's cursors.
import fc from 'fast-check';
import { decodeCursor, encodeCursor, hmacSigner, type Cursor } from 'pagewise/internal';
import { nodeHmacSigner } from 'pagewise/node';

const SECRET = 'a server secret for the tests';
const OLD = 'the previous secret, long enough';

describe('nodeHmacSigner', () => {
  it('signs every payload exactly as hmacSigner does', () => {
    const portable = hmacSigner(SECRET);
    const native = nodeHmacSigner(SECRET);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (payload) => native.sign(payload) === portable.sign(payload)),
      { numRuns: 1000 },
    );
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => index);
    expect(nodeHmacSigner(bytes).sign('x')).toBe(hmacSigner(bytes).sign('x'));
  });

  it('reads hmacSigner cursors and rotates keys the same way', () => {
    const cursor: Cursor = { offset: 0, reverse: true, position: '5', key: ['5', '9'] };
    const native = nodeHmacSigner(SECRET, { previous: [OLD] });
    const fromPortable = encodeCursor(cursor, { signer: hmacSigner(SECRET), scope: 's' });
    const fromOld = encodeCursor(cursor, { signer: hmacSigner(OLD), scope: 's' });
    expect(encodeCursor(cursor, { signer: native, scope: 's' })).toBe(fromPortable);
    expect(decodeCursor(fromPortable, { signer: native, scope: 's' })).toEqual(cursor);
    expect(decodeCursor(fromOld, { signer: native, scope: 's' })).toEqual(cursor);
    expect(() => decodeCursor(fromOld, { signer: nodeHmacSigner(SECRET), scope: 's' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it.each<[unknown, string]>([
    [undefined, 'nodeHmacSigner: the `secret` option must be a string or Uint8Array, got undefined'],
    ['short', 'nodeHmacSigner: the `secret` option must be at least 16 bytes'],
  ])('%j is a PaginationConfigError naming secret', (secret, message) => {
    expect(() => nodeHmacSigner(secret as string)).toThrow(expect.objectContaining({ name: 'PaginationConfigError', message }));
  });
});
