import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { PaginationConfigError } from './errors';

/** Signs cursor payloads so that altered or foreign cursors are rejected. */
export interface CursorSigner {
  /** A URL-safe token for `payload`; the same payload must always give the same token. */
  sign(payload: string): string;
  /**
   * Whether `token` signs `payload` (with the current or a previous key). Optional: without it a
   * token is checked by comparing it with `sign(payload)` in constant time.
   */
  verify?(payload: string, token: string): boolean;
}

/** A server secret: text (its UTF-8 bytes) or bytes, at least 16 bytes long. */
export type HmacSecret = string | Uint8Array;

/** Options of {@link hmacSigner}. */
export interface HmacSignerOptions {
  /** Retired secrets whose cursors are still accepted (key rotation); new cursors use the current one. */
  readonly previous?: readonly HmacSecret[];
}

const utf8 = new TextEncoder();
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The key bytes of each secret, current first, checked once: a missing or short secret is a
 * PaginationConfigError naming the option, never a TypeError at the first request.
 * @internal shared with `pagewise/node`.
 */
export function secretKeys(name: string, secret: unknown, options: HmacSignerOptions = {}): Uint8Array[] {
  const list: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  const all = [...list, ...(options.previous ?? [])];
  if (all.length === 0) throw new PaginationConfigError('INVALID_OPTIONS', `${name}: the \`secret\` option is required`);
  return all.map((value, index) => {
    const label = index === 0 ? '`secret`' : `previous secret ${index}`;
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
      throw new PaginationConfigError(
        'INVALID_OPTIONS',
        `${name}: the ${label} option must be a string or Uint8Array, got ${typeof value}`,
      );
    }
    const key = typeof value === 'string' ? utf8.encode(value) : value;
    if (key.length < 16) throw new PaginationConfigError('INVALID_OPTIONS', `${name}: the ${label} option must be at least 16 bytes`);
    return key;
  });
}

/** Unpadded base64url of the first 16 bytes of a MAC: the token every pagewise HMAC signer writes. */
export function macToken(mac: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 15; i += 3) {
    const n = (mac[i]! << 16) | (mac[i + 1]! << 8) | mac[i + 2]!;
    out += URL_SAFE[n >> 18]! + URL_SAFE[(n >> 12) & 63]! + URL_SAFE[(n >> 6) & 63]! + URL_SAFE[n & 63]!;
  }
  const last = mac[15]!;
  return out + URL_SAFE[last >> 2]! + URL_SAFE[(last & 3) << 4]!;
}

/** A signer from one MAC function per key (current first): signs with the first, verifies with all. */
export function rotatingSigner(macs: ReadonlyArray<(payload: string) => string>): CursorSigner {
  const current = macs[0]!;
  return {
    sign: current,
    verify(payload: string, token: string): boolean {
      let ok = false;
      // Every key is tried, so the time does not tell which one matched.
      for (const mac of macs) ok = constantTimeEqual(token, mac(payload)) || ok;
      return ok;
    },
  };
}

/**
 * HMAC-SHA-256 signer (first 16 bytes, base64url) with a server secret, plus previous secrets still
 * accepted (`hmacSigner(current, { previous: [old] })` or `hmacSigner([current, old])`). Pure
 * JavaScript (@noble/hashes), so it runs wherever core runs; the keyed state is derived once.
 */
export function hmacSigner(secret: HmacSecret | readonly HmacSecret[], options: HmacSignerOptions = {}): CursorSigner {
  const macs = secretKeys('hmacSigner', secret, options).map((key) => {
    const keyed = hmac.create(sha256, key);
    return (payload: string): string => macToken(keyed.clone().update(utf8.encode(payload)).digest());
  });
  return rotatingSigner(macs);
}

/** Compares two strings in time independent of where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}
