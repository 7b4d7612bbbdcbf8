import {
  Column,
  DrizzleQueryError,
  is,
  SQL,
  getTableName,
  isTable,
  type InferSelectModel,
  type SQLWrapper,
  type Subquery,
  type Table,
} from 'drizzle-orm';
import { assertConfig, type FieldType } from '../../core/internal';
import type { SqlColumn, SqlColumns } from '../sql/column';
import { sqlDialect } from '../sql/dialect';
import { isConnectionFailure } from '../sql/unavailable';
import { sqlOrdering, type SqlOrdering, type ToParam } from '../sql/ordering';
import { joinFragments, windowStatement, type SqlFragment, type SqlWindow } from '../sql/window';
import { checkFieldTypes, fieldTypeOf, selectedColumns, type SelectedColumn } from './columns';
import { drizzleDb, toDrizzleSql, type DrizzleDatabase, type DrizzleDb, type DrizzleKind, type SqlText } from './drizzle-database';
import { statementGuard } from './query-timeout';
import type { DrizzleSourceOptions } from './source-options';

/** What a Drizzle source pages: a table, or a select builder of it (filters, joins, a selection). */
export type DrizzleQuery = Table | (PromiseLike<readonly object[]> & { as(alias: string): Subquery });

/** The row type of a {@link DrizzleQuery}: the table's select model, or what the select resolves to. */
export type DrizzleRow<Q extends DrizzleQuery> = Q extends Table
  ? InferSelectModel<Q>
  : Q extends PromiseLike<ReadonlyArray<infer R>>
    ? R
    : never;

/** The alias of the paged subquery, which every column pagewise writes is qualified by. */
export const ALIAS = 'e';

/** The rows of a Drizzle query as the sources read them: the subquery, its columns and ordering. */
export interface DrizzleRows<T extends object> {
  readonly db: DrizzleDb;
  /** The user's query as `(…) as "e"`, so every statement adds its conditions to all of it. */
  readonly subquery: Subquery;
  /** The subquery's fields (its columns re-aliased to `e`), as a selection of the row. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly columns: ReadonlyMap<string, SelectedColumn>;
  readonly ordering: SqlOrdering<T>;
  /** Runs a statement (a select builder, a raw execute) under the guard. */
  readonly run: <R>(what: string, statement: PromiseLike<R>) => Promise<R>;
  /** Runs a raw statement under the guard and returns its rows by column name, unmapped. */
  readonly execute: (what: string, statement: SQL) => Promise<Array<Record<string, unknown>>>;
  /**
   * Whether every field of the selection is a column (no nested objects, no SQL with a decoder of
   * its own), so a statement written as text is read back by {@link DrizzleRows.rowOf} as Drizzle would.
   */
  readonly flat: boolean;
  /** The statement of `window` over the query as `(…) as "e"`, as text (see `windowStatement`) with the query among its parameters. */
  readonly windowText: (window: SqlWindow) => SqlFragment;
  /** A raw row of the query's columns as the row Drizzle would give (a flat selection's). */
  readonly rowOf: (raw: Readonly<Record<string, unknown>>) => T;
}

/** What `db.execute` (PostgreSQL, MySQL) or `db.all` (SQLite) runs a statement with. */
interface Executing {
  execute?: (query: SQLWrapper) => PromiseLike<unknown>;
  all?: (query: SQLWrapper) => unknown;
}

/** A raw statement's rows by column name, whatever shape the driver gives (pg's `rows`, mysql2's `[rows, fields]`, an array). */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(result)) return (Array.isArray(result[0]) ? result[0] : result) as Array<Record<string, unknown>>;
  return ((result as { rows?: unknown }).rows ?? []) as Array<Record<string, unknown>>;
}

/** `?`-placeholder SQL as a Drizzle fragment (see toDrizzleSql), for conditions and selects. */
export const fragment = (text: string, params: readonly unknown[] = []): SQL => toDrizzleSql({ sql: text, params } satisfies SqlText);

/** A cursor value as its column's driver value (Drizzle's own mapping: dates, booleans, custom types). */
const toParam =
  (columns: ReadonlyMap<string, SelectedColumn>): ToParam =>
  (column, value) => {
    const mapped = columns.get(column.name)!.column.mapToDriverValue(value);
    return typeof mapped === 'bigint' ? mapped.toString() : mapped;
  };

