import { checkCountStrategy, type CountStrategy } from './count-strategy';
import type { CursorPagination } from './cursor-options';
import { PaginationError } from './errors';
import type { LimitOffsetPagination } from './limit-offset';
import { decodeOffsetCursor } from './offset-cursor';
import { resolveOrdering, type OrderingField, type OrderingTarget } from './ordering';
import { invalidPageError, type InvalidPageMode, type PageNumberPagination } from './page-number';
import { sizeSettingsOf, type Pagination } from './pagination';
import { parsePythonInt, positiveInt } from './python-int';
import type { PageRequest, RelayDirections } from './request';
import { planSeek, type SeekPlan } from './seek-plan';
import { clientSize, relayCount, sizeRules, type SizeOverrides, type SizeRules } from './sizes';

/** Per-field (GraphQL) or per-endpoint (REST) overrides, an argument of planning. */
export interface PlanOverrides extends SizeOverrides {
  /** Cursor style: which directions the field offers (default both); names the missing size. */
  readonly directions?: RelayDirections | undefined;
  /** The ordering of page-number and limit-offset slices (default: the source's own). */
  readonly sliceOrdering?: readonly OrderingField[] | undefined;
  /**
   * What the cursors page (a field such as `Author.articles#7`, an endpoint's path): a cursor issued
   * under one scope is INVALID_CURSOR under another (signed cursors, and exact mode's keys). The same
   * name on a GraphQL field and a REST endpoint shares their cursors; null or undefined: unscoped.
   */
  readonly cursorScope?: string | null | undefined;
  /** Page-number: what a bad page serves (overrides the pagination's `invalidPage`). */
  readonly invalidPage?: InvalidPageMode | undefined;
  /** How the total is computed (overrides the pagination's `count`); see {@link CountStrategy}. */
  readonly count?: CountStrategy | undefined;
}

/**
 * An offset page: `numbered` (page-number), `offset` (limit-offset), or `window` (a page-number field
 * continued with `after`: a page when it starts on a page boundary, else an offset window).
 */
export interface SlicePlan {
  readonly kind: 'slice';
  readonly shape: 'numbered' | 'offset' | 'window';
  readonly pagination: PageNumberPagination | LimitOffsetPagination;
  /** The first row's index (for `page: 'last'`, known only after the count). */
  readonly offset: number;
  readonly size: number;
  /** Numbered: the page, or `last` (the count decides). */
  readonly page: number | 'last';
  /** Numbered: the page as the client wrote it, for INVALID_PAGE messages. */
  readonly pageText: string;
  /** Numbered: what a page past the end serves (default `error`). */
  readonly invalidPage?: InvalidPageMode | undefined;
  /** The order of the slice; undefined means the source's own. */
  readonly ordering?: readonly OrderingField[] | undefined;
  /** Relay's `last` without `before`: the last `tail` rows from `offset` on (the count decides). */
  readonly tail?: number | undefined;
  /** Read from Relay's arguments: a window of rows, numbered as a page only at the style's own size. */
  readonly relay?: true | undefined;
  /** The style's own page size (the field's default or `pageSize`), for numbering a window. */
  readonly pageSize?: number | undefined;
  /** How the total is computed when it is wanted; absent: `exact`. */
  readonly count?: CountStrategy | undefined;
}

/** Pagination is off (no size) or the client turned it off: the whole list, unpaginated. */
export interface WholePlan {
  readonly kind: 'whole';
  readonly ordering?: readonly OrderingField[] | undefined;
}

/** What one request asks: a slice, a seek, or the whole list. */
export type PagePlan = SlicePlan | SeekPlan | WholePlan;

