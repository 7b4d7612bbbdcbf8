/** Python's `a // b + (1 if a % b else 0)` with floor semantics for negative `a`. */
function ceilDiv(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  return quotient + (a - quotient * b !== 0 ? 1 : 0);
}

/** DRF's page arithmetic of limit-offset's HTML controls: the current and final page numbers. */
export function limitOffsetPageNumbers(count: number, offset: number, limit: number): { current: number; final: number } {
  if (!limit) return { current: 1, final: 1 };
  const final = Math.max(ceilDiv(count - offset, limit) + ceilDiv(offset, limit), 1);
  return { current: Math.min(ceilDiv(offset, limit) + 1, final), final };
}
