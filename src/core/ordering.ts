import { assertConfig, PaginationError } from './errors';
import type { FieldType } from './values';

/** One field of an ordering: its name and direction. */
export interface OrderingField {
  readonly field: string;
  readonly descending: boolean;
}

/** An ordering as DRF writes it: `"-created"` or `["-created", "id"]`. */
export type OrderingSpec = string | readonly string[];

/** Parses DRF's ordering notation; throws a PaginationConfigError for empty or malformed terms. */
export function parseOrdering(spec: OrderingSpec): OrderingField[] {
  const terms = typeof spec === 'string' ? [spec] : [...spec];
  assertConfig(terms.length > 0, 'an ordering needs at least one field');
  return terms.map((term) => {
    const descending = term.startsWith('-');
    const field = descending ? term.slice(1) : term;
    assertConfig(/^[A-Za-z_$][\w$.]*$/.test(field), `invalid ordering term ${JSON.stringify(term)}`);
    return { field, descending };
  });
}

/** DRF's notation of an ordering: `-created,id`. */
export function formatOrdering(ordering: readonly OrderingField[]): string {
  return ordering.map(({ field, descending }) => (descending ? `-${field}` : field)).join(',');
}

/** The same fields with every direction flipped (DRF's reverse cursors). */
export function flipOrdering(ordering: readonly OrderingField[]): OrderingField[] {
  return ordering.map(({ field, descending }) => ({ field, descending: !descending }));
}

/**
 * Appends the unique key's fields that the ordering lacks, so the ordering is total, in the direction
 * of its last field: `-created` becomes `-created,-id`, which one index `(created, id)` serves both ways.
 */
export function withTiebreaker(ordering: readonly OrderingField[], uniqueKey: readonly string[]): OrderingField[] {
  const present = new Set(ordering.map(({ field }) => field));
  const descending = ordering[ordering.length - 1]?.descending ?? false;
  return [...ordering, ...uniqueKey.filter((field) => !present.has(field)).map((field) => ({ field, descending }))];
}

/** How a client-chosen ordering is checked against the allow-list. */
export interface ClientOrderingOptions {
  /** The ordering used when the client asks for none. */
  readonly ordering: OrderingSpec;
  /** Fields a client may order by (DRF's `ordering_fields`); empty means client ordering is off. */
  readonly orderingFields: readonly string[];
  /**
   * `error` (default): an unknown field is INVALID_ARGUMENT. `ignore`: DRF's OrderingFilter, which
   * drops unknown terms and falls back to the default ordering when none is left.
   */
  readonly onInvalid?: 'error' | 'ignore';
  /** The argument or query parameter name reported with errors. */
  readonly argument?: string;
}

/** The most terms a client's ordering may have: each becomes an ORDER BY term and a keyset column. */
export const MAX_ORDERING_TERMS = 32;

/**
 * DRF's OrderingFilter: `?ordering=-created,title` split on commas, each term checked against the
 * allow-list. Nothing a client sends reaches a source unless it names an allowed field; a field named
 * twice counts once (its first direction), and more than {@link MAX_ORDERING_TERMS} terms are refused.
 */
export function resolveClientOrdering(
  requested: string | readonly string[] | null | undefined,
  options: ClientOrderingOptions,
): OrderingField[] {
  const fallback = parseOrdering(options.ordering);
  const terms = typeof requested === 'string' ? requested.split(',').map((term) => term.trim()) : (requested ?? []);
  if (terms.length === 0 || (terms.length === 1 && terms[0] === '')) return fallback;
  const argument = options.argument ?? 'ordering';
  if (terms.length > MAX_ORDERING_TERMS) {
    throw PaginationError.invalidArgument(`Too many ordering terms (${terms.length}); at most ${MAX_ORDERING_TERMS}.`, argument);
  }
  const allowed = new Set(options.orderingFields);
  const valid = terms.filter((term) => allowed.has(term.startsWith('-') ? term.slice(1) : term));
  if (valid.length !== terms.length && (options.onInvalid ?? 'error') === 'error') {
    const bad = terms.find((term) => !valid.includes(term)) ?? '';
    throw PaginationError.invalidArgument(
      `Cannot order by ${JSON.stringify(bad)}; allowed fields: ${options.orderingFields.join(', ') || 'none'}.`,
      argument,
    );
  }
  if (valid.length === 0) return fallback;
  const seen = new Set<string>();
  return parseOrdering(valid).filter(({ field }) => !seen.has(field) && seen.add(field) !== undefined);
}

/** What {@link resolveOrdering} needs of a source: its field types and unique key. */
export interface OrderingTarget {
  fieldType(field: string): FieldType;
  readonly uniqueKey: readonly string[];
}

/** A pagination's ordering settings (the cursor style's options, or a field's slice ordering). */
export interface OrderingSettings {
  readonly ordering: readonly OrderingField[];
  readonly orderingFields: readonly string[];
  readonly onInvalidOrdering: 'error' | 'ignore';
  readonly orderingQueryParam: string;
}

/**
 * The one place an ordering is decided: the client's ordering checked against the allow-list (or the
 * default), the unique key appended as tiebreaker, and every field's type checked with the source.
 */
export function resolveOrdering(
  target: OrderingTarget,
  settings: OrderingSettings,
  requested: string | readonly string[] | null | undefined,
  argument: string = settings.orderingQueryParam,
): OrderingField[] {
  const base =
    settings.orderingFields.length > 0
      ? resolveClientOrdering(requested, {
          ordering: formatOrdering(settings.ordering).split(','),
          orderingFields: settings.orderingFields,
          onInvalid: settings.onInvalidOrdering,
          argument,
        })
      : [...settings.ordering];
  const ordering = withTiebreaker(base, target.uniqueKey);
  for (const { field } of ordering) target.fieldType(field);
  return ordering;
}
