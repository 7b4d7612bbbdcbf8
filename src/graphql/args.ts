import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLArgumentConfig,
  type GraphQLFieldConfigArgumentMap,
} from 'graphql';
import { fieldArguments, type ArgumentRole, type Pagination, type RelayDirections } from '../core/internal';
import { descriptions } from './descriptions';
import { PageNumberScalar } from './page-number-scalar';

/** Any of core's resolved paginations; its `style` picks the arguments. */
export type GraphQLPagination = Pagination;

export type { RelayDirections };

/** Options of the argument maps. */
export interface PaginationArgsOptions {
  /** Cursor style: `forward` offers first/after, `backward` last/before, `both` all four (default). */
  readonly directions?: RelayDirections;
  /** Page-number and limit-offset: offer `after` (an edge cursor) as well (default true). */
  readonly after?: boolean;
  /** Cursor style: offer `ordering` (default: when the pagination has `orderingFields`). */
  readonly ordering?: boolean;
}

/** Relay's arguments: `first`, `after`, `last`, `before` (forward, backward or both). */
export function cursorArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  const directions = options.directions ?? 'both';
  const forward = directions !== 'backward';
  const backward = directions !== 'forward';
  return {
    ...(forward && {
      first: { type: GraphQLInt, description: descriptions.first },
      after: { type: GraphQLString, description: descriptions.after },
    }),
    ...(backward && {
      last: { type: GraphQLInt, description: descriptions.last },
      before: { type: GraphQLString, description: descriptions.before },
    }),
    ...(options.ordering && { ordering: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)), description: descriptions.ordering } }),
  };
}

/** Page-number arguments: `page` (Int or a last-page string), `pageSize`, and `after`. */
export function pageNumberArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return {
    page: { type: PageNumberScalar, description: descriptions.pageArg },
    pageSize: { type: GraphQLInt, description: descriptions.pageSizeArg },
    ...(options.after !== false && { after: { type: GraphQLString, description: descriptions.afterOffsetArg } }),
  };
}

/** Limit-offset arguments: `limit`, `offset`, and `after`. */
export function limitOffsetArgs(options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return {
    limit: { type: GraphQLInt, description: descriptions.limitArg },
    offset: { type: GraphQLInt, description: descriptions.offsetArg },
    ...(options.after !== false && { after: { type: GraphQLString, description: descriptions.afterOffsetArg } }),
  };
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
};

/** The argument map of `pagination`'s style (core names the arguments; this gives them types). */
export function paginationArgs(pagination: GraphQLPagination, options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  return Object.fromEntries(fieldArguments(pagination, options).map(({ name, role }) => [name, byRole[role]]));
}
