import { checkCountStrategy, type CountStrategy } from './count-strategy';
import { assertConfig } from './errors';

/** DRF's LimitOffsetPagination attributes, camelCased, with DRF's defaults. */
export interface LimitOffsetOptions {
  /** Limit when the client sends no valid one; null turns pagination off, 0 is kept (DRF's `is None`). */
  readonly defaultLimit?: number | null;
  /** Name of the limit parameter; null stops clients from choosing a limit (default `limit`). */
  readonly limitQueryParam?: string | null;
  /** Name of the offset parameter (default `offset`). */
  readonly offsetQueryParam?: string;
  /** Cap on a client's limit; the default limit is not capped (default none). */
  readonly maxLimit?: number | null;
  /** How the total is computed (default `exact`): see docs/counts.md. */
  readonly count?: CountStrategy;
}

/** A resolved limit-offset pagination: every option filled in. */
export interface LimitOffsetPagination {
  readonly style: 'limit-offset';
  readonly defaultLimit: number | null;
  readonly limitQueryParam: string | null;
  readonly offsetQueryParam: string;
  readonly maxLimit: number | null;
  /** How the total is computed; absent means `exact`. */
  readonly count?: CountStrategy;
}

/** Arguments of one request: raw query values (REST) or typed values (GraphQL). Null means absent. */
export interface LimitOffsetArgs {
  readonly limit?: string | number | null | undefined;
  readonly offset?: string | number | null | undefined;
}

/** Fills in DRF's defaults and checks the options; throws PaginationConfigError on misuse. */
export function limitOffsetPagination(options: LimitOffsetOptions = {}): LimitOffsetPagination {
  const { defaultLimit = null, maxLimit = null } = options;
  assertConfig(
    defaultLimit === null || (Number.isSafeInteger(defaultLimit) && defaultLimit >= 0),
    'defaultLimit must be a non-negative integer or null',
  );
  assertConfig(maxLimit === null || (Number.isSafeInteger(maxLimit) && maxLimit >= 0), 'maxLimit must be a non-negative integer or null');
  const count = checkCountStrategy(options.count, 'limit-offset');
  return {
    style: 'limit-offset',
    defaultLimit,
    limitQueryParam: options.limitQueryParam === undefined ? 'limit' : options.limitQueryParam,
    offsetQueryParam: options.offsetQueryParam ?? 'offset',
    maxLimit,
    // Only when set: a pagination made before the option existed compares equal to one made now.
    ...(count !== undefined && { count }),
  };
}
