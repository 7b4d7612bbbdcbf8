import { foldedCountSelect } from './counts';
import type { SqlCondition } from './keyset';

/** SQL text with `?` placeholders and its parameters, in order: what the strategies hand a builder and take back. */
export type SqlFragment = SqlCondition;

/**
 * What a statement adds to the query of a source's rows (its filter, from the builder), as data: a
 * page, each parent's window in a batch, a probe, a count. Built from the keyset conditions and the
 * ordering; each builder has one place that writes it into its query.
 */
export interface SqlWindow {
  /** Conditions ANDed to the rows' filter: keyset bounds, the parent's key, a branch's group. */
  readonly where: readonly SqlFragment[];
  /** Columns besides the row's (an exact datetime's text, a flag, a probe). */
  readonly select?: readonly SqlFragment[];
  /** Select only `select`, not the row (a subquery of primary keys, an EXISTS, a count). */
  readonly only?: boolean;
  /** Fields the rows must carry even under a source's projection: the ordering's, which cursors read. */
  readonly fields?: readonly string[];
  /** The window's `ORDER BY` (see SqlOrdering.orderBy); absent: none, the rows' own cleared. */
  readonly orderBy?: string;
  /** `GROUP BY` this SQL (a count per parent). */
  readonly groupBy?: string;
  readonly limit?: number;
  /** Rows skipped: a number, or the SQL that reads it (a column of a LATERAL keys relation). */
  readonly offset?: number | string;
  /** Fold the whole list's count into each row (`foldedCountSelect`; builders that write windows as text). */
  readonly total?: boolean;
  /** Read the window's keys first, then their rows (see {@link DeferredKey}); with a numeric offset only. */
  readonly deferred?: DeferredKey;
}

/**
 * The unique key a deep window is read through: `where "e"."id" in (select "pw_k"."id" from (select
 * "e"."id" … order by … limit ? offset ?) as "pw_k")`. The skipped rows are then index entries of the
 * ordering (a covering index: the key is in it), not rows fetched and thrown away; the extra derived
 * table is what MySQL and MariaDB need to take a LIMIT inside IN.
 */
export interface DeferredKey {
  /** The key's alias-qualified, quoted column: `"e"."id"`. */
  readonly sql: string;
  /** The column's own name: `id`. */
  readonly column: string;
}

/** The alias of a deferred window's keys. */
export const DEFERRED_ALIAS = 'pw_k';

/** `"e"."id" in (select "pw_k"."id" from (` and `) as "pw_k")`: the texts around a deferred window's keys statement. */
function deferredCondition(key: DeferredKey, quote: (name: string) => string): readonly [string, string] {
  const alias = quote(DEFERRED_ALIAS);
  return [`${key.sql} in (select ${alias}.${quote(key.column)} from (`, `) as ${alias})`];
}

/** A deep window in its two statements (see {@link DeferredKey}): the keys', and the rows' around it. */
export interface DeferredWindows {
  /** The key only, under the window's conditions, order, limit and offset. */
  readonly keys: SqlWindow;
  /** The texts around the keys' statement in the rows' condition. */
  readonly around: readonly [string, string];
  /** The rows' window, given the keys' statement as a fragment: the rows of those keys, in the window's order, its selects and count kept. */
  readonly rows: (keys: SqlFragment) => SqlWindow;
}

/** `window` read through its keys, or null when it reads its rows directly (not deferred, no numeric offset, keys only). */
export function deferredWindows(window: SqlWindow, quote: (name: string) => string): DeferredWindows | null {
  const key = window.deferred;
  if (!key || typeof window.offset !== 'number' || window.offset <= 0 || window.only) return null;
  const around = deferredCondition(key, quote);
  const { where, select, fields, orderBy, groupBy, limit, offset, total } = window;
  const ordered = orderBy !== undefined && { orderBy };
  return {
    keys: {
      where,
      select: [{ sql: key.sql, params: [] }],
      only: true,
      ...ordered,
      ...(groupBy !== undefined && { groupBy }),
      ...(limit !== undefined && { limit }),
      offset,
    },
    around,
    rows: (keys) => ({
      where: [{ sql: `${around[0]}${keys.sql}${around[1]}`, params: keys.params }],
      ...(select && { select }),
      ...(fields && { fields }),
      ...ordered,
      ...(total !== undefined && { total }),
    }),
  };
}