/** Django's page-number checks, before anything runs: a bad page starts no query at all. */
function pageOf(
  pagination: PageNumberPagination,
  page: string | number | undefined,
  size: number,
  mode: InvalidPageMode,
): { page: number | 'last'; text: string } {
  const text = page === undefined || page === '' ? '1' : String(page);
  if (typeof page === 'string' && pagination.lastPageStrings.includes(page)) return { page: 'last', text };
  const parsed = typeof page === 'number' ? (Number.isSafeInteger(page) ? BigInt(page) : null) : parsePythonInt(text);
  // Django's get_page(): PageNotAnInteger is page 1, EmptyPage the last page; Rails: page 1 for both.
  const outOfRange = mode === 'last' ? 'last' : 1;
  if (parsed === null) {
    if (mode !== 'error') return { page: 1, text };
    throw invalidPageError(pagination, text, 'That page number is not an integer');
  }
  if (parsed < 1n) {
    if (mode !== 'error') return { page: outOfRange, text };
    throw invalidPageError(pagination, text, 'That page number is less than 1');
  }
  // Beyond a safe offset no page can be numbered exactly: `first`/`last` serve theirs; `error` (and
  // `empty`, Rails', whose page past the end is empty: no number to report it under) is DRF's 404.
  if ((parsed - 1n) * BigInt(size) > BigInt(Number.MAX_SAFE_INTEGER)) {
    if (mode === 'first' || mode === 'last') return { page: outOfRange, text };
    throw invalidPageError(pagination, text, 'That page contains no results');
  }
  return { page: Number(parsed), text };
}

const missing = (name: string): PaginationError => PaginationError.invalidArgument(`Pass "${name}"`, name);

/** Whether a GraphQL request pages an offset list with Relay's arguments (first, after, last, before). */
const relayArgs = (request: PageRequest): boolean =>
  request.first !== undefined || request.last !== undefined || request.after !== undefined || request.before !== undefined;

function exclusive(request: PageRequest, name: string, value: unknown): void {
  if (value === undefined) return;
  const other =
    request.after !== undefined ? 'after' : request.before !== undefined ? 'before' : request.first !== undefined ? 'first' : 'last';
  throw PaginationError.invalidArgument(`Pass "${name}" or "${other}", not both`, other);
}

/**
 * Relay's arguments over an offset list (page-number and limit-offset connections), as the window of
 * absolute row indexes they name: offset cursors are row indexes, so `before` is as cheap as `after`.
 */
function relayWindow(request: PageRequest, rules: SizeRules, styleSize: number | null, sizeName: string) {
  if (request.first !== undefined && request.last !== undefined) {
    throw PaginationError.invalidArgument('Pass "first" or "last", not both', 'last');
  }
  for (const name of ['first', 'last'] as const) {
    if (request[name] !== undefined && request.size !== undefined) {
      throw PaginationError.invalidArgument(`Pass "${name}" or "${sizeName}", not both`, name);
    }
  }
  const start = request.after === undefined ? 0 : decodeOffsetCursor(request.after, { argument: 'after' }) + 1;
  const end = request.before === undefined ? undefined : decodeOffsetCursor(request.before, { argument: 'before' });
  // Relay's counts as on a cursor field: 0 is an empty page, above the maximum clamped (or refused).
  const first = relayCount('first', request.first, rules);
  const last = relayCount('last', request.last, rules);
  const backward = last !== undefined || (end !== undefined && request.after === undefined && first === undefined);
  const asked = backward ? last : first;
  const size = asked ?? styleSize;
  if (size === null || (asked === undefined && size === 0 && sizeName === 'pageSize')) {
    throw missing(backward ? 'last' : request.first === undefined ? sizeName : 'first');
  }
  const window = { relay: true as const, pageSize: styleSize ?? undefined };
  if (!backward) return { ...window, offset: start, size: end === undefined ? size : Math.min(size, Math.max(0, end - start)) };
  if (end === undefined) return { ...window, offset: start, size, tail: size };
  const offset = Math.max(start, end - size);
  return { ...window, offset, size: Math.max(0, end - offset) };
}

function planNumbered(pagination: PageNumberPagination, request: PageRequest, rules: SizeRules, overrides: PlanOverrides): PagePlan {
  const args = request.via === 'args';
  const size = clientSize(rules, request.size, args ? 'pageSize' : (pagination.pageSizeQueryParam ?? 'page_size'));
  const ordering = overrides.sliceOrdering;
  if (args && relayArgs(request)) {
    exclusive(request, 'page', request.page);
    return {
      kind: 'slice',
      shape: 'window',
      pagination,
      page: 1,
      pageText: '1',
      ordering,
      ...relayWindow(request, rules, size, 'pageSize'),
    };
  }
  if (!size) {
    if (args) throw missing('pageSize');
    return { kind: 'whole', ordering };
  }
  const invalidPage = overrides.invalidPage ?? pagination.invalidPage ?? 'error';
  const { page, text } = pageOf(pagination, request.page, size, invalidPage);
  const offset = page === 'last' ? 0 : (page - 1) * size;
  return { kind: 'slice', shape: 'numbered', pagination, offset, size, page, pageText: text, invalidPage, ordering };
}

