import { PaginationError } from './errors';
import { sizeSettingsOf, type Pagination } from './pagination';
import { positiveInt } from './python-int';

/**
 * The cap on a client's page size of a GraphQL field whose pagination and field options set none: a
 * client's `first: 2000000000` must not become the LIMIT of a query.
 */
export const DEFAULT_MAX_PAGE_SIZE = 100;

/** Per-field (GraphQL) or per-endpoint overrides of a pagination's sizes, applied while planning. */
export interface SizeOverrides {
  /** The size when the client names none (overrides `pageSize`/`defaultLimit`). */
  readonly defaultPageSize?: number | null | undefined;
  /**
   * Cap on a client's size (overrides `maxPageSize`/`maxLimit`). For GraphQL arguments, when neither
   * sets one the cap is {@link DEFAULT_MAX_PAGE_SIZE}; `null` here opts out of any cap.
   */
  readonly maxPageSize?: number | null | undefined;
  /** A size above the maximum: `clamp` to it (default) or `error` (INVALID_ARGUMENT). */
  readonly onOversize?: 'clamp' | 'error' | undefined;
}

/** How one request's size is decided: every setting and override folded into one answer. */
export interface SizeRules {
  /** The size when the client names none; null or 0 means pagination is off. */
  readonly defaultSize: number | null;
  /** The cap on a client's size; null means none. */
  readonly maxSize: number | null;
  /** The cap set on purpose (no default cap): a field without a default size may fall back to it. */
  readonly declaredMax: number | null;
  readonly onOversize: 'clamp' | 'error';
  /** Whether a client's size is read at all (REST: the size parameter is configured). */
  readonly clientSizes: boolean;
}

/**
 * The size rules of a request. Query strings follow DRF (client sizes only with a size parameter, no
 * default cap); GraphQL arguments always take a size and are capped at {@link DEFAULT_MAX_PAGE_SIZE}
 * unless a maximum is set.
 */
export function sizeRules(pagination: Pagination, via: 'query' | 'args', overrides: SizeOverrides = {}): SizeRules {
  const settings = sizeSettingsOf(pagination);
  const defaultSize = overrides.defaultPageSize === undefined ? settings.defaultSize : overrides.defaultPageSize;
  const declaredMax = overrides.maxPageSize === undefined ? settings.maxSize : overrides.maxPageSize;
  const onOversize = overrides.onOversize ?? 'clamp';
  if (via === 'query') return { defaultSize, maxSize: declaredMax, declaredMax, onOversize, clientSizes: settings.sizeParam !== null };
  const maxSize = overrides.maxPageSize !== undefined ? overrides.maxPageSize : (settings.maxSize ?? DEFAULT_MAX_PAGE_SIZE);
  return { defaultSize, maxSize, declaredMax, onOversize, clientSizes: true };
}

/**
 * DRF's `get_page_size` / `get_limit`: a client's size when allowed and valid (strict, capped at the
 * maximum), else the default. With `onOversize: 'error'` a size above the maximum is INVALID_ARGUMENT.
 */
export function clientSize(rules: SizeRules, requested: string | number | undefined, argument: string): number | null {
  if (rules.clientSizes && requested !== undefined) {
    if (rules.onOversize === 'error' && rules.maxSize && typeof requested === 'number' && requested > rules.maxSize) {
      throw PaginationError.invalidArgument(`Argument "${argument}" must not exceed ${rules.maxSize}`, argument);
    }
    const size = positiveInt(requested, { strict: true, cutoff: rules.maxSize });
    if (size !== null) return size;
  }
  return rules.defaultSize;
}

/**
 * Relay's `first`/`last` (already checked non-negative): 0 is an empty page; above the maximum it is
 * clamped, or INVALID_ARGUMENT with `onOversize: 'error'`.
 */
export function relayCount(name: 'first' | 'last', value: number | undefined, rules: SizeRules): number | undefined {
  if (value === undefined) return undefined;
  const max = rules.maxSize;
  if (max && value > max) {
    if (rules.onOversize === 'error') throw PaginationError.invalidArgument(`Argument "${name}" must not exceed ${max}`, name);
    return max;
  }
  return value;
}
