import { readTexts, textAliases } from './datetime-text';

/**
 * The rows a statement gave without `columns` (the strategies' own: the probe's flag, datetime
 * texts, window numbers, a folded count): copies when any is present, else the rows themselves.
 * Copied, not deleted from: a key deleted from a driver's row object turns it into a slow
 * dictionary, which costs more than the copy (docs/benchmarks.md, 2026-12-04).
 */
export function withoutColumns(raw: Array<Record<string, unknown>>, columns: readonly string[]): Array<Record<string, unknown>> {
  const first = raw[0];
  if (first === undefined || !columns.some((column) => Object.hasOwn(first, column))) return raw;
  const dropped = new Set(columns);
  // Every row of a result set has the same columns: their names are read once.
  const kept = Object.keys(first).filter((column) => !dropped.has(column));
  return raw.map((row) => {
    const copy: Record<string, unknown> = {};
    for (const column of kept) copy[column] = row[column];
    return copy;
  });
}

/**
 * A page's raw rows split for hydration: the rows without the texts of `textFields` and the
 * strategy's `columns` (see {@link withoutColumns}), and each row's texts, kept for `rememberTexts`.
 */
export function pageRows(
  raw: Array<Record<string, unknown>>,
  textFields: readonly string[],
  columns: readonly string[],
): { readonly rows: Array<Record<string, unknown>>; readonly texts: ReturnType<typeof readTexts> } {
  return { rows: withoutColumns(raw, [...textAliases(textFields), ...columns]), texts: readTexts(raw, textFields) };
}
