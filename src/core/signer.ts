import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { encodeBase64 } from './base64';

/** Signs cursor payloads so that altered or foreign cursors are rejected. */
export interface CursorSigner {
  /** A URL-safe token for `payload`; the same payload must always give the same token. */
  sign(payload: string): string;
}

/**
 * HMAC-SHA-256 signer (first 16 bytes, base64url) with a server secret. Pure JavaScript
 * (@noble/hashes), so it runs wherever core runs.
 */
export function hmacSigner(secret: string | Uint8Array): CursorSigner {
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (key.length < 16) throw new RangeError('hmacSigner: the secret must be at least 16 bytes');
  return {
    sign(payload: string): string {
      const mac = hmac(sha256, key, new TextEncoder().encode(payload)).slice(0, 16);
      return encodeBase64(mac).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
  };
}

/** Compares two strings in time independent of where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}
