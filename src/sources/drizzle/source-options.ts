// The options of the Drizzle sources, apart from the sources, so that what shares them imports no source.
import type { FieldType } from '../../core/internal';
import type { SqlOrderingOptions } from '../sql/ordering';

/** Options of `drizzleSource` (and, with `key`, of `drizzleBatchSource`). */
export interface DrizzleSourceOptions extends SqlOrderingOptions {
  /**
   * Field types of columns Drizzle cannot tell pagewise how to restore from a cursor: custom columns
   * (`customType`, whose `dataType` is `custom`), or a column you read as another type. A custom
   * column in an ordering without an entry here is a PaginationConfigError.
   */
  readonly fieldTypes?: Readonly<Record<string, FieldType>>;
  /**
   * The fields whose values identify a row, appended to every ordering as its tiebreaker (default:
   * the selection's primary-key columns). Needed when the selection has none (a join, a view).
   */
  readonly uniqueKey?: readonly string[];
  /**
   * Milliseconds one statement may take, waiting for a pool connection included, before the page
   * answers SOURCE_UNAVAILABLE (default 5000; 0 or Infinity: unbounded). On node-postgres and mysql2
   * the statement's connection is closed then, not reused; see docs/drizzle.md for SQLite.
   */
  readonly queryTimeout?: number;
}
