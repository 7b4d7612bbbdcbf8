// Relay's global object identification (https://relay.dev/graphql/objectidentification.htm): an id
// unique across types, written as graphql-relay writes it — standard base64 with padding of the UTF-8
// text `Type:id` — so ids made by either library are read by the other.
import { GraphQLError } from 'graphql';
import { decodeBase64, encodeBase64, PaginationError } from '../core/internal';
import { toGraphQLError } from './errors';

// A GraphQL Name (spec §2.1.9): the type part of a global id must be one to name a type.
const TYPE_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A global id's two parts, as graphql-relay's `fromGlobalId` returns them. */
export interface ResolvedGlobalId {
  /** The GraphQL type name. */
  readonly type: string;
  /** The id within the type, as text. */
  readonly id: string;
}

/**
 * The global id of row `id` of `type`: base64 of `Type:id`, byte for byte graphql-relay's
 * `toGlobalId` (so `toGlobalId('Article', 3)` is `"QXJ0aWNsZToz"`).
 */
export function toGlobalId(type: string, id: string | number): string {
  if (typeof id === 'number' && !Number.isInteger(id)) {
    throw new GraphQLError(`ID cannot represent value: ${id}`);
  }
  return encodeBase64(utf8.encode(`${type}:${id}`));
}

function invalid(message: string, argument: string): GraphQLError {
  return toGraphQLError(PaginationError.invalidArgument(message, argument));
}

function decode(globalId: string): ResolvedGlobalId | null {
  const bytes = decodeBase64(globalId);
  // Only the canonical text (what toGlobalId writes): Relay's store keys records by the id string,
  // so a second spelling of one id would be a second record.
  if (bytes === null || encodeBase64(bytes) !== globalId) return null;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  return colon > 0 && TYPE_NAME.test(type) && id !== '' ? { type, id } : null;
}

/**
 * The type name and id of a global id, as graphql-relay's `fromGlobalId` — but strict: text that
 * `toGlobalId` could not have written (not base64, not `Type:id`), or an id of another type than
 * `expected` names, is a GraphQLError coded INVALID_ARGUMENT (`argumentName` is `argument`), never
 * graphql-relay's silent `{ type: '', id: '' }`.
 */
export function fromGlobalId(
  globalId: string,
  options: { readonly expected?: string | readonly string[]; readonly argument?: string } = {},
): ResolvedGlobalId {
  const argument = options.argument ?? 'id';
  const resolved = decode(globalId);
  if (resolved === null) throw invalid('Invalid id: not a global id.', argument);
  const { expected } = options;
  if (expected !== undefined && !(typeof expected === 'string' ? [expected] : expected).includes(resolved.type)) {
    throw invalid(`Invalid id: not the id of ${typeof expected === 'string' ? expected : expected.join(' or ')}.`, argument);
  }
  return resolved;
}

const DECIMAL = /^(?:0|-?[1-9][0-9]*)$/;

/**
 * Reads the id part of an integer-keyed type (a node loader's `parseId`): the decimal text
 * `toGlobalId` writes of a safe integer, else undefined (then the id is rejected as INVALID_ARGUMENT).
 */
export function intId(id: string): number | undefined {
  if (!DECIMAL.test(id)) return undefined;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : undefined;
}
