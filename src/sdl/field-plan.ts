import { isInterfaceType, isListType, isNonNullType, isObjectType, isUnionType, type GraphQLOutputType } from 'graphql';
import {
  checkCountStrategy,
  orderingOf,
  paginationOf,
  parseOrdering,
  traitsOf,
  PaginationConfigError,
  type CountStrategy,
  type CursorMode,
  type CursorSigner,
  type OrderingField,
} from '../core/internal';
import type { GraphQLPagination, NodeType, RelayDirections } from '../graphql';

/** Defaults of every `@paginate` field of a schema; the directive's own arguments win. */
export interface PaginateDefaults {
  /** Rows per page when neither the client nor the directive names a size. */
  readonly pageSize?: number | null;
  /** The most rows a client may ask for when the directive names no maximum. */
  readonly maxPageSize?: number | null;
  /** Cursor style: how positions are written (default `exact`). */
  readonly cursorMode?: CursorMode;
  /** A page size above the maximum: `clamp` (default) or `error`. */
  readonly onOversize?: 'clamp' | 'error';
  /** Cursor style: signs cursors so a tampered one is INVALID_CURSOR (`hmacSigner(secret)`). */
  readonly signer?: CursorSigner | null;
}

/** What a `@paginate` field became: the pagination, the shape, and the per-field options. */
export interface FieldPlan {
  readonly coordinate: string;
  readonly node: NodeType;
  readonly nonNull: boolean;
  readonly pagination: GraphQLPagination;
  readonly shape: 'connection' | 'offset-list';
  /** The order of page-number and limit-offset slices (cursor pages carry theirs in the pagination). */
  readonly sliceOrdering: readonly OrderingField[] | undefined;
  readonly directions: RelayDirections;
  readonly onOversize: 'clamp' | 'error';
  /** How the field counts (`count` and `countCap`); undefined: exact. */
  readonly count: CountStrategy | undefined;
}

const STYLES = { CURSOR: 'cursor', PAGE_NUMBER: 'page-number', LIMIT_OFFSET: 'limit-offset' } as const;
const SHAPES = { CONNECTION: 'connection', OFFSET_LIST: 'offset-list' } as const;
const MODES = { EXACT: 'exact', DRF: 'drf' } as const;
const DIRECTIONS = { BOTH: 'both', FORWARD: 'forward', BACKWARD: 'backward' } as const;
const OVERSIZE = { CLAMP: 'clamp', ERROR: 'error' } as const;
const COUNTS = { EXACT: 'exact', FOLDED: 'folded', CAPPED: 'capped', ESTIMATED: 'estimated' } as const;

/** Builds the misuse error of one field, naming the directive and the field (`Query.articles`). */
export function fieldError(
  directive: string,
  coordinate: string,
  message: string,
  code: 'INVALID_OPTIONS' | 'UNKNOWN_ORDERING_FIELD' = 'INVALID_OPTIONS',
) {
  return new PaginationConfigError(code, `@${directive} on ${coordinate}: ${message}`);
}

function pick<T extends Record<string, string>>(
  table: T,
  value: unknown,
  argument: string,
  fail: (message: string) => Error,
): T[keyof T] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && Object.hasOwn(table, value)) return table[value as keyof T];
  throw fail(`unknown ${argument} ${JSON.stringify(value)} (expected one of ${Object.keys(table).join(', ')})`);
}

function size(value: unknown, argument: string, fail: (message: string) => Error): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw fail(`${argument} must be a non-negative integer, not ${JSON.stringify(value)}`);
  }
  return value;
}

function strings(value: unknown, argument: string, fail: (message: string) => Error): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw fail(`${argument} must be a list of strings`);
}

/** The node type of a list field (`[Article!]!` gives Article), or null when the field is not a flat list. */
function listNode(type: GraphQLOutputType): { node: NodeType; nonNull: boolean } | null {
  const nonNull = isNonNullType(type);
  const list = nonNull ? type.ofType : type;
  if (!isListType(list)) return null;
  const item = isNonNullType(list.ofType) ? list.ofType.ofType : list.ofType;
  if (isListType(item)) return null;
  return { node: item as NodeType, nonNull };
}

/** Whether `path` (dotted for nested objects) names a field of `node`. */
function hasField(node: NodeType, path: string): boolean {
  let type: GraphQLOutputType = node;
  for (const part of path.split('.')) {
    while (isNonNullType(type) || isListType(type)) type = type.ofType;
    if (!isObjectType(type) && !isInterfaceType(type)) return false;
    const field = type.getFields()[part];
    if (!field) return false;
    type = field.type;
  }
  return true;
}

