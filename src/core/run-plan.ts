import type { PageCount } from './count-strategy';
import type { Cursor } from './cursor-codec';
import { settleOnError, type PaginateContext } from './page';
import { pageCounter, type PageCounter } from './page-counter';
import { PaginationError } from './errors';
import { invalidPageError } from './page-number';
import type { PageSource } from './page-source';
import type { PagePlan, SlicePlan, WholePlan } from './plan';
import { assembleDrf, drfSeek, exactSeek, turnedCursor } from './seek-page';
import { type DrfSeekPlan, type ExactSeekPlan, type SeekPlan } from './seek-plan';

/** The page's total, computed on first call by the plan's count strategy, then memoized. */
type Total = () => Promise<PageCount>;

/** What running a plan fetched: the rows (and what assembling needs besides), and the lazy count. */
export type Fetched<T> =
  | { readonly kind: 'whole'; readonly rows: readonly T[] }
  | {
      readonly kind: 'slice';
      readonly rows: readonly T[];
      readonly page: number;
      readonly offset: number;
      readonly count: Total;
    }
  | { readonly kind: 'exact'; readonly rows: readonly T[]; readonly beyond: boolean | undefined; readonly count: Total }
  | {
      readonly kind: 'drf';
      /** The rows of the seek from `cursor`; null when a turned cursor pointed past the list's edge. */
      readonly rows: readonly T[] | null;
      /** The cursor the page was fetched from (the plan's own, or the turned one). */
      readonly cursor: Cursor | null;
      /** Whether the list has rows on the far side (a turned page at the list's edge). */
      readonly far: boolean;
      readonly count: Total;
    };

/** The slice's rows, with the count folded into its statement when the counter asks for it. */
async function sliceRows<T>(source: PageSource<T>, plan: SlicePlan, offset: number, counter: PageCounter): Promise<readonly T[]> {
  if (!counter.folds() || !source.sliceCounted) return source.slice(offset, plan.size + 1, plan.ordering);
  const { rows, total } = await source.sliceCounted(offset, plan.size + 1, plan.ordering);
  // An empty page (past the end) has no row to carry the count: the separate COUNT answers then.
  if (total !== null) counter.fold(total);
  return rows;
}

async function runSlice<T>(source: PageSource<T>, plan: SlicePlan, counter: PageCounter): Promise<Fetched<T>> {
  const count = counter.exact;
  let page = plan.page === 'last' ? 1 : plan.page;
  let offset = plan.offset;
  if (plan.tail !== undefined) offset = Math.max(plan.offset, (await count()) - plan.tail);
  if (plan.page === 'last') {
    page = Math.max(1, Math.ceil((await count()) / plan.size));
    offset = (page - 1) * plan.size;
  }
  const rows = await sliceRows(source, plan, offset, counter);
  // Django's check "page > num_pages" without a count: beyond the last page no row comes back.
  if (plan.shape === 'numbered' && page > 1 && rows.length === 0 && plan.pagination.style === 'page-number') {
    const mode = plan.invalidPage ?? 'error';
    if (mode === 'error') throw invalidPageError(plan.pagination, plan.pageText, 'That page contains no results');
    // `empty` serves this page as it is; `first` and `last` fetch that page instead, once: rows
    // deleted since the (memoized) count leave it empty rather than loop.
    if (mode !== 'empty') {
      return runSlice(source, { ...plan, page: mode === 'first' ? 1 : 'last', offset: 0, invalidPage: 'empty' }, counter);
    }
  }
  return { kind: 'slice' as const, rows, page, offset, count: counter.total };
}

/** A jump past the last page, as page-number's INVALID_PAGE. */
const pastTheEnd = (): PaginationError => PaginationError.invalidPage('Invalid page.', 'page');

async function runExact<T>(source: PageSource<T>, plan: ExactSeekPlan, count: Total) {
  const result = await source.seek(exactSeek(source, plan));
  if ((plan.skip ?? 0) > 0 && result.rows.length === 0) throw pastTheEnd();
  return { kind: 'exact' as const, rows: result.rows, beyond: result.beyond, count };
}

/**
 * A `drf` page. A turned cursor (it points the other way than the arguments) is first rewritten: the
 * rows on its own side are fetched, the same boundary is written for the arguments' direction (past
 * the ties next to it), then moved one row past the row the cursor names.
 */
async function runDrf<T>(source: PageSource<T>, plan: DrfSeekPlan, count: Total) {
  let cursor = plan.cursor;
  if (plan.turn && cursor !== null) {
    const request = drfSeek(source, plan, cursor);
    const rows = (await source.seek(request)).rows;
    // The same boundary written for the other direction: exactly, past the ties next to it, unless a
    // whole window ties (then DRF's own link of the far page, artifacts included).
    const exact = turnedCursor(source, plan, cursor, rows, rows.length < request.limit);
    const far = exact === null ? assembleDrf(source, plan, cursor, rows) : null;
    const boundary = exact ?? (cursor.reverse ? far!.next : far!.previous);
    if (boundary === null || (rows.length === 0 && cursor.offset === 0 && cursor.position === null)) {
      return { kind: 'drf' as const, rows: null, cursor, far: rows.length > 0, count };
    }
    // A cursor names the row next to its boundary (an edge's cursor, its row): one row further, so
    // that `before: endCursor` pages before that row and `after: startCursor` after it, as in exact mode.
    cursor = { ...boundary, offset: boundary.offset + 1 };
  }
  const result = await source.seek(drfSeek(source, plan, cursor));
  if ((plan.jump ?? 1) > 1 && result.rows.length === 0) throw pastTheEnd();
  return { kind: 'drf' as const, rows: result.rows, cursor, far: false, count };
}

const runSeek = <T>(source: PageSource<T>, plan: SeekPlan, count: Total): Promise<Fetched<T>> =>
  plan.mode === 'exact' ? runExact(source, plan, count) : runDrf(source, plan, count);

async function runWhole<T>(source: PageSource<T>, plan: WholePlan): Promise<Fetched<T>> {
  // DRF evaluates the whole queryset, with no COUNT (DRF #6098): one slice without a real bound.
  return { kind: 'whole', rows: await source.slice(0, Number.MAX_SAFE_INTEGER, plan.ordering) };
}

/**
 * Runs a plan against a source: the only caller of sources (a batch source sits behind the
 * PageSource it is given). Fetches size + 1 rows in one query; counts only for `page: last`, for
 * `withCount` (then in parallel, or folded into the page's statement), or when the page is later
 * asked for its count; the plan's count strategy decides how.
 */
export async function runPlan<T>(source: PageSource<T>, plan: PagePlan, context: PaginateContext = {}): Promise<Fetched<T>> {
  if (plan.kind === 'whole') return runWhole(source, plan);
  const wanted = context.withCount === true;
  const counter = pageCounter(source, plan.count ?? 'exact', wanted && plan.kind === 'slice');
  // Started now unless the page's statement brings it, or the slice needs the exact count first.
  const eager = wanted && !counter.folds() && !(plan.kind === 'slice' && (plan.page === 'last' || plan.tail !== undefined));
  if (eager) void counter.total();
  return settleOnError(counter.total, eager, () =>
    plan.kind === 'slice' ? runSlice(source, plan, counter) : runSeek(source, plan, counter.total),
  );
}
