import type { Page } from './page';

/** Where the pages next to a page start, as bare values (no URL). */
export interface PagePositions {
  readonly next: string | null;
  readonly previous: string | null;
}

const text = (value: number | null): string | null => (value === null ? null : String(value));

/**
 * The positions of the next and previous pages without a URL: the cursor of DRF's link (cursor
 * style), else the page number or offset as a string; null where there is none. What a GraphQL
 * offset list's `next`/`previous` and a REST embed without a link carry.
 */
export function pagePositions(page: Page<unknown>): PagePositions {
  if (page.style === 'cursor') return { next: page.nextCursor, previous: page.previousCursor };
  if (page.style === 'page-number') return { next: text(page.nextPage), previous: text(page.previousPage) };
  return { next: text(page.nextOffset), previous: text(page.previousOffset) };
}

/** A page's numbers, whatever its style: null where the style has none (GraphQL's pageInfo). */
export interface PageFacts {
  readonly page: number | null;
  readonly nextPage: number | null;
  readonly previousPage: number | null;
  readonly offset: number | null;
  readonly limit: number | null;
  readonly nextOffset: number | null;
  readonly previousOffset: number | null;
}

/** The page numbers of a page-number page, the offsets of a limit-offset one; nulls elsewhere. */
export function pageFactsOf(page: Page<unknown>): PageFacts {
  const numbered = page.style === 'page-number' ? page : null;
  const offsets = page.style === 'limit-offset' ? page : null;
  return {
    page: numbered?.page ?? null,
    nextPage: numbered?.nextPage ?? null,
    previousPage: numbered?.previousPage ?? null,
    offset: offsets?.offset ?? null,
    limit: offsets?.limit ?? null,
    nextOffset: offsets?.nextOffset ?? null,
    previousOffset: offsets?.previousOffset ?? null,
  };
}
