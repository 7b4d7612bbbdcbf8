// Random rows with many duplicate ordering values, and a plain sort that says what order they must come in.
import fc from 'fast-check';
import { compareKeyValues, parseOrdering, type KeyValue, type NullOrder } from 'pagewise/internal';

/** A row of the property tests: `id` is unique, the rest repeat a lot and may be null. */
export interface Row {
  readonly id: number;
  readonly a: number | null;
  readonly b: string;
  readonly c: Date | null;
}

const DATES = [new Date('2020-01-01T00:00:00.000Z'), new Date('2020-01-01T00:00:00.123Z'), new Date('2021-06-30T12:30:00.000Z')];

/** Up to `max` rows with ids 0..n-1 in random order. */
export const rowsArbitrary = (max = 40): fc.Arbitrary<Row[]> =>
  fc
    .array(
      fc.record({
        a: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        b: fc.constantFrom('x', 'y', 'Z', 'é'),
        c: fc.option(fc.constantFrom(...DATES), { nil: null }),
      }),
      { maxLength: max },
    )
    .chain((rows) =>
      fc
        .shuffledSubarray(
          rows.map((_, index) => index),
          { minLength: rows.length, maxLength: rows.length },
        )
        .map((ids) => rows.map((row, index) => ({ id: ids[index]!, ...row }))),
    );

/** An ordering of one to three fields, each ascending or descending. */
export const orderingArbitrary: fc.Arbitrary<string[]> = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'id'), { minLength: 1, maxLength: 3 })
  .chain((fields) => fc.tuple(...fields.map((field) => fc.boolean().map((descending) => (descending ? `-${field}` : field)))));

/**
 * `rows` sorted by `ordering`, then by `id` in the direction of the last field (pagewise's
 * tiebreaker), NULLs placed as `nulls` says for ascending order.
 */
export function sortRows(rows: readonly Row[], ordering: readonly string[], nulls: NullOrder = 'last'): Row[] {
  const parsed = parseOrdering(ordering);
  const fields = [...parsed, { field: 'id', descending: parsed[parsed.length - 1]?.descending ?? false }];
  return [...rows].sort((x, y) => {
    for (const { field, descending } of fields) {
      const order = compareKeyValues(x[field as keyof Row] as KeyValue, y[field as keyof Row] as KeyValue, nulls);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}
