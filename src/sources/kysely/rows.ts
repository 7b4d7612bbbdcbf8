import type { CompiledQuery, Kysely, SelectQueryBuilder } from 'kysely';
import { assertConfig, type KeyValue } from '../../core/internal';
import { datetimeText, rememberTexts } from '../sql/datetime-text';
import { sqlDialect, type SqlDialect, type SqlDialectName } from '../sql/dialect';
import { pageRows } from '../sql/raw-rows';
import { sqlOrdering, type SqlOrdering, type SqlOrderingOptions, type ToParam } from '../sql/ordering';
import { timedStatements, type StatementRunner } from '../sql/statement-timeout';
import type { SqlFragment, SqlWindow } from '../sql/window';
import { keyValueOf, kyselyColumns, type KyselyFields } from './fields';
import { compiledFragment, compiledWindow, kyselyDialectName } from './fragments';

/** Options shared by `kyselySource` and `kyselyBatchSource`. */
export interface KyselySourceOptions<DB> extends SqlOrderingOptions {
  /** The Kysely instance the query was built with: pages run on it. */
  readonly db: Kysely<DB>;
  /** The types of the fields a page may be ordered by (the unique key among them); see `kyselyFields`. */
  readonly fields: KyselyFields;
  /** The fields that identify a row, every ordering's tiebreaker (default `id`). */
  readonly uniqueKey?: string | readonly string[];
  /** The database (default: told from how `db` compiles; MySQL and MariaDB are one family). */
  readonly dialect?: SqlDialectName;
  /**
   * Milliseconds one statement may take before the page answers SOURCE_UNAVAILABLE (default 5000;
   * 0 or Infinity: unbounded). The statement itself is left to the driver's own timeouts.
   */
  readonly queryTimeout?: number;
  /** How SQLite keeps `datetime` fields: ISO text, `toISOString()` (default), or epoch milliseconds. */
  readonly sqliteDates?: 'text' | 'number';
}

/** The rows' alias in every statement. */
export const ALIAS = 'e';

/** The loose Kysely a source builds its statements with: the user's query as a subquery named `e`. */
type Loose = Kysely<Record<string, Record<string, unknown>>>;

/** What a Kysely source reads its rows with: the ordering, a statement builder, a runner, row keys. */
export interface KyselyRows<O extends object> {
  readonly dialect: SqlDialect;
  readonly ordering: SqlOrdering<O>;
  /** The statement of `window` over the query of the rows, compiled (see `compiledWindow`). */
  readonly windowed: (window: SqlWindow) => CompiledQuery;
  /** The user's query compiled, as a fragment of the strategies. */
  readonly source: () => SqlFragment;
  /** Runs a statement under the source's timeout, its connection failures SOURCE_UNAVAILABLE. */
  readonly run: StatementRunner;
  readonly db: Loose;
  /** Raw rows as the source's, without the texts of `textFields` (kept for `valueOf`) and `columns`. */
  readonly rows: (raw: Array<Record<string, unknown>>, textFields: readonly string[], columns?: readonly string[]) => O[];
  /** A row's key value for a field, normalized from what the driver gave. */
  readonly valueOf: (row: O, field: string) => KeyValue;
}

/** The Kysely reading of a source's rows under `options`. */
export function kyselyRows<DB, TB extends keyof DB, O extends object>(
  query: SelectQueryBuilder<DB, TB, O>,
  options: KyselySourceOptions<DB>,
  kind: string,
): KyselyRows<O> {
  assertConfig(options && typeof options.db?.selectFrom === 'function', `${kind} needs the Kysely instance as the \`db\` option`);
  assertConfig(
    typeof query?.as === 'function' && typeof query.compile === 'function',
    `${kind} needs a Kysely select query (db.selectFrom(...))`,
  );
  assertConfig(
    options.fields && typeof options.fields === 'object',
    `${kind} needs the \`fields\` option (declared, or from kyselyFields(db, table))`,
  );
  const db = options.db as unknown as Loose;
  const name = options.dialect ?? kyselyDialectName(options.db as unknown as Kysely<never>);
  assertConfig(['postgresql', 'mysql', 'mariadb', 'sqlite'].includes(name), 'dialect must be "postgresql", "mysql", "mariadb" or "sqlite"');
  const dialect = sqlDialect(name, options);
  const uniqueKey = typeof options.uniqueKey === 'string' ? [options.uniqueKey] : [...(options.uniqueKey ?? ['id'])];
  const columns = kyselyColumns(options.fields, uniqueKey, 'the query', name);
  const sqliteDates = options.sqliteDates ?? 'text';
  assertConfig(sqliteDates === 'text' || sqliteDates === 'number', 'sqliteDates must be "text" or "number"');
  // Drivers bind Dates, booleans and bigints differently; better-sqlite3 takes none of the first two.
  const toParam: ToParam = (_column, value) => {
    if (value instanceof Date) return name !== 'sqlite' ? value : sqliteDates === 'number' ? value.getTime() : value.toISOString();
    if (typeof value === 'boolean') return name === 'sqlite' ? Number(value) : value;
    if (typeof value === 'bigint') return name === 'sqlite' ? value : value.toString();
    return value;
  };
  const ordering = sqlOrdering<O>(columns, dialect, ALIAS, options, toParam);
  // Whether a field is keyed by the database's text (an exact datetime), asked for every row's cursor: kept.
  const exactFields = new Map<string, boolean>();
  const exact = (field: string): boolean => {
    let known = exactFields.get(field);
    if (known === undefined) {
      known = ordering.textFieldsOf([{ field, descending: false }]).length > 0;
      exactFields.set(field, known);
    }
    return known;
  };

  // Kysely builders are immutable: the user's query compiles once per source.
  let compiled: CompiledQuery | undefined;
  const own = (): CompiledQuery => (compiled ??= query.compile());
  const windowed: KyselyRows<O>['windowed'] = (window) => compiledWindow(own(), window, dialect, ALIAS);

  return {
    dialect,
    ordering,
    windowed,
    source: () => compiledFragment(own(), dialect),
    run: timedStatements(options.queryTimeout),
    db,
    rows: (raw, textFields, columns = []) => {
      const { rows: plain, texts } = pageRows(raw, textFields, columns);
      plain.forEach((row, index) => rememberTexts(row, texts[index]!));
      return plain as unknown as O[];
    },
    valueOf: (row, field) => {
      const value = (row as Record<string, unknown>)[columns.column(field).column];
      return exact(field) ? datetimeText(row, field, value) : keyValueOf(value, ordering.fieldType(field));
    },
  };
}
