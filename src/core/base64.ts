// Standard base64 (RFC 4648 §4, with padding), written out so core runs outside Node. Decoding follows
// Python's non-strict `b64decode` as DRF calls it: characters outside the alphabet are dropped, a lone
// data character or missing padding is an error, and input after the first padded quartet is ignored.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map<string, number>(Array.from(ALPHABET, (char, index) => [char, index]));

/** Standard base64 with padding of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]!;
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

/** Decodes like Python's `base64.b64decode(text)` (non-strict); null where Python raises. */
export function decodeBase64(text: string): Uint8Array | null {
  const out: number[] = [];
  let quadPos = 0;
  let pads = 0;
  let left = 0;
  for (const char of text) {
    if (char.codePointAt(0)! > 0x7f) return null; // str.encode('ascii') fails first
    if (char === '=') {
      if (quadPos >= 2 && quadPos + ++pads >= 4) return new Uint8Array(out);
      continue;
    }
    const value = LOOKUP.get(char);
    if (value === undefined) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        left = value;
        quadPos = 1;
        break;
      case 1:
        out.push(((left << 2) | (value >> 4)) & 0xff);
        left = value & 0x0f;
        quadPos = 2;
        break;
      case 2:
        out.push(((left << 4) | (value >> 2)) & 0xff);
        left = value & 0x03;
        quadPos = 3;
        break;
      default:
        out.push(((left << 6) | value) & 0xff);
        left = 0;
        quadPos = 0;
    }
  }
  return quadPos === 0 ? new Uint8Array(out) : null;
}

// Canonical standard base64: whole quartets, padding only at the end. For such text Python's
// non-strict decoding and the platform's `atob` agree, so `atob` takes it and the loop the rest.
// With the length a multiple of 4, this is exactly "whole quartets, at most two `=` at the end", and
// cheaper than matching quartet by quartet.
const CANONICAL = /^[A-Za-z0-9+/]*={0,2}$/;
const NON_ASCII = /[\x80-\uffff]/;

/** Base64 of an ASCII string (the platform's `btoa` where there is one: every cursor goes through here). */
export function encodeAsciiBase64(text: string): string {
  if (typeof btoa === 'function') return btoa(text);
  return encodeBase64(Uint8Array.from(text, (char) => char.charCodeAt(0)));
}

/** ASCII text of a base64 string, or null when it is not base64 or not ASCII. */
export function decodeAsciiBase64(text: string): string | null {
  if (typeof atob === 'function' && text.length % 4 === 0 && CANONICAL.test(text)) {
    const decoded = atob(text);
    return NON_ASCII.test(decoded) ? null : decoded;
  }
  const bytes = decodeBase64(text);
  if (bytes === null) return null;
  // One character at a time: spreading the bytes into fromCharCode overflows the stack on long input.
  let out = '';
  for (const byte of bytes) {
    if (byte > 0x7f) return null;
    out += String.fromCharCode(byte);
  }
  return out;
}
