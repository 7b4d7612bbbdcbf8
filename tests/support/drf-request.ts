// What a DRF list view does with one request, built from core and the array source only: the page,
// the body, the links, the HTML context, or the 404. Used by the vector tests of core.
import {
  cursorPagination,
  htmlContextOf,
  isPaginationError,
  limitOffsetPagination,
  pageNumberPagination,
  paginate,
  queryOf,
  requestFromQuery,
  showsPageControls,
  type HtmlContext,
  type PageSource,
} from 'pagewise/internal';

/** The outcome of one request as the vectors record it. */
export type DrfOutcome =
  | { status: 404; detail: string }
  | { status: 200; disabled: true }
  | {
      status: 200;
      disabled: false;
      count?: number;
      next: string | null;
      previous: string | null;
      results: readonly unknown[];
      htmlContext: HtmlContext;
      displayPageControls: boolean;
      nextCursor?: string | null;
      previousCursor?: string | null;
    };

type Style = 'page_number' | 'limit_offset' | 'cursor';

/** Runs a request against `source` the way DRF's view and paginator would. */
export async function drfRequest(
  style: Style,
  options: Record<string, unknown>,
  source: PageSource<unknown>,
  url: string,
): Promise<DrfOutcome> {
  try {
    const pagination =
      style === 'page_number'
        ? pageNumberPagination(options)
        : style === 'limit_offset'
          ? limitOffsetPagination(options)
          : cursorPagination(options);
    const counted = style !== 'cursor';
    const page = await paginate(source, pagination, requestFromQuery(pagination, queryOf(url)), { withCount: counted });
    if (page.style === 'whole') return { status: 200, disabled: true };
    const html = await htmlContextOf(url, pagination, page);
    return {
      status: 200,
      disabled: false,
      ...(counted && { count: await page.count() }),
      next: html.next,
      previous: html.previous,
      results: page.items,
      htmlContext: html,
      displayPageControls: await showsPageControls(page),
      ...(page.style === 'cursor' && { nextCursor: page.nextCursor, previousCursor: page.previousCursor }),
    };
  } catch (error) {
    if (isPaginationError(error)) return { status: 404, detail: error.message };
    throw error;
  }
}
