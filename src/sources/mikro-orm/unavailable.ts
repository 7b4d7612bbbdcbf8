import { ConnectionException } from '@mikro-orm/core';
import { PaginationError } from '../../core';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_GET_CONNECTION_TIMEOUT',
  'ER_CONNECTION_TIMEOUT',
  'ER_SOCKET_UNEXPECTED_CLOSE',
  'ER_CON_COUNT_ERROR',
  '57P01',
  '57P03',
  '08001',
  '08006',
  'SQLITE_CANTOPEN',
]);

const CONNECTION_MESSAGES =
  /timeout acquiring a connection|connection terminated|connect(ion)? timeout|connection (is )?closed|server closed the connection|pool is (probably )?full|retrieve connection from pool timeout|socket has unexpectedly been closed|unable to acquire a connection|Connection lost/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  if (typeof code === 'string') return code;
  return typeof errno === 'string' ? errno : undefined;
}

/** True when `error` says the database could not be reached, rather than that a query was wrong. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  if (code !== undefined && CONNECTION_CODES.has(code)) return true;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isConnectionFailure(cause);
}

/**
 * Runs a query; a connection failure becomes SOURCE_UNAVAILABLE with a short message (the driver's
 * error kept as `cause`, no stack or SQL in the message). Other errors pass through unchanged.
 */
export async function guarded<R>(what: string, query: () => Promise<R>): Promise<R> {
  try {
    return await query();
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    const code = codeOf(error);
    const reason = code ?? ((error as { name?: string }).name === 'KnexTimeoutError' ? 'timed out' : 'connection failed');
    throw new PaginationError('SOURCE_UNAVAILABLE', `The database is unavailable (${reason}) while running the ${what} query.`, {
      cause: error,
    });
  }
}
