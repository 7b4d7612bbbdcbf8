// The SDL a schema-first server includes next to its own: the directive, the enums of its arguments,
// and the shared types. Kept as a string so nothing is read from disk at run time; schema/pagewise.graphql
// is the same text for tools that read files (a test keeps the two equal; prettier leaves the file alone).

import { printType } from 'graphql';
import { pageInfoType, pageLinkType } from '../graphql';

/** The names of the enums the directive's arguments use; the transformer removes them when unused. */
export const directiveEnumNames = [
  'PaginationStyle',
  'PaginationShape',
  'PaginationCursorMode',
  'PaginationDirections',
  'PaginationOversize',
  'PaginationCount',
] as const;

/** The shared types of the SDL; the transformer keeps them only when something references them. */
export const sharedTypeNames = ['PageInfo', 'PageLink', 'PageNumber'] as const;

// PageInfo and PageLink printed from the graphql-js types: one definition for every adapter.
const sharedTypes = `${printType(pageInfoType)}

${printType(pageLinkType)}

"""
A 1-based page number, or a string naming the last page (such as "last").
"""
scalar PageNumber
`;

const enums = `"""
Django REST framework's pagination styles.
"""
enum PaginationStyle {
  """
  \`page\` and \`pageSize\` arguments (DRF's PageNumberPagination).
  """
  PAGE_NUMBER

  """
  \`limit\` and \`offset\` arguments (DRF's LimitOffsetPagination).
  """
  LIMIT_OFFSET

  """
  Relay's \`first\`, \`after\`, \`last\` and \`before\` over a keyset (DRF's CursorPagination).
  """
  CURSOR
}

"""
What a paginated field returns.
"""
enum PaginationShape {
  """
  A Relay connection: \`<Node>Connection\` with edges, nodes, pageInfo and totalCount.
  """
  CONNECTION

  """
  An offset list: \`<Node>Page\` with results, count, next, previous and pageInfo (DRF's body).
  """
  OFFSET_LIST
}

"""
How cursor positions are written.
"""
enum PaginationCursorMode {
  """
  The whole ordering key in the cursor: a true keyset seek (the default).
  """
  EXACT

  """
  DRF's algorithm exactly: a position and an offset for ties.
  """
  DRF
}

"""
Which Relay arguments a cursor field offers.
"""
enum PaginationDirections {
  """
  \`first\`, \`after\`, \`last\` and \`before\` (the default).
  """
  BOTH

  """
  \`first\` and \`after\`.
  """
  FORWARD

  """
  \`last\` and \`before\`.
  """
  BACKWARD
}

"""
What a page size above the maximum does.
"""
enum PaginationOversize {
  """
  The size is clamped to the maximum (the default).
  """
  CLAMP

  """
  The request fails with INVALID_ARGUMENT.
  """
  ERROR
}

"""
How the total count is computed (docs/counts.md).
"""
enum PaginationCount {
  """
  A COUNT beside the page (the default).
  """
  EXACT

  """
  Counted in the page's own statement (page-number and limit-offset).
  """
  FOLDED

  """
  Counted up to \`countCap\` rows; past it, at least that many.
  """
  CAPPED

  """
  The database planner's estimate (PostgreSQL; exact elsewhere).
  """
  ESTIMATED
}
`;

/** The directive's definition under `name` (the arguments are described in the README). */
function directiveDefinition(name: string): string {
  return `"""
Paginates a list field: its type becomes a Relay connection (\`<Node>Connection\`) or an offset list
(\`<Node>Page\`) and the style's arguments are added. The field's own resolver returns the rows: an
array, a PageSource, or a value the server's \`toSource\` turns into one.
"""
directive @${name}(
  """
  The pagination style (default CURSOR).
  """
  style: PaginationStyle = CURSOR

  """
  What the field returns (default CONNECTION).
  """
  shape: PaginationShape = CONNECTION

  """
  Rows per page when the client names none (limit-offset: the default limit).
  """
  pageSize: Int

  """
  The most rows a client may ask for (limit-offset: the maximum limit).
  """
  maxPageSize: Int

  """
  The ordering: fields of the node type, each optionally prefixed with "-" for descending. Cursor
  style: the keyset (DRF's default is "-created"); other styles: the order of the slices.
  """
  ordering: [String!]

  """
  Cursor style: the fields a client may order by; adds an \`ordering\` argument.
  """
  orderingFields: [String!]

  """
  Cursor style: how positions are written (default EXACT).
  """
  cursorMode: PaginationCursorMode

  """
  Cursor style: which Relay arguments the field offers (default BOTH).
  """
  directions: PaginationDirections

  """
  A page size above the maximum: CLAMP it (default) or ERROR.
  """
  onOversize: PaginationOversize

  """
  How the total count is computed (default EXACT); CAPPED needs \`countCap\`.
  """
  count: PaginationCount

  """
  The cap of a CAPPED count: rows counted up to it.
  """
  countCap: Int
) on FIELD_DEFINITION
`;
}

/** The SDL of the directive named `name`, its enums, `PageInfo` and the `PageNumber` scalar. */
export function paginateDirectiveTypeDefs(name: string): string {
  return `${directiveDefinition(name)}\n${enums}\n${sharedTypes}`;
}

/** The SDL schema-first servers include: `@paginate`, its enums, `PageInfo` and `PageNumber` (schema/pagewise.graphql). */
export const paginateTypeDefs: string = paginateDirectiveTypeDefs('paginate');
