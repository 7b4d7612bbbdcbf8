import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLFieldConfigArgumentMap } from 'graphql';
import type { CursorPagination, LimitOffsetPagination, PageNumberPagination } from '../core';
import { descriptions } from './descriptions';
import { PageNumberScalar } from './page-number-scalar';

/** Any of core's resolved paginations; its `style` picks the arguments. */
export type GraphQLPagination = CursorPagination | PageNumberPagination | LimitOffsetPagination;

/** Which Relay arguments a cursor field offers. */
export type RelayDirections = 'both' | 'forward' | 'backward';

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

/** The argument map of `pagination`'s style. */
export function paginationArgs(pagination: GraphQLPagination, options: PaginationArgsOptions = {}): GraphQLFieldConfigArgumentMap {
  switch (pagination.style) {
    case 'cursor':
      return cursorArgs({ ...options, ordering: options.ordering ?? pagination.orderingFields.length > 0 });
    case 'page-number':
      return pageNumberArgs(options);
    case 'limit-offset':
      return limitOffsetArgs(options);
  }
}
