import { assertConfig } from './errors';

/**
 * DRF's `_get_displayed_page_numbers(current, final)`: the page numbers an HTML control shows, with
 * null for a break (ellipsis); a break never hides a single page (reference §5).
 */
export function displayedPageNumbers(current: number, final: number): Array<number | null> {
  assertConfig(Number.isInteger(current) && Number.isInteger(final) && current >= 1 && current <= final, 'need 1 <= current <= final');
  if (final <= 5) return Array.from({ length: final }, (_, index) => index + 1);
  const included = new Set([1, current - 1, current, current + 1, final]);
  if (current <= 4) [2, 3].forEach((page) => included.add(page));
  if (current >= final - 3) [final - 1, final - 2].forEach((page) => included.add(page));
  const pages: Array<number | null> = [...included].filter((page) => page >= 1 && page <= final).sort((a, b) => a - b);
  if (current > 4) pages.splice(1, 0, null);
  if (current < final - 3) pages.splice(pages.length - 1, 0, null);
  return pages;
}

/** One entry of an HTML page control: a page with its URL, or a break. */
export interface PageLink {
  readonly url: string | null;
  readonly number: number | null;
  readonly isActive: boolean;
  readonly isBreak: boolean;
}

/** DRF's `get_page_links`: each displayed number with the URL `urlFor` gives it. */
export function pageLinks(current: number, final: number, urlFor: (page: number) => string): PageLink[] {
  return displayedPageNumbers(current, final).map((page) =>
    page === null
      ? { url: null, number: null, isActive: false, isBreak: true }
      : { url: urlFor(page), number: page, isActive: page === current, isBreak: false },
  );
}
