// pagewise/node: Node-only helpers. Core stays runtime-neutral; this subpath may use node:* modules.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { CursorSigner, HmacSecret, HmacSignerOptions } from '../core/internal';
import { rotatingSigner, secretKeys } from '../core/signer';

/**
 * `hmacSigner` on node:crypto's native HMAC-SHA-256: the same tokens byte for byte (so the two read
 * each other's cursors), several times faster. Takes the same secrets and `previous` for rotation.
 */
export function nodeHmacSigner(secret: HmacSecret | readonly HmacSecret[], options: HmacSignerOptions = {}): CursorSigner {
  const macs = secretKeys('nodeHmacSigner', secret, options).map((bytes) => {
    // A KeyObject made once: createHmac with raw bytes would copy and import the key on every call.
    const key: KeyObject = createSecretKey(bytes);
    // core's macToken, natively: base64url (unpadded) of the MAC's first 16 bytes.
    return (payload: string): string => createHmac('sha256', key).update(payload).digest().toString('base64url', 0, 16);
  });
  return rotatingSigner(macs);
}
