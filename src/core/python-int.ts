// Python's int(str) accepts what JavaScript's parseInt/Number do not (and the reverse): surrounding
// Unicode whitespace, a leading sign, "_" between digits and any Unicode decimal digit. DRF's rules
// for page sizes, limits, offsets and cursor offsets all start from it (reference §1.4).

// Python's str.isspace() includes the ASCII separators \x1c-\x1f, so the class must too.
const SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_WHITESPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
const DIGIT = /^\p{Nd}$/u;

function digitValue(char: string): number {
  // Unicode puts each decimal digit set in a run of ten code points, zero first, and adjacent sets
  // (the mathematical digits) are whole runs, so the value is the distance from the run's start mod 10.
  let cp = char.codePointAt(0)!;
  let distance = 0;
  while (DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    distance += 1;
  }
  return distance % 10;
}

/**
 * Parses `text` as Python's `int(text)` does and returns it as a bigint, or null where Python would
 * raise ValueError.
 */
export function parsePythonInt(text: string): bigint | null {
  const trimmed = text.replace(PY_WHITESPACE, '');
  if (trimmed === '') return null;
  let index = 0;
  let negative = false;
  const sign = trimmed[0];
  if (sign === '+' || sign === '-') {
    negative = sign === '-';
    index = 1;
  }
  let digits = '';
  let previousWasDigit = false;
  for (const char of trimmed.slice(index)) {
    if (char === '_') {
      if (!previousWasDigit) return null;
      previousWasDigit = false;
    } else if (DIGIT.test(char)) {
      digits += char <= '9' && char >= '0' ? char : String(digitValue(char));
      previousWasDigit = true;
    } else {
      return null;
    }
  }
  if (!previousWasDigit) return null;
  const value = BigInt(digits);
  return negative ? -value : value;
}

/** Options of {@link positiveInt}: DRF's `_positive_int(value, strict, cutoff)`. */
export interface PositiveIntOptions {
  /** Reject 0 as well as negatives. */
  readonly strict?: boolean;
  /** Cap the result; 0, null or undefined mean no cap (DRF tests truthiness). */
  readonly cutoff?: number | null;
}

/**
 * DRF's `_positive_int`: Python int parsing, negatives (and 0 when strict) rejected, an optional cap.
 * Returns null where DRF raises ValueError. Numbers (from GraphQL) must be safe integers.
 */
export function positiveInt(value: string | number, options: PositiveIntOptions = {}): number | null {
  let parsed: bigint | null;
  if (typeof value === 'number') {
    parsed = Number.isSafeInteger(value) ? BigInt(value) : null;
  } else {
    parsed = parsePythonInt(value);
  }
  if (parsed === null || parsed < 0n || (parsed === 0n && options.strict === true)) return null;
  const cutoff = options.cutoff;
  if (cutoff) return Number(parsed < BigInt(cutoff) ? parsed : BigInt(cutoff));
  return parsed > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(parsed);
}