/** The columns of a selection as the SQL strategies describe them. */
function sqlColumns(
  kind: DrizzleKind,
  columns: ReadonlyMap<string, SelectedColumn>,
  options: DrizzleSourceOptions,
  name: string,
  fieldTypes: Readonly<Record<string, FieldType>>,
): SqlColumns {
  const primary = [...columns.values()].filter((column) => column.primary).map((column) => column.field);
  const uniqueKey = options.uniqueKey ?? primary;
  assertConfig(
    uniqueKey.length > 0,
    `the selection of ${name} has no primary-key column; name the fields that identify a row in the uniqueKey option`,
  );
  return {
    name,
    uniqueKey,
    column: (field): SqlColumn => {
      const selected = columns.get(field);
      assertConfig(
        selected,
        `unknown ordering field ${JSON.stringify(field)} on ${name}: not a column of its selection`,
        'UNKNOWN_ORDERING_FIELD',
      );
      return {
        name: field,
        column: selected.name,
        // SQLite's integer holds 64 bits whatever the declaration, as a bigint column does elsewhere.
        type: kind === 'sqlite' && selected.sqlType === 'integer' ? 'bigint' : selected.sqlType,
        nullable: selected.nullable,
        fieldType: fieldTypeOf(selected, fieldTypes[field]),
        ...(/\bunsigned\b/.test(selected.sqlType) ? { unsigned: true } : {}),
      };
    },
  };
}

/** What a Drizzle source reads: `query` over `db` under `options`, checked now. */
export function drizzleRows<T extends object>(
  database: DrizzleDatabase,
  query: DrizzleQuery,
  options: DrizzleSourceOptions,
): DrizzleRows<T> {
  const db = drizzleDb(database);
  const select = isTable(query) ? db.select(query) : query;
  assertConfig(
    typeof (select as { as?: unknown }).as === 'function',
    'drizzleSource needs a table or a select builder of the same database (db.select().from(table)...)',
  );
  const subquery = (select as { as(alias: string): Subquery }).as(ALIAS);
  const fields = subquery._.selectedFields;
  const columns = selectedColumns(fields, db.kind);
  const fieldTypes = options.fieldTypes ?? {};
  checkFieldTypes(fieldTypes, columns);
  const name = isTable(query) ? `table ${JSON.stringify(getTableName(query))}` : 'the query';
  const dialect = sqlDialect(db.kind, { ...options, quote: db.quote });
  const ordering = sqlOrdering<T>(sqlColumns(db.kind, columns, options, name, fieldTypes), dialect, ALIAS, options, toParam(columns));
  const guard = statementGuard(db.client, options.queryTimeout);
  const run: DrizzleRows<T>['run'] = (what, statement) =>
    guard(what, async () => {
      try {
        return await statement;
      } catch (error) {
        // Drizzle wraps a driver's error with the statement's SQL in its message; a connection
        // failure is classified by the driver's own error, which becomes SOURCE_UNAVAILABLE's cause.
        throw error instanceof DrizzleQueryError && isConnectionFailure(error.cause) ? error.cause : error;
      }
    });
  const executing = database as Executing;
  // The user's query is a Drizzle SQL value among the parameters: toDrizzleSql writes it in as it is.
  const relation: SqlFragment = { sql: '(?)', params: [subquery._.sql] };
  const entries = Object.entries(fields);
  return {
    db,
    subquery,
    fields,
    columns,
    ordering,
    run,
    flat: entries.every(([, value]) => is(value, Column)),
    windowText: (window) => joinFragments(windowStatement(relation, ALIAS, window, db.quote)),
    // Each column's driver value mapped by the column itself (dates, booleans, bigints, custom types).
    rowOf: (raw) => {
      const row: Record<string, unknown> = {};
      for (const [field, value] of entries) {
        if (is(value, Column)) {
          const driver = raw[value.name];
          row[field] = driver === null || driver === undefined ? null : value.mapFromDriverValue(driver);
        } else if (is(value, SQL.Aliased)) {
          row[field] = raw[value.fieldAlias] ?? null;
        }
      }
      return row as T;
    },
    execute: async (what, statement) => {
      // Thenable, so the statement starts inside the guard (its connection known to the timeout).
      const statementOf: PromiseLike<unknown> = {
        then: (resolve, reject) =>
          Promise.resolve(db.kind === 'sqlite' ? executing.all!(statement) : executing.execute!(statement)).then(resolve, reject),
      };
      return rowsOf(await run(what, statementOf));
    },
  };
}
