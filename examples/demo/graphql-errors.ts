// What a GraphQL client is told when something fails: a client's own mistake keeps its message and
// code (pagination errors, syntax, validation, the cost limit); anything else, a SQL error or a
// driver's "timeout expired", becomes one generic coded message, and the original is logged here.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatPaginationError, QUERY_TOO_COSTLY } from 'pagewise/graphql';

// Codes whose message is about the request, never about the server's internals.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  QUERY_TOO_COSTLY,
]);

/** The generic message of every server-side failure. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error.';

/** Apollo Server's `formatError` for the demo; `log` hears of each error the client is not told about. */
export function demoErrorFormatter(
  log: (error: unknown) => void,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.['code'];
    // Pagination errors carry their own code and a message written for clients (SOURCE_UNAVAILABLE's generic one).
    if (formatted.extensions?.['paginationCode'] !== undefined) return formatPaginationError(formatted, error);
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const extensions = { ...formatted.extensions };
      delete extensions['stacktrace'];
      // Apollo codes every validation error GRAPHQL_VALIDATION_FAILED; the cost limit's own code is the stable one.
      const original = error instanceof GraphQLError ? error.originalError : undefined;
      if (original instanceof GraphQLError && original.extensions['code'] === QUERY_TOO_COSTLY) extensions['code'] = QUERY_TOO_COSTLY;
      return { ...formatted, extensions };
    }
    try {
      log(unwrapResolverError(error));
    } catch {
      // A failing logger must not turn an answer into a crash.
    }
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
