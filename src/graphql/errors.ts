import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isPaginationError, type PaginationError } from '../core/internal';

// The REST adapter's text too (DRF's ServiceUnavailable): a source's own message may name hosts or drivers.
const UNAVAILABLE = 'Service temporarily unavailable, try again later.';

/**
 * A client's pagination error as a GraphQLError: `extensions.code` is `BAD_USER_INPUT`
 * (`SERVICE_UNAVAILABLE` for SOURCE_UNAVAILABLE, with one generic message), `paginationCode` our
 * stable code, `argumentName` the argument at fault. No original error is attached, so no stack
 * reaches a client.
 */
export function toGraphQLError(error: PaginationError): GraphQLError {
  return new GraphQLError(error.code === 'SOURCE_UNAVAILABLE' ? UNAVAILABLE : error.message, {
    extensions: {
      code: error.code === 'SOURCE_UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : 'BAD_USER_INPUT',
      paginationCode: error.code,
      ...(error.argument !== undefined && { argumentName: error.argument }),
    },
  });
}

/** Runs `work`, turning a PaginationError into its GraphQLError; anything else passes through. */
export async function withGraphQLErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isPaginationError(error) ? toGraphQLError(error) : error;
  }
}

/**
 * Apollo Server's `formatError` for pagination errors: drops `extensions.stacktrace` from them, which
 * Apollo adds in development, since a client's bad argument is not a server fault.
 */
export function formatPaginationError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  if (formatted.extensions?.['paginationCode'] === undefined) return formatted;
  const extensions = { ...formatted.extensions };
  delete extensions['stacktrace'];
  return { ...formatted, extensions };
}
