import { DEFAULT_MAX_CURSOR_LENGTH } from './cursor-codec';
import { checkCountStrategy, type CountStrategy } from './count-strategy';
import { assertConfig } from './errors';
import { parseOrdering, type OrderingField, type OrderingSpec } from './ordering';
import type { CursorSigner } from './signer';

/**
 * `exact`: the cursor carries the whole ordering key (primary key appended) and the seek is a true
 * keyset comparison. `drf`: DRF's algorithm to the byte, artifacts included.
 */
export type CursorMode = 'exact' | 'drf';

/** DRF's CursorPagination attributes, camelCased, with DRF's defaults, plus pagewise's. */
export interface CursorOptions {
  /** Default page size; null or 0 turns pagination off (DRF's `page_size`, default None). */
  readonly pageSize?: number | null;
  /** When set, clients may choose the page size with this parameter (default off). */
  readonly pageSizeQueryParam?: string | null;
  /** Cap on a client's page size (default none). */
  readonly maxPageSize?: number | null;
  /** Name of the cursor parameter (default `cursor`). */
  readonly cursorQueryParam?: string;
  /** The default ordering (default `-created`). */
  readonly ordering?: OrderingSpec;
  /** Fields a client may order by (DRF's OrderingFilter `ordering_fields`; default none). */
  readonly orderingFields?: readonly string[];
  /** Name of the client ordering parameter (default `ordering`). */
  readonly orderingQueryParam?: string;
  /** An unknown client ordering field: `error` (INVALID_ARGUMENT, default) or `ignore` (DRF's filter). */
  readonly onInvalidOrdering?: 'error' | 'ignore';
  /** Silent cap on a cursor's offset, guarding against deep scans (default 1000). */
  readonly offsetCutoff?: number | null;
  /** Message of INVALID_CURSOR (default `Invalid cursor`). */
  readonly invalidCursorMessage?: string;
  /** Keyset mode (default `exact`). */
  readonly mode?: CursorMode;
  /** Signs cursors (HMAC with a server secret); unsigned or altered cursors are then invalid. */
  readonly signer?: CursorSigner | null;
  /** Longest cursor a client may send, checked before any decoding (default 4096 characters). */
  readonly maxCursorLength?: number;
  /** How the total is computed (default `exact`; `folded` is for offset pages): see docs/counts.md. */
  readonly count?: CountStrategy;
}

/** A resolved cursor pagination: every option filled in. */
export interface CursorPagination {
  readonly style: 'cursor';
  readonly pageSize: number | null;
  readonly pageSizeQueryParam: string | null;
  readonly maxPageSize: number | null;
  readonly cursorQueryParam: string;
  readonly ordering: readonly OrderingField[];
  readonly orderingFields: readonly string[];
  readonly orderingQueryParam: string;
  readonly onInvalidOrdering: 'error' | 'ignore';
  readonly offsetCutoff: number | null;
  readonly invalidCursorMessage: string;
  readonly mode: CursorMode;
  readonly signer: CursorSigner | null;
  readonly maxCursorLength: number;
  /** How the total is computed; absent means `exact`. */
  readonly count?: CountStrategy;
}

/** DRF's request of a cursor page: raw query values (REST). Null means absent. */
export interface CursorArgs {
  readonly cursor?: string | null | undefined;
  readonly pageSize?: string | number | null | undefined;
  readonly ordering?: string | null | undefined;
}

/** Relay's arguments of a connection field (GraphQL). Null means absent. */
export interface RelayArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
  readonly ordering?: string | readonly string[] | null | undefined;
}

/** How Relay arguments are checked. */
export interface RelayArgsOptions {
  /** A `first`/`last` above the maximum: `clamp` (default) or `error`. */
  readonly onOversize?: 'clamp' | 'error';
}

/** Fills in the defaults and checks the options; throws PaginationConfigError on misuse. */
export function cursorPagination(options: CursorOptions = {}): CursorPagination {
  const { pageSize = null, maxPageSize = null, offsetCutoff = 1000, maxCursorLength = DEFAULT_MAX_CURSOR_LENGTH } = options;
  for (const [name, value] of Object.entries({ pageSize, maxPageSize, offsetCutoff })) {
    assertConfig(value === null || (Number.isSafeInteger(value) && value >= 0), `${name} must be a non-negative integer or null`);
  }
  assertConfig(Number.isSafeInteger(maxCursorLength) && maxCursorLength >= 16, 'maxCursorLength must be an integer of at least 16');
  const mode = options.mode ?? 'exact';
  assertConfig(mode === 'exact' || mode === 'drf', `mode must be "exact" or "drf", not ${JSON.stringify(mode)}`);
  const count = checkCountStrategy(options.count, 'cursor');
  const orderingFields = options.orderingFields ?? [];
  for (const field of orderingFields) parseOrdering(field);
  return {
    style: 'cursor',
    pageSize,
    pageSizeQueryParam: options.pageSizeQueryParam ?? null,
    maxPageSize,
    cursorQueryParam: options.cursorQueryParam ?? 'cursor',
    ordering: parseOrdering(options.ordering ?? '-created'),
    orderingFields,
    orderingQueryParam: options.orderingQueryParam ?? 'ordering',
    onInvalidOrdering: options.onInvalidOrdering ?? 'error',
    offsetCutoff,
    invalidCursorMessage: options.invalidCursorMessage ?? 'Invalid cursor',
    mode,
    signer: options.signer ?? null,
    maxCursorLength,
    // Only when set: a pagination made before the option existed compares equal to one made now.
    ...(count !== undefined && { count }),
  };
}
