import { PaginationError } from './errors';
import { sizeSettingsOf, type Pagination, type PaginationStyle } from './pagination';
import { positiveInt } from './python-int';
import { lastValue, type QueryEntries } from './query-string';
import { queryOf } from './url';

/**
 * One request of a page, whatever transport it came by. `query`: DRF's query parameters, raw text,
 * read leniently as DRF does. `args`: GraphQL arguments, already typed and checked.
 */
export interface PageRequest {
  readonly via: 'query' | 'args';
  /** Page-number: the page (a number, or text such as `last`). */
  readonly page?: string | number | undefined;
  /** Page-number's page size or limit-offset's limit. */
  readonly size?: string | number | undefined;
  /** Limit-offset: the offset. */
  readonly offset?: string | number | undefined;
  /** Cursor style over a query string: DRF's `cursor`, which carries its own direction. */
  readonly cursor?: string | undefined;
  /** Relay's arguments, on every style (row cursors on page-number and limit-offset fields). */
  readonly first?: number | undefined;
  readonly after?: string | undefined;
  readonly last?: number | undefined;
  readonly before?: string | undefined;
  /** The client's ordering: `-created,title` or a list of terms. */
  readonly ordering?: string | readonly string[] | undefined;
  /** The client turned pagination off (drf-commons' `paginated=false`, Rails' `page_size=0`). */
  readonly whole?: boolean | undefined;
}

/** REST switches read with the query (endpoint options; each off unless set). */
export interface QuerySwitches {
  /** drf-commons' switch: present and not `true`, `1` or `yes` serves the whole list (no maximum only). */
  readonly paginatedQueryParam?: string | null | undefined;
  /** A client size of 0 serves the whole list (no maximum only). */
  readonly zeroPageSizeDisables?: boolean | undefined;
  /** DRF-extensions' `page_size=max`: this value of the size parameter means the maximum. */
  readonly maxPageSizeValue?: string | null | undefined;
}

/** drf-commons' switch: `query_params.get(param, "true").lower() not in ["true", "1", "yes"]`. */
export function asksUnpaginated(query: QueryEntries, param: string): boolean {
  return !['true', '1', 'yes'].includes((lastValue(query, param) ?? 'true').toLowerCase());
}

/**
 * Reads DRF's query parameters of `pagination` (its own parameter names) into a request. `query`: the
 * request's URL (absolute or a path with its query), or its query parsed as Django's QueryDict does.
 */
export function requestFromQuery(pagination: Pagination, url: string | QueryEntries, switches: QuerySwitches = {}): PageRequest {
  const query = typeof url === 'string' ? queryOf(url) : url;
  const { sizeParam, maxSize } = sizeSettingsOf(pagination);
  const raw = sizeParam ? lastValue(query, sizeParam) : undefined;
  const size = raw !== undefined && switches.maxPageSizeValue && raw === switches.maxPageSizeValue && maxSize ? String(maxSize) : raw;
  // A client never lifts a maximum: with one, the whole table is not served whatever it asks.
  let whole = false;
  if (maxSize === null) {
    const param = switches.paginatedQueryParam;
    if (param && asksUnpaginated(query, param)) whole = true;
    if (switches.zeroPageSizeDisables === true && size !== undefined && positiveInt(size) === 0) whole = true;
  }
  const common = { via: 'query' as const, size, whole };
  switch (pagination.style) {
    case 'page-number':
      return { ...common, page: lastValue(query, pagination.pageQueryParam) };
    case 'limit-offset':
      return { ...common, offset: lastValue(query, pagination.offsetQueryParam) };
    case 'cursor':
      return {
        ...common,
        cursor: lastValue(query, pagination.cursorQueryParam),
        ordering: lastValue(query, pagination.orderingQueryParam),
      };
  }
}

/** Which Relay arguments a cursor field offers. */
export type RelayDirections = 'both' | 'forward' | 'backward';

/** What an argument of a paginated field is for (adapters give each a type and a description). */
export type ArgumentRole =
  'first' | 'after' | 'last' | 'before' | 'ordering' | 'page' | 'pageSize' | 'limit' | 'offset' | 'afterRow' | 'beforeRow' | 'jump';

/** One argument a paginated field offers: its name and its role. */
export interface ArgumentSpec {
  readonly name: string;
  readonly role: ArgumentRole;
}

/** Options of the arguments a field offers. */
export interface ArgumentOptions {
  /** Cursor style: `forward` offers first/after, `backward` last/before, `both` all four (default). */
  readonly directions?: RelayDirections | undefined;
  /**
   * Page-number and limit-offset: offer Relay's `first`, `after`, `last` and `before` as well (edge
   * cursors are row indexes), so Relay's `@connection` takes every style (default true).
   */
  readonly after?: boolean | undefined;
  /** Cursor style: offer `ordering` (default false). */
  readonly ordering?: boolean | undefined;
  /** Cursor style: offer `page` (jump to page N by OFFSET, keyset cursors after; default false). */
  readonly jump?: boolean | undefined;
}

