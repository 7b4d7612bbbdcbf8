/** The content type of every body the adapter writes (DRF's JSONRenderer's, without a charset). */
export const JSON_CONTENT_TYPE = 'application/json';

// The two line separators JSON allows raw and DRF escapes.
const SEPARATORS = /[\u2028\u2029]/;

/**
 * DRF's JSONRenderer output: compact separators, non-ASCII kept as UTF-8, and U+2028/U+2029 escaped
 * so the body is also valid JavaScript.
 */
export function renderJson(value: unknown): string {
  const text = JSON.stringify(value === undefined ? null : value);
  // One scan for the common body without either character, rather than two replacing scans.
  return SEPARATORS.test(text) ? text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : text;
}
