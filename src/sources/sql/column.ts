import type { FieldType } from '../../core/internal';

/**
 * A column a page may be ordered by, as a builder describes it from its own metadata (never from
 * client text): what the SQL strategies need to quote, compare, cast and check a cursor's value.
 */
export interface SqlColumn {
  /** The field's name on a row (`createdAt`), as orderings and cursors name it. */
  readonly name: string;
  /** The column's name in the table (`created_at`). */
  readonly column: string;
  /** The column's declared SQL type as the database names it (`timestamptz(6)`, `varchar(255)`; `''` unknown). */
  readonly type: string;
  readonly nullable: boolean;
  /** How a cursor restores the field's values (a finer-than-millisecond datetime becomes `string`). */
  readonly fieldType: FieldType;
  /** An integer column holding no negative values (MariaDB/MySQL `unsigned`). */
  readonly unsigned?: boolean;
  /** Other names of the type (an ORM's own type name, `uuid` for a `varchar(36)`), checked as `type` is. */
  readonly typeNames?: readonly string[];
}

/**
 * The columns of the rows a source pages: their unique key (every ordering's tiebreaker) and the
 * column of each orderable field. `column` throws PaginationConfigError for a field that cannot
 * order a page (unknown, a relation), naming it.
 */
export interface SqlColumns {
  readonly uniqueKey: readonly string[];
  readonly column: (field: string) => SqlColumn;
  /** What the rows are called in messages (an entity's class name, a table). */
  readonly name: string;
}
