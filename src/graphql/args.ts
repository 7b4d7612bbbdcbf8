import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLArgumentConfig,
  type GraphQLFieldConfigArgumentMap,
} from 'graphql';
import { fieldArguments, orderingFieldsOf, type ArgumentRole, type Pagination, type RelayDirections } from '../core/internal';
import { descriptions } from './descriptions';
import { PageNumberScalar } from './page-number-scalar';

/** Any of core's resolved paginations; its `style` picks the arguments. */
export type GraphQLPagination = Pagination;

export type { RelayDirections };

/** Options of the argument maps. */
export interface PaginationArgsOptions {
  /** Cursor style: `forward` offers first/after, `backward` last/before, `both` all four (default). */
  readonly directions?: RelayDirections;
  /**
   * Page-number and limit-offset: offer Relay's `first`, `after`, `last` and `before` as well (row
   * cursors), so Relay's `@connection` takes every style (default true).
   */
  readonly after?: boolean;
  /** Cursor style: offer `ordering` (default: when the pagination has `orderingFields`). */
  readonly ordering?: boolean;
}

const byRole: Record<ArgumentRole, GraphQLArgumentConfig> = {
  first: { type: GraphQLInt, description: descriptions.first },
  after: { type: GraphQLString, description: descriptions.after },
  last: { type: GraphQLInt, description: descriptions.last },
  before: { type: GraphQLString, description: descriptions.before },
  ordering: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)), description: descriptions.ordering },
  page: { type: PageNumberScalar, description: descriptions.pageArg },
  pageSize: { type: GraphQLInt, description: descriptions.pageSizeArg },
  limit: { type: GraphQLInt, description: descriptions.limitArg },
  offset: { type: GraphQLInt, description: descriptions.offsetArg },
  afterRow: { type: GraphQLString, description: descriptions.afterOffsetArg },
  beforeRow: { type: GraphQLString, description: descriptions.beforeOffsetArg },
};

const argumentsOf = (style: Pagination['style'], options: PaginationArgsOptions): GraphQLFieldConfigArgumentMap =>
  Object.fromEntries(fieldArguments(style, options).map(({ name, role }) => [name, byRole[role]]));

/** Relay's arguments: `first`, `after`, `last`, `before` (forward, backward or both). */
export function cursorArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return argumentsOf('cursor', options);
}

/** Page-number arguments: `page` (Int or a last-page string), `pageSize`, and Relay's four (row cursors). */
export function pageNumberArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return argumentsOf('page-number', options);
}

/** Limit-offset arguments: `limit`, `offset`, and Relay's four (row cursors). */
export function limitOffsetArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return argumentsOf('limit-offset', options);
}

/** The argument map of `pagination`'s style (core names the arguments; this gives them types). */
export function paginationArgs(pagination: GraphQLPagination, options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return argumentsOf(pagination.style, { ...options, ordering: options.ordering ?? orderingFieldsOf(pagination).length > 0 });
}
