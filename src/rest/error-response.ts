import { isPaginationError, type PaginationErrorCode } from '../core/internal';
import { JSON_CONTENT_TYPE, renderJson } from './json';
import type { RestRequest } from './request-url';

/** What the adapter answers: a status, headers and the rendered body. */
export interface RestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent (JSON text, or empty). */
  readonly body: string;
}

/** Called with an error the client is not told about (a 500 or a 503), for logging. */
export type RestErrorHook = (error: unknown, request: RestRequest) => void;

const STATUS: Record<PaginationErrorCode, number> = {
  INVALID_PAGE: 404,
  INVALID_CURSOR: 404,
  INVALID_ARGUMENT: 400,
  SOURCE_UNAVAILABLE: 503,
};

/** A DRF error response: the status and `{"detail": ...}`. */
export function detailResponse(status: number, detail: string, headers: Readonly<Record<string, string>> = {}): RestResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: renderJson({ detail }) };
}

/**
 * Maps an error to DRF's response: a client's bad page or cursor is 404 with DRF's detail text, a
 * bad argument 400, an unavailable source 503; anything else is a 500 with no stack trace, and
 * `onError` hears of it.
 */
export function errorResponse(error: unknown, request: RestRequest, onError?: RestErrorHook): RestResponse {
  if (isPaginationError(error)) {
    const status = STATUS[error.code] ?? 500;
    if (status < 500) return detailResponse(status, error.message);
    notify(onError, error, request);
    // DRF's ServiceUnavailable text: a source's own message may name hosts or drivers.
    return detailResponse(status, status === 503 ? 'Service temporarily unavailable, try again later.' : 'A server error occurred.');
  }
  notify(onError, error, request);
  return detailResponse(500, 'A server error occurred.');
}

function notify(onError: RestErrorHook | undefined, error: unknown, request: RestRequest): void {
  try {
    onError?.(error, request);
  } catch {
    // A failing logger must not turn an answer into a crash.
  }
}
