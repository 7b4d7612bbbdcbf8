// What the contract's two halves share: the options a source is built with, the reference source,
// and how two pages are compared.
import { PaginationError, type BatchPageSource, type CursorPage, type PageSource } from '../core/internal';
import { arraySource } from '../sources/array';
import { CONTRACT_FIELDS, type ContractDataset, type ContractRow } from './contract-data';

/** What a source under test is built with besides its rows. */
export interface ContractSourceOptions {
  /** The order of page-number and limit-offset pages (the source's `ordering`); the source appends `id`. */
  readonly ordering?: readonly string[];
}

/**
 * Builds the source under test over one data set (a table filtered on `dataset`, an array of its
 * rows). Called once per data set and option set, so a database source may insert the rows then.
 */
export type MakeSource = (dataset: ContractDataset, options: ContractSourceOptions) => Promise<PageSource<ContractRow>>;

/** A parent key the contract asks a batch source with: the `parent` field, as a number or as its text. */
export type ContractParentKey = number | string;

/** Builds the batch form of the source under test over every row of {@link CONTRACT_ROWS}, keyed by `parent`. */
export type MakeBatchSource = (options: ContractSourceOptions) => Promise<BatchPageSource<ContractParentKey, ContractRow>>;

const ids = (rows: readonly ContractRow[]): number[] => rows.map((row) => row.id);

/** The reference: the array source over the same rows, NULLs where the source under test puts them. */
export function referenceSource(
  rows: readonly ContractRow[],
  nullOrder: PageSource<ContractRow>['nullOrder'],
  options: ContractSourceOptions = {},
): PageSource<ContractRow> {
  return arraySource(rows, {
    uniqueKey: 'id',
    fields: CONTRACT_FIELDS,
    nulls: nullOrder,
    // Ties broken by the unique key in the last field's direction, as every source does.
    ordering: options.ordering?.length ? options.ordering : ['id'],
  });
}

/** What two pages must share: items, flags and every cursor. */
export const pageSummary = (page: CursorPage<ContractRow>) => ({
  ids: ids(page.items),
  hasNext: page.hasNext,
  hasPrevious: page.hasPrevious,
  nextCursor: page.nextCursor,
  previousCursor: page.previousCursor,
  cursors: page.cursors,
  start: page.startCursor,
  end: page.endCursor,
});

/** A run's value, or the code of the PaginationError it threw (any other error fails the test). */
export async function outcome<R>(run: () => Promise<R>): Promise<R | { error: string }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PaginationError) return { error: error.code };
    throw error;
  }
}
