/** Stable codes of errors caused by a client's input. */
export type PaginationErrorCode = 'INVALID_PAGE' | 'INVALID_CURSOR' | 'INVALID_ARGUMENT' | 'SOURCE_UNAVAILABLE';

/**
 * A client's bad input (or an unusable data source), with a stable `code`. Adapters map it:
 * GraphQL to `extensions.code`, REST to DRF's status and `{"detail": ...}` body.
 */
export class PaginationError extends Error {
  override readonly name = 'PaginationError';
  /** Stable machine-readable code. */
  readonly code: PaginationErrorCode;
  /** The argument or query parameter at fault, when there is one. */
  readonly argument: string | undefined;

  constructor(code: PaginationErrorCode, message: string, options: { argument?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.argument = options.argument;
  }

  /** "Invalid page." and its kin (DRF's NotFound for page numbers). */
  static invalidPage(message: string, argument?: string): PaginationError {
    return new PaginationError('INVALID_PAGE', message, argument === undefined ? {} : { argument });
  }

  /** "Invalid cursor" (DRF's NotFound for cursors). */
  static invalidCursor(message = 'Invalid cursor', argument?: string): PaginationError {
    return new PaginationError('INVALID_CURSOR', message, argument === undefined ? {} : { argument });
  }

  /** An argument outside what the pagination accepts (negative `first`, an unknown ordering field). */
  static invalidArgument(message: string, argument?: string): PaginationError {
    return new PaginationError('INVALID_ARGUMENT', message, argument === undefined ? {} : { argument });
  }
}

/** Stable codes of programmer misuse. */
export type PaginationConfigErrorCode = 'INVALID_OPTIONS' | 'UNKNOWN_ORDERING_FIELD';

/**
 * A developer's misuse (bad options, an ordering on an unknown field), thrown when a pagination or
 * source is defined, never as a reaction to a client's request.
 */
export class PaginationConfigError extends Error {
  override readonly name = 'PaginationConfigError';
  /** Stable machine-readable code. */
  readonly code: PaginationConfigErrorCode;

  constructor(code: PaginationConfigErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Throws a {@link PaginationConfigError} unless `condition` holds. */
export function assertConfig(condition: unknown, message: string, code: PaginationConfigErrorCode = 'INVALID_OPTIONS'): asserts condition {
  if (!condition) throw new PaginationConfigError(code, message);
}

/** True for a {@link PaginationError}, also across bundled copies of pagewise. */
export function isPaginationError(error: unknown): error is PaginationError {
  return error instanceof PaginationError || (error instanceof Error && error.name === 'PaginationError' && 'code' in error);
}
