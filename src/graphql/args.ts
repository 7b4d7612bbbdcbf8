import {
  GraphQLEnumType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLArgumentConfig,
  type GraphQLEnumValueConfigMap,
  type GraphQLFieldConfigArgumentMap,
} from 'graphql';
import { assertConfig, fieldArguments, orderingFieldsOf, type ArgumentRole, type Pagination, type RelayDirections } from '../core/internal';
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
  /**
   * Cursor style: type `ordering` as `[<name>!]`, an enum made from the allow-list (`createdAt` gives
   * `CREATED_AT_ASC` and `CREATED_AT_DESC`), instead of DRF's strings; introspection and codegen see it.
   */
  readonly orderingEnum?: string;
  /** Cursor style: offer `page: Int`, a jump to page N (an OFFSET scan, keyset cursors after; default false). */
  readonly jump?: boolean;
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
  jump: { type: GraphQLInt, description: descriptions.jumpArg },
};

const argumentsOf = (
  style: Pagination['style'],
  options: PaginationArgsOptions,
  roles: Partial<typeof byRole> = {},
): GraphQLFieldConfigArgumentMap =>
  Object.fromEntries(fieldArguments(style, options).map(({ name, role }) => [name, roles[role] ?? byRole[role]]));

const enums = new Map<string, GraphQLEnumType>();

/** `CREATED_AT` for `createdAt` (and `author.name` → `AUTHOR_NAME`). */
const constantCase = (field: string): string =>
  field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** The ordering enum of an allow-list: one `<FIELD>_ASC`/`<FIELD>_DESC` pair per field, made once per name and list. */
export function orderingEnumType(name: string, orderingFields: readonly string[]): GraphQLEnumType {
  const key = `${name}\u0000${orderingFields.join(',')}`;
  const known = enums.get(key);
  if (known) return known;
  assertConfig(orderingFields.length > 0, `orderingEnum: ${name} needs the pagination's orderingFields (none are allowed)`);
  const values: GraphQLEnumValueConfigMap = {};
  for (const field of orderingFields) {
    const constant = constantCase(field);
    assertConfig(!(`${constant}_ASC` in values), `orderingEnum: ${name} has two fields named ${constant} (${field})`);
    values[`${constant}_ASC`] = { value: field, description: `By ${field}, ascending.` };
    values[`${constant}_DESC`] = { value: `-${field}`, description: `By ${field}, descending.` };
  }
  // Two schemas may each have a `name` of their own allow-list; within one schema graphql-js refuses two.
  const type = new GraphQLEnumType({ name, description: `The orderings a client may ask for.`, values });
  enums.set(key, type);
  return type;
}

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
  const fields = orderingFieldsOf(pagination);
  assertConfig(options.orderingEnum === undefined || fields.length > 0, 'orderingEnum needs a cursor pagination with orderingFields');
  const offered = options.ordering ?? fields.length > 0;
  const roles =
    options.orderingEnum === undefined || !offered
      ? {}
      : {
          ordering: {
            type: new GraphQLList(new GraphQLNonNull(orderingEnumType(options.orderingEnum, fields))),
            description: descriptions.ordering,
          },
        };
  return argumentsOf(pagination.style, { ...options, ordering: offered }, roles);
}
