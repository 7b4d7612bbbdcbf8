import { assertConfig } from './errors';

/**
 * How a page's total is computed. `exact`: a separate `COUNT(*)` (the default). `folded`: the count
 * rides on the page's own statement (an uncorrelated count subquery beside the rows, page-number and limit-offset only), with the
 * separate count when the page is empty. `{ capped: N }`: rows counted up to N, past it "at least N".
 * `estimated`: the database planner's estimate (PostgreSQL; exact elsewhere).
 */
export type CountStrategy = 'exact' | 'folded' | { readonly capped: number } | 'estimated';

/** A strategy a source answers with a statement of its own (see `PageSource.countWith`). */
export type SourceCountStrategy = { readonly capped: number } | 'estimated';

/** A page's total and how far to trust it: exact, a lower bound (`capped`), or the planner's estimate. */
export interface PageCount {
  readonly value: number;
  readonly kind: 'exact' | 'capped' | 'estimated';
}

/** An exact total. */
export const exactCount = (value: number): PageCount => ({ value, kind: 'exact' });

/** Rows counted with a cap (`LIMIT cap + 1` under the count): more than `cap` is "at least cap". */
export const cappedCount = (counted: number, cap: number): PageCount =>
  counted > cap ? { value: cap, kind: 'capped' } : { value: counted, kind: 'exact' };

const isCapped = (value: unknown): value is { readonly capped: number } => typeof value === 'object' && value !== null && 'capped' in value;

/**
 * Checks a `count` option where a pagination, a field or an endpoint is defined; throws
 * PaginationConfigError naming `count`. `folded` needs a page-number or limit-offset style.
 */
export function checkCountStrategy(value: unknown, style: 'page-number' | 'limit-offset' | 'cursor'): CountStrategy | undefined {
  if (value === undefined) return undefined;
  if (isCapped(value)) {
    const keys = Object.keys(value);
    assertConfig(
      keys.length === 1 && Number.isSafeInteger(value.capped) && value.capped >= 1,
      'count { capped: N } needs N a positive integer (and nothing else)',
    );
    return { capped: value.capped };
  }
  assertConfig(
    value === 'exact' || value === 'folded' || value === 'estimated',
    `count must be "exact", "folded", "estimated" or { capped: N }, not ${JSON.stringify(value)}`,
  );
  assertConfig(
    value !== 'folded' || style !== 'cursor',
    'count "folded" applies to page-number and limit-offset pages (a cursor page is no window of the whole list)',
  );
  return value;
}
