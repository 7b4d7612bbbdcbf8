import { PaginationError } from '../../core/internal';

// Driver codes of a database that cannot be reached or stopped answering: node's socket errors, the
// mariadb connector's (ER_*), PostgreSQL's SQLSTATEs (57P0x shutdown, 53300 too many connections,
// 57014 a statement cancelled, as statement_timeout does) and MariaDB's max_statement_time (1969).
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
  'ER_CMD_CONNECTION_CLOSED',
  'ER_SOCKET_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  'SQLITE_CANTOPEN',
  'SQLITE_INTERRUPT',
  'SQLITE_BUSY',
]);

// SQLSTATE class 08, "connection exception" (PostgreSQL's `code`, MariaDB's `sqlState`: 08S01 and kin).
const CONNECTION_CLASS = /^08/;

// Messages of the same failures where a driver gives no code: pg's connect timeout is a bare
// "timeout expired", a socket closed mid-query "Connection terminated unexpectedly", a client whose
// socket broke "... is not queryable"; knex's pool "Timeout acquiring a connection".
const CONNECTION_MESSAGES =
  /timeout acquiring a connection|connection terminated|connect(ion)? timeout|connection (is )?closed|server closed the connection|pool is (probably )?full|retrieve connection from pool timeout|socket has unexpectedly been closed|unable to acquire a connection|Connection lost|is not queryable|^timeout expired$|Query read timeout|query timeout expired/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  if (typeof code === 'string') return code;
  return typeof errno === 'string' ? errno : undefined;
}

/** A builder's own test of its connection errors (MikroORM's ConnectionException), checked first. */
export type ConnectionTest = (error: unknown) => boolean;

/**
 * True when `error` (or its `cause`, at any depth) says the database could not be reached, rather
 * than that a query was wrong: by driver codes, SQLSTATE class 08 and known messages, or `known`.
 */
export function isConnectionFailure(error: unknown, known?: ConnectionTest): boolean {
  if (known?.(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = codeOf(error);
  if (code !== undefined && (CONNECTION_CODES.has(code) || CONNECTION_CLASS.test(code))) return true;
  const { name, message, sqlState } = error as { name?: unknown; message?: unknown; sqlState?: unknown };
  if (typeof sqlState === 'string' && CONNECTION_CLASS.test(sqlState)) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isConnectionFailure(cause, known);
}

/**
 * Runs a query; a connection failure becomes SOURCE_UNAVAILABLE with a short message (the driver's
 * error kept as `cause`, no stack or SQL in the message). Other errors pass through unchanged.
 */
export async function guarded<R>(what: string, query: () => Promise<R>, known?: ConnectionTest): Promise<R> {
  try {
    return await query();
  } catch (error) {
    if (!isConnectionFailure(error, known)) throw error;
    const { name, message } = error as { name?: unknown; message?: unknown };
    // pg's connect timeout and knex's acquire timeout carry no code; their reason is the timeout.
    const timedOut = name === 'KnexTimeoutError' || (typeof message === 'string' && /timeout/i.test(message));
    const reason = codeOf(error) ?? (timedOut ? 'timed out' : 'connection failed');
    throw new PaginationError('SOURCE_UNAVAILABLE', `The database is unavailable (${reason}) while running the ${what} query.`, {
      cause: error,
    });
  }
}
