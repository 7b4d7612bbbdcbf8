import type { GraphQLResolveInfo } from 'graphql';
import { PaginationConfigError, type PageSource } from '../core/internal';

/** Where a resolver's value came from, for `toSource` and for error messages. */
export interface PaginatedFieldContext {
  /** `Type.field`, as in `Query.articles`. */
  readonly coordinate: string;
  /** The node type's name (`Article`). */
  readonly node: string;
  readonly parent: unknown;
  readonly args: Readonly<Record<string, unknown>>;
  readonly context: unknown;
  readonly info: GraphQLResolveInfo;
}

/** Turns a resolver's value into a PageSource; undefined passes the value on to the next rule. */
export type ToSource = (
  value: unknown,
  field: PaginatedFieldContext,
) => PageSource<unknown> | Promise<PageSource<unknown>> | null | undefined;

/** Makes a PageSource of an array (pass `arraySource` from `pagewise/array`). */
export type ArraySourceFactory = (rows: readonly unknown[]) => PageSource<unknown>;

/** Whether `value` meets the PageSource contract (duck-typed, so sources of other pagewise copies pass too). */
export function isPageSource(value: unknown): value is PageSource<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const source = value as Record<string, unknown>;
  return (
    ['count', 'slice', 'seek', 'fieldType', 'valueOf'].every((name) => typeof source[name] === 'function') &&
    Array.isArray(source['uniqueKey'])
  );
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return typeof value;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * The PageSource of a resolver's value: a PageSource as is, else what `toSource` makes of it, else an
 * array through `arraySource`. A promise is awaited first; another thenable (a MikroORM or knex query
 * builder runs its query when awaited) goes to `toSource` before it is awaited as a promise of rows.
 * Anything else is a PaginationConfigError naming the field.
 */
export async function toPageSource(
  resolved: unknown,
  field: PaginatedFieldContext,
  options: { readonly directive: string; readonly toSource?: ToSource | undefined; readonly arraySource?: ArraySourceFactory | undefined },
): Promise<PageSource<unknown>> {
  let value = resolved instanceof Promise ? await resolved : resolved;
  if (isPageSource(value)) return value;
  let converted = await options.toSource?.(value, field);
  if ((converted === null || converted === undefined) && isThenable(value)) {
    value = await value;
    if (isPageSource(value)) return value;
    converted = await options.toSource?.(value, field);
  }
  if (converted !== null && converted !== undefined) {
    if (isPageSource(converted)) return converted;
    throw new PaginationConfigError(
      'INVALID_OPTIONS',
      `@${options.directive} on ${field.coordinate}: toSource returned ${kindOf(converted)}, not a PageSource`,
    );
  }
  if (Array.isArray(value)) {
    if (options.arraySource) return options.arraySource(value);
    throw new PaginationConfigError(
      'INVALID_OPTIONS',
      `@${options.directive} on ${field.coordinate}: the resolver returned an array; pass \`arraySource\` (from pagewise/array) to the directive to paginate arrays`,
    );
  }
  throw new PaginationConfigError(
    'INVALID_OPTIONS',
    `@${options.directive} on ${field.coordinate}: the resolver returned ${kindOf(value)}; return an array or a PageSource, or pass \`toSource\` to convert it`,
  );
}

/** What a `@paginate` field's own resolver returns: rows as an array or a PageSource (map codegen's connection types to it). */
export type PaginatedRows<T> = readonly T[] | PageSource<T>;
