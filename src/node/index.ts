// pagewise/node: Node-only helpers. Core stays runtime-neutral; this subpath may use node:* modules.
import * as crypto from 'node:crypto';
import type { CursorSigner, HmacSecret, HmacSignerOptions } from '../core/internal';
import { rotatingSigner, secretKeys } from '../core/signer';

const { createHash, createHmac, createSecretKey } = crypto;
// One-shot hashing (Node 20.12 and 21.7 on): no Hash object per call. Older Nodes use createHmac.
const oneShot: typeof crypto.hash | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;
/** Payloads up to this many UTF-16 units take the one-shot path (3 UTF-8 bytes a unit at most). */
const SCRATCH_UNITS = 1024;

/** The key's 64-byte block XOR `pad` (RFC 2104: a longer key is hashed first). */
function keyBlock(key: Uint8Array, pad: number): Buffer {
  const block = Buffer.alloc(64);
  block.set(key.length > 64 ? createHash('sha256').update(key).digest() : key);
  for (let i = 0; i < 64; i += 1) block[i]! ^= pad;
  return block;
}

/** The first 16 bytes of HMAC-SHA-256 of `payload` under `bytes`, base64url: core's macToken, natively. */
function macOf(bytes: Uint8Array): (payload: string) => string {
  // A KeyObject made once: createHmac with raw bytes would copy and import the key on every call.
  const key = createSecretKey(bytes);
  const viaHmac = (payload: string): string => createHmac('sha256', key).update(payload).digest().toString('base64url', 0, 16);
  if (oneShot === undefined) return viaHmac;
  // HMAC as RFC 2104 writes it, H(K ^ opad, H(K ^ ipad, payload)), over two buffers made once: the
  // pads stay in place and each call writes only the payload and the inner digest (signing is sync).
  const inner = Buffer.alloc(64 + SCRATCH_UNITS * 3);
  keyBlock(bytes, 0x36).copy(inner);
  const outer = Buffer.alloc(64 + 32);
  keyBlock(bytes, 0x5c).copy(outer);
  return (payload: string): string => {
    if (payload.length > SCRATCH_UNITS) return viaHmac(payload);
    const end = 64 + inner.write(payload, 64, 'utf8');
    outer.set(oneShot('sha256', inner.subarray(0, end), 'buffer'), 64);
    return oneShot('sha256', outer, 'buffer').toString('base64url', 0, 16);
  };
}

/**
 * `hmacSigner` on node:crypto's native HMAC-SHA-256: the same tokens byte for byte (so the two read
 * each other's cursors), several times faster. Takes the same secrets and `previous` for rotation.
 */
export function nodeHmacSigner(secret: HmacSecret | readonly HmacSecret[], options: HmacSignerOptions = {}): CursorSigner {
  return rotatingSigner(secretKeys('nodeHmacSigner', secret, options).map(macOf));
}