function planOffset(pagination: LimitOffsetPagination, request: PageRequest, rules: SizeRules, overrides: PlanOverrides): PagePlan {
  const args = request.via === 'args';
  const limit = clientSize(rules, request.size, args ? 'limit' : (pagination.limitQueryParam ?? 'limit'));
  const ordering = overrides.sliceOrdering;
  if (args && relayArgs(request)) {
    exclusive(request, 'offset', request.offset);
    return { kind: 'slice', shape: 'offset', pagination, page: 1, pageText: '1', ordering, ...relayWindow(request, rules, limit, 'limit') };
  }
  if (limit === null) {
    if (args) throw missing('limit');
    return { kind: 'whole', ordering };
  }
  // DRF's `get_offset`: a non-negative integer, anything else is 0.
  const offset = request.offset === undefined ? 0 : (positiveInt(request.offset) ?? 0);
  return { kind: 'slice', shape: 'offset', pagination, offset, size: limit, page: 1, pageText: '1', ordering };
}

function planCursor(
  target: OrderingTarget,
  pagination: CursorPagination,
  request: PageRequest,
  rules: SizeRules,
  overrides: PlanOverrides,
) {
  return (
    planSeek(target, pagination, request, rules, overrides.directions, overrides.cursorScope) ?? {
      kind: 'whole' as const,
      ordering: resolveOrdering(target, pagination, request.ordering),
    }
  );
}

/**
 * Plans one request of `pagination`: sizes, page numbers, offsets, cursors and the ordering all
 * decided here, before any query runs. Throws PaginationError for a bad request.
 */
export function planPage(target: OrderingTarget, pagination: Pagination, request: PageRequest, overrides: PlanOverrides = {}): PagePlan {
  const plan = planStyle(target, pagination, request, overrides);
  const count = overrides.count ?? pagination.count;
  // Only a strategy other than exact is written down: the plans of before compare equal.
  return plan.kind === 'whole' || count === undefined || count === 'exact' ? plan : { ...plan, count };
}

function planStyle(target: OrderingTarget, pagination: Pagination, request: PageRequest, overrides: PlanOverrides): PagePlan {
  const rules = sizeRules(pagination, request.via, overrides);
  if (request.whole === true) {
    const ordering = pagination.style === 'cursor' ? resolveOrdering(target, pagination, request.ordering) : overrides.sliceOrdering;
    return { kind: 'whole', ordering };
  }
  switch (pagination.style) {
    case 'page-number':
      return planNumbered(pagination, request, rules, overrides);
    case 'limit-offset':
      return planOffset(pagination, request, rules, overrides);
    case 'cursor':
      return planCursor(target, pagination, request, rules, overrides);
  }
}

/**
 * Checks the planning overrides a field or an endpoint is defined with (today its `count`), for the
 * style of its pagination; throws PaginationConfigError naming the option.
 */
export function checkPlanOverrides(pagination: Pagination, overrides: Pick<PlanOverrides, 'count'>): void {
  checkCountStrategy(overrides.count, pagination.style);
}

/**
 * The page size a field's arguments will get, for cost estimates, without planning (nothing checked,
 * nothing decoded): the requested size clamped to the maximum, else the default (or the maximum set on
 * purpose, or 1).
 */
export function plannedSize(pagination: Pagination, args: object, overrides: SizeOverrides = {}): number {
  const values = args as Readonly<Record<string, unknown>>;
  // Relay's first/last on every style (offset lists take them too), else the style's own size.
  const asked =
    values['first'] ??
    values['last'] ??
    (pagination.style === 'cursor' ? undefined : values[pagination.style === 'page-number' ? 'pageSize' : 'limit']);
  const rules = sizeRules(pagination, 'args', overrides);
  const fallback = overrides.defaultPageSize ?? sizeSettingsOf(pagination).defaultSize;
  const requested = typeof asked === 'number' && asked >= 0 ? asked : (fallback ?? rules.declaredMax ?? 1);
  return rules.maxSize ? Math.min(requested, rules.maxSize) : requested;
}