/**
 * Reads a `@paginate` use: checks the field is a list, the arguments are known and consistent, and
 * every ordering field exists on the node type. Throws PaginationConfigError naming the field.
 */
export function planField(
  directive: string,
  coordinate: string,
  type: GraphQLOutputType,
  args: Readonly<Record<string, unknown>>,
  defaults: PaginateDefaults,
): FieldPlan {
  const fail = (message: string) => fieldError(directive, coordinate, message);
  const list = listNode(type);
  if (!list) throw fail(`the field must return a list of nodes, such as [Article!]!, not ${String(type)}`);
  const style = pick(STYLES, args['style'], 'style', fail) ?? 'cursor';
  const shape = pick(SHAPES, args['shape'], 'shape', fail) ?? 'connection';
  const cursorMode = pick(MODES, args['cursorMode'], 'cursorMode', fail);
  const directions = pick(DIRECTIONS, args['directions'], 'directions', fail) ?? 'both';
  const onOversize = pick(OVERSIZE, args['onOversize'], 'onOversize', fail) ?? defaults.onOversize ?? 'clamp';
  const pageSize = size(args['pageSize'], 'pageSize', fail) ?? defaults.pageSize ?? null;
  const maxPageSize = size(args['maxPageSize'], 'maxPageSize', fail) ?? defaults.maxPageSize ?? null;
  if (pageSize && maxPageSize && pageSize > maxPageSize) throw fail(`pageSize (${pageSize}) is above maxPageSize (${maxPageSize})`);
  const ordering = strings(args['ordering'], 'ordering', fail);
  const orderingFields = strings(args['orderingFields'], 'orderingFields', fail);

  let pagination: GraphQLPagination;
  let parsed: OrderingField[] | undefined;
  try {
    parsed = ordering && parseOrdering(ordering);
    pagination = paginationOf(style, {
      pageSize,
      maxPageSize,
      ...(ordering && { ordering }),
      ...(orderingFields && { orderingFields }),
      mode: cursorMode ?? defaults.cursorMode ?? 'exact',
      signer: defaults.signer ?? null,
    });
  } catch (error) {
    throw error instanceof PaginationConfigError ? fail(error.message) : error;
  }

  const count = countOf(args, pagination.style, fail);

  // Directions and the keyset mode are the cursor style's; said at definition, not ignored.
  if (!traitsOf(pagination).directional) {
    for (const [name, value] of Object.entries({ cursorMode, directions: args['directions'] })) {
      if (value !== undefined && value !== null) throw fail(`${name} applies to the cursor style only`);
    }
  }

  // The cursor style's default ordering ("-created", DRF's) is checked too: a node without `created`
  // needs an explicit ordering, and it is better said now than on the first request.
  const checked = [
    ...(orderingOf(pagination) ?? parsed ?? []).map(({ field }) => field),
    ...(orderingFields ?? []).flatMap((term) => parseOrdering(term).map(({ field }) => field)),
  ];
  // A union's members have no common fields to check against; its rows are the source's business.
  for (const field of isUnionType(list.node) ? [] : checked) {
    if (!hasField(list.node, field)) {
      throw fieldError(
        directive,
        coordinate,
        `the ordering field "${field}" is not a field of ${list.node.name}`,
        'UNKNOWN_ORDERING_FIELD',
      );
    }
  }
  return { coordinate, node: list.node, nonNull: list.nonNull, pagination, shape, sliceOrdering: parsed, directions, onOversize, count };
}

/** The directive's `count` and `countCap` as a count strategy; `countCap` goes with CAPPED only. */
function countOf(
  args: Readonly<Record<string, unknown>>,
  style: GraphQLPagination['style'],
  fail: (message: string) => Error,
): CountStrategy | undefined {
  const count = pick(COUNTS, args['count'], 'count', fail);
  const cap = size(args['countCap'], 'countCap', fail);
  if ((count === 'capped') !== (cap !== undefined && cap !== null)) throw fail('count CAPPED goes with countCap, and countCap with CAPPED');
  try {
    return checkCountStrategy(count === 'capped' ? { capped: cap } : count, style);
  } catch (error) {
    throw error instanceof PaginationConfigError ? fail(error.message) : error;
  }
}