const spec = (role: ArgumentRole, name: string = role): ArgumentSpec => ({ name, role });

/** The one home of the argument names of each style: what a field offers and what is read back. */
export function fieldArguments(style: PaginationStyle, options: ArgumentOptions = {}): readonly ArgumentSpec[] {
  const relay = options.after === false ? [] : [spec('first'), spec('afterRow', 'after'), spec('last'), spec('beforeRow', 'before')];
  switch (style) {
    case 'cursor': {
      const directions = options.directions ?? 'both';
      const ordering = options.ordering === true;
      return [
        ...(directions !== 'backward' ? [spec('first'), spec('after')] : []),
        ...(directions !== 'forward' ? [spec('last'), spec('before')] : []),
        ...(ordering ? [spec('ordering')] : []),
        ...(options.jump === true ? [spec('jump', 'page')] : []),
      ];
    }
    case 'page-number':
      return [spec('page'), spec('pageSize'), ...relay];
    case 'limit-offset':
      return [spec('limit'), spec('offset'), ...relay];
  }
}

type ArgMap = Readonly<Record<string, unknown>>;

const invalid = (message: string, argument: string): PaginationError => PaginationError.invalidArgument(message, argument);

const present = (args: ArgMap, name: string): boolean => args[name] !== null && args[name] !== undefined;

function intArg(args: ArgMap, name: string, min: 0 | 1): number | undefined {
  const value = args[name];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(`Argument "${name}" must be an integer`, name);
  if (value < min) throw invalid(`Argument "${name}" must be a ${min === 0 ? 'non-negative' : 'positive'} integer`, name);
  return value;
}

function stringArg(args: ArgMap, name: string): string | undefined {
  const value = args[name];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Argument "${name}" must be a string`, name);
  return value;
}

function exclusive(args: ArgMap, a: string, b: string): void {
  if (present(args, a) && present(args, b)) throw invalid(`Pass "${a}" or "${b}", not both`, b);
}

function pageArg(args: ArgMap): string | number | undefined {
  const page = args['page'];
  if (page === null || page === undefined) return undefined;
  if (typeof page !== 'string' && !(typeof page === 'number' && Number.isSafeInteger(page))) {
    throw PaginationError.invalidPage('Invalid page.', 'page');
  }
  return page;
}

function orderingArg(args: ArgMap): readonly string[] | undefined {
  const ordering = args['ordering'];
  if (ordering === null || ordering === undefined) return undefined;
  if (!(Array.isArray(ordering) && ordering.every((item) => typeof item === 'string'))) {
    throw invalid('Argument "ordering" must be a list of strings', 'ordering');
  }
  return ordering as readonly string[];
}

/** Relay's arguments on an offset list: counts and the edge cursors (row indexes) around them. */
function rowArgs(args: ArgMap) {
  return {
    first: intArg(args, 'first', 0),
    last: intArg(args, 'last', 0),
    after: stringArg(args, 'after'),
    before: stringArg(args, 'before'),
  };
}

/**
 * Reads a GraphQL field's arguments (`values`: graphql-js's object or an args class instance) into a
 * request, checking what needs no configuration: integers in range, strings where cursors go, no two
 * arguments naming the same position, no argument of a direction the field does not offer.
 */
export function requestFromArgs(style: PaginationStyle, values: object, directions: RelayDirections = 'both'): PageRequest {
  const args = values as ArgMap;
  switch (style) {
    case 'cursor': {
      const forbidden = directions === 'forward' ? ['last', 'before'] : directions === 'backward' ? ['first', 'after'] : [];
      for (const name of forbidden) if (present(args, name)) throw invalid(`Argument "${name}" is not allowed on this field`, name);
      return {
        via: 'args',
        page: intArg(args, 'page', 1),
        first: intArg(args, 'first', 0),
        last: intArg(args, 'last', 0),
        after: stringArg(args, 'after'),
        before: stringArg(args, 'before'),
        ordering: orderingArg(args),
      };
    }
    case 'page-number': {
      const size = intArg(args, 'pageSize', 1);
      exclusive(args, 'page', 'after');
      return { via: 'args', size, page: pageArg(args), ...rowArgs(args) };
    }
    case 'limit-offset': {
      const size = intArg(args, 'limit', 1);
      const offset = intArg(args, 'offset', 0);
      exclusive(args, 'offset', 'after');
      return { via: 'args', size, offset, ...rowArgs(args) };
    }
  }
}