/** `(a) and (b)`: conditions ANDed into one fragment, null when there are none. */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment | null {
  if (conditions.length === 0) return null;
  if (conditions.length === 1) return conditions[0]!;
  return { sql: conditions.map((part) => `(${part.sql})`).join(' and '), params: conditions.flatMap((part) => part.params) };
}

/**
 * `window` over a relation as one statement: `select "e".*, … from <relation> as "e" where (…) and
 * (…) group by … order by … limit ? offset ?`, in the pieces a builder joins: SQL text with `?`
 * placeholders and, between them, the relation itself (the user's query, which the builder writes
 * as a subquery in parentheses and numbers as its own, `?` of its own and all; twice when the
 * window folds the count in). The text is what Kysely's builder writes for the same window.
 */
export function windowStatement<R>(relation: R, alias: string, window: SqlWindow, quote: (name: string) => string): Array<SqlFragment | R> {
  const selects = [...(window.only ? [] : [{ sql: `${quote(alias)}.*`, params: [] }]), ...(window.select ?? [])];
  const parts: Array<SqlFragment | R> = [
    { sql: `select ${selects.map((select) => select.sql).join(', ')}`, params: selects.flatMap((select) => select.params) },
  ];
  if (window.total) {
    const [before, after] = foldedCountSelect(`select 1 from ${RELATION} as ${quote(alias)}`, quote).split(RELATION) as [string, string];
    parts.push({ sql: `${selects.length > 0 ? ', ' : ''}${before}`, params: [] }, relation, { sql: after, params: [] });
  }
  const deferred = deferredWindows(window, quote);
  if (deferred) {
    // The keys' statement holds the relation too, so it goes in as pieces rather than one fragment.
    const [open, close] = deferred.around;
    const keys = windowStatement(relation, alias, deferred.keys, quote);
    const orderBy = window.orderBy === undefined ? '' : ` order by ${window.orderBy}`;
    parts.push({ sql: ' from ', params: [] }, relation, { sql: ` as ${quote(alias)} where ${open}`, params: [] }, ...keys, {
      sql: `${close}${orderBy}`,
      params: [],
    });
    return parts;
  }
  const tail: string[] = [];
  const params: unknown[] = [];
  if (window.where.length > 0) {
    tail.push(`where ${window.where.map((condition) => `(${condition.sql})`).join(' and ')}`);
    for (const condition of window.where) params.push(...condition.params);
  }
  if (window.groupBy !== undefined) tail.push(`group by ${window.groupBy}`);
  if (window.orderBy !== undefined) tail.push(`order by ${window.orderBy}`);
  if (window.limit !== undefined) {
    tail.push('limit ?');
    params.push(window.limit);
  }
  if (typeof window.offset === 'string') tail.push(`offset ${window.offset}`);
  else if (window.offset !== undefined && window.offset > 0) {
    tail.push('offset ?');
    params.push(window.offset);
  }
  parts.push({ sql: ' from ', params: [] }, relation, { sql: ` as ${quote(alias)}${tail.length > 0 ? ` ${tail.join(' ')}` : ''}`, params });
  return parts;
}

/** Where the relation goes in a text of its own (no SQL holds it). */
const RELATION = '\u0000';

/** Fragments as one: their texts joined, their parameters in order. */
export function joinFragments(parts: readonly SqlFragment[]): SqlFragment {
  return { sql: parts.map((part) => part.sql).join(''), params: parts.flatMap((part) => part.params) };
}
