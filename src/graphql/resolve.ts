import type { PageSource } from '../core/internal';
import type { GraphQLPagination } from './args';
import { withGraphQLErrors } from './errors';
import { paginateArgs, type PaginateOptions, type PaginationArgValues } from './paginate';
import { selectsCount, type SelectionInfo } from './selection';
import { connectionOf, offsetListOf, type ConnectionValue, type OffsetListValue } from './shapes';

/** The cursor scope of a field: the option, else the field's coordinate (`Author.articles`). */
function scoped(info: SelectionInfo, options: PaginateOptions): PaginateOptions {
  if (options.cursorScope !== undefined || !info.parentType || !info.fieldName) return options;
  return { ...options, cursorScope: `${info.parentType.name}.${info.fieldName}` };
}

/**
 * A connection field's value: the page of `source` for `args`. Counts only when the query selects a
 * count (then in parallel with the page); bad arguments become coded GraphQLErrors. Cursors are scoped
 * to the field (`options.cursorScope`, default its coordinate).
 */
export function resolveConnection<T>(
  source: PageSource<T> | Promise<PageSource<T>>,
  pagination: GraphQLPagination,
  args: PaginationArgValues,
  info: SelectionInfo,
  options: PaginateOptions = {},
): Promise<ConnectionValue<T>> {
  return withGraphQLErrors(async () =>
    connectionOf(
      await paginateArgs(await source, pagination, args, { ...scoped(info, options), withCount: options.withCount ?? selectsCount(info) }),
    ),
  );
}

/** An offset-list field's value (`results`, `count`, `next`, `previous`, `pageInfo`); as {@link resolveConnection}. */
export function resolveOffsetList<T>(
  source: PageSource<T> | Promise<PageSource<T>>,
  pagination: GraphQLPagination,
  args: PaginationArgValues,
  info: SelectionInfo,
  options: PaginateOptions = {},
): Promise<OffsetListValue<T>> {
  return withGraphQLErrors(async () =>
    offsetListOf(
      await paginateArgs(await source, pagination, args, { ...scoped(info, options), withCount: options.withCount ?? selectsCount(info) }),
    ),
  );
}
