// nodeHmacSigner computes HMAC from two pads and one-shot hashes; these hold it to node:crypto's own
// HMAC wherever that path branches: keys longer than a block, payloads past its scratch buffer.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { nodeHmacSigner } from 'pagewise/node';

const reference = (key: string | Uint8Array, payload: string): string =>
  createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');

describe('nodeHmacSigner HMAC', () => {
  it('is HMAC-SHA-256 for keys shorter and longer than a block, and payloads of any length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 200, size: 'max' }),
        fc.string({ unit: fc.constantFrom('a', ' ', 'é', '\u{1F600}', '\uD800', '\n'), maxLength: 1500, size: 'max' }),
        (key, payload) => nodeHmacSigner(key).sign(payload) === reference(key, payload),
      ),
      { numRuns: 300 },
    );
  });

  it.each([1023, 1024, 1025, 2000, 5000])('signs a payload of %i characters (multi-byte) as createHmac does', (length) => {
    const payload = 'é\u{1F600}x'.repeat(length).slice(0, length);
    const secret = 'a server secret for the tests';
    expect(nodeHmacSigner(secret).sign(payload)).toBe(reference(secret, payload));
  });

  it('signs one payload after another from the same buffers', () => {
    const signer = nodeHmacSigner('a server secret for the tests');
    const long = 'x'.repeat(900);
    expect([signer.sign(long), signer.sign('short'), signer.sign(long)]).toEqual([
      reference('a server secret for the tests', long),
      reference('a server secret for the tests', 'short'),
      reference('a server secret for the tests', long),
    ]);
  });
});
