import {
  exactCount,
  keyText,
  type OrderingField,
  type PageCount,
  type PageSource,
  type SeekRequest,
  type SeekResult,
  type SourceCountStrategy,
} from '../../core/internal';
import type { SqlCondition } from './keyset';
import type { SqlOrdering } from './ordering';
import type { DeferredKey, SqlFragment } from './window';

/** One page's statement as data: conditions ANDed to the source's filter, the order, the window. */
export interface SqlPageQuery {
  readonly conditions: readonly SqlCondition[];
  /** The fields (checked against the columns and the allow-list) and whether the scan runs reversed. */
  readonly ordering: readonly OrderingField[];
  readonly reversed: boolean;
  readonly limit: number;
  readonly offset: number;
  /** Exact datetime ordering fields and the select of each one's text (`cast(… as text) as pw_t_…`). */
  readonly texts: ReadonlyArray<{ readonly field: string; readonly select: string }>;
  /** The cursor's own row: flagged in a column (`pw_at`, see {@link atSelect}), so the page tells whether it came first. */
  readonly at?: SqlCondition;
  /** Fold the whole list's count into the statement (see `foldedCountSelect`). */
  readonly total?: boolean;
  /** A deep slice: read its keys first (see `SqlWindow.deferred`); a builder that cannot skips it. */
  readonly deferred?: DeferredKey;
}

/** A page's rows and, when the query flagged the cursor's row, whether the first row is that row. */
export interface SqlPageRows<T> {
  readonly rows: T[];
  readonly firstAt?: boolean;
  /** The folded count, when asked for and the statement carried it (null: an empty page). */
  readonly total?: number | null;
}

/** The column flagging the cursor's own row. */
export const AT_COLUMN = 'pw_at';

/** `case when <the cursor's row> then 1 else 0 end as pw_at`: SQL's own equality, casts and all. */
export const atSelect = (at: SqlCondition, quote: (name: string) => string): SqlFragment => ({
  sql: `case when (${at.sql}) then 1 else 0 end as ${quote(AT_COLUMN)}`,
  params: at.params,
});

/** Whether the first raw row is flagged as the cursor's row (drivers give 1, '1' or 1n); the rows keep the flag. */
export function firstAt(rows: ReadonlyArray<Record<string, unknown>>): boolean {
  const first = rows[0];
  return first !== undefined && Number(first[AT_COLUMN]) === 1;
}

/** Two key values of one field as the same key: Dates by their time, other values by their key text. */
function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return keyText(a) === keyText(b);
}

/** What a builder gives a SQL page source: the ordering, and the three statements it runs. */
export interface SqlPageParts<T extends object> {
  readonly ordering: SqlOrdering<T>;
  /** `COUNT(*)` of the source's rows (only run when a page asks for it). */
  readonly count: () => Promise<number>;
  /** Runs one page statement and returns its rows. */
  readonly run: (query: SqlPageQuery) => Promise<SqlPageRows<T>>;
  /** Whether any row of the source meets all `conditions` (one `select 1 … limit 1`). */
  readonly exists: (conditions: readonly SqlCondition[]) => Promise<boolean>;
  /** A capped or estimated count in one statement (see `src/sources/sql/counts.ts`); null: count exactly. */
  readonly countWith?: (strategy: SourceCountStrategy) => Promise<PageCount | null>;
  /** Whether `run` folds the count into a slice's statement when a query asks `total`. */
  readonly foldsCount?: boolean;
  /** A row's key value for a field, when the rows are not keyed as the ordering reads them (default `ordering.valueOf`). */
  readonly keyOf?: SqlOrdering<T>['valueOf'];
  /**
   * Whether a page's rows hold what its statement read (plain driver rows), so a probe may tell the
   * cursor's row by its key in JavaScript. Not managed entities: an identity map keeps a property
   * changed and not yet flushed, and the row would then look unlike the cursor's own.
   */
  readonly plainRows?: boolean;
}

/**
 * A PageSource whose every page is one SQL statement (`LIMIT n+1 OFFSET k`, or a keyset
 * `WHERE … ORDER BY … LIMIT n+1`; two when a cursor's own row was deleted), written by a builder
 * from {@link SqlPageQuery}; the count runs only when asked.
 */
export function sqlPageSource<T extends object>(parts: SqlPageParts<T>): PageSource<T> {
  const {
    dialect,
    uniqueKey,
    fieldType,
    checked,
    sliceOrder,
    seekConditions,
    equalInJs,
    atCondition,
    textFieldsOf,
    textSelect,
    deferredKey,
  } = parts.ordering;
  const valueOf = parts.keyOf ?? parts.ordering.valueOf;
  const textsOf = (ordering: readonly OrderingField[]): SqlPageQuery['texts'] =>
    textFieldsOf(ordering).map((field) => ({ field, select: textSelect(field) }));
  const sliceQuery = (offset: number, limit: number, ordering?: readonly OrderingField[]): SqlPageQuery => {
    const deferred = deferredKey(offset);
    return { conditions: [], ordering: sliceOrder(ordering), reversed: false, limit, offset, texts: [], ...(deferred && { deferred }) };
  };

  return {
    uniqueKey,
    nullOrder: dialect.nullOrder,
    fieldType,
    valueOf,
    count: () => parts.count(),
    ...(parts.countWith && {
      countWith: async (strategy: SourceCountStrategy) => (await parts.countWith!(strategy)) ?? exactCount(await parts.count()),
    }),
    ...(parts.foldsCount && {
      async sliceCounted(offset: number, limit: number, ordering?: readonly OrderingField[]) {
        const page = await parts.run({ ...sliceQuery(offset, limit, ordering), total: true });
        return { rows: page.rows, total: page.total ?? null };
      },
    }),
    async slice(offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<readonly T[]> {
      return (await parts.run(sliceQuery(offset, limit, ordering))).rows;
    },
    async seek(request: SeekRequest): Promise<SeekResult<T>> {
      const ordering = checked(request.ordering);
      const reversed = request.direction === 'backward';
      // The probe (is any row behind the cursor?): the page starts at the cursor's own row, one row
      // longer; while that row exists the answer is yes, from the same statement.
      const start = request.probe ? (reversed ? request.before : request.after) : undefined;
      const probe = start?.kind === 'key' ? start : undefined;
      const conditions = seekConditions(ordering, request, undefined, probe ? (reversed ? 'before' : 'after') : undefined);
      if (!conditions) return { rows: [] };
      const texts = textsOf(ordering);
      const window = { conditions, ordering, reversed, offset: request.offset, texts };
      if (!probe) return { rows: (await parts.run({ ...window, limit: request.limit })).rows };
      // SQL says which row is the cursor's (its own equality and casts), unless the rows are plain and
      // their keys integers or datetimes to the millisecond, whose key texts are equal exactly when
      // SQL's values are: then the first row's key is read here, and the statement has no flag column.
      const inJs = parts.plainRows === true && equalInJs(ordering);
      const page = await parts.run({ ...window, limit: request.limit + 1, ...(!inJs && { at: atCondition(ordering, probe.values) }) });
      const first = page.rows[0];
      const firstAt = inJs
        ? first !== undefined && ordering.every(({ field }, index) => sameKey(valueOf(first, field), probe.values[index] ?? null))
        : page.firstAt === true;
      if (firstAt) return { rows: page.rows.slice(1), beyond: true };
      // The cursor's row is gone: whether another lies behind it is a statement of its own.
      const behind = seekConditions(ordering, reversed ? { after: probe } : { before: probe });
      return { rows: page.rows.slice(0, request.limit), beyond: behind !== null && (await parts.exists(behind)) };
    },
  };
}
