import { sql, type SQL } from 'drizzle-orm';
import type { PageSource } from '../../core/internal';
import { FOLDED_COUNT_COLUMN, foldedCountSelect, readFoldedCount, strategyCount } from '../sql/counts';
import { readTexts, rememberTexts, textAlias } from '../sql/datetime-text';
import type { SqlCondition } from '../sql/keyset';
import { deferredWindows } from '../sql/window';
import { AT_COLUMN, atSelect, firstAt, sqlPageSource, type SqlPageQuery, type SqlPageRows } from '../sql/page-source';
import { toDrizzleSql, type DrizzleDatabase, type SelectBuilder } from './drizzle-database';
import { drizzleRows, fragment, type DrizzleQuery, type DrizzleRow, type DrizzleRows } from './drizzle-rows';
import type { DrizzleSourceOptions } from './source-options';

/** `a and b and …` of the conditions as one Drizzle fragment, undefined when there are none. */
export function whereOf(conditions: readonly SqlCondition[]): SQL | undefined {
  if (conditions.length === 0) return undefined;
  // One fragment for all of them: Drizzle makes a node per piece it is given.
  return fragment(
    conditions.map((condition) => `(${condition.sql})`).join(' and '),
    conditions.flatMap((condition) => condition.params),
  );
}

/** The list's `select 1 from (<query>) "e"`, which the count strategies wrap. */
const listed = <T extends object>(rows: DrizzleRows<T>): SelectBuilder => rows.db.select(rows.subquery, { one: sql`1` });

/**
 * `text` around the list's rows (`?` where they go) as Drizzle SQL: Drizzle writes the select in and
 * numbers its parameters where it stands (PostgreSQL's `$n`).
 */
const aroundList = <T extends object>(rows: DrizzleRows<T>, text: string, limit?: number): SQL => {
  const list = listed(rows);
  return toDrizzleSql({ sql: text, params: [(limit === undefined ? list : list.limit(limit)).getSQL()] });
};

/** The key of the row itself in a selection that has columns besides it (the flag, datetime texts). */
const ROW = 'row';

/**
 * Runs one page statement of a flat selection written as text (`select "e".*, … from (<query>) as "e"
 * where … order by … limit …`, as the batch source writes its own) and maps its raw rows by the
 * columns: Drizzle's select builder, which the statement then skips, was a tenth of a seek.
 */
async function runText<T extends object>(rows: DrizzleRows<T>, page: SqlPageQuery): Promise<SqlPageRows<T>> {
  const at = page.at ? atSelect(page.at, rows.db.quote) : null;
  const statement = rows.windowText({
    where: page.conditions,
    select: [...page.texts.map(({ select }) => ({ sql: select, params: [] })), ...(at ? [at] : [])],
    orderBy: rows.ordering.orderBy(page.ordering, page.reversed),
    limit: page.limit,
    offset: page.offset,
    total: page.total === true,
    ...(page.deferred && { deferred: page.deferred }),
  });
  const raw = await rows.execute('page', toDrizzleSql(statement));
  const found = raw.map(rows.rowOf);
  const texts = readTexts(
    raw,
    page.texts.map(({ field }) => field),
  );
  found.forEach((row, index) => rememberTexts(row, texts[index]!));
  return { rows: found, ...(at && { firstAt: firstAt(raw) }), ...(page.total && { total: readFoldedCount(raw) }) };
}

/**
 * Runs one page statement over the subquery through Drizzle's builder (a selection with nested
 * objects, which Drizzle maps itself): `select … from (<query>) e where … order by … limit … offset …`.
 * Extra columns (the probe's flag, exact datetimes' texts) are selected beside the row, not in it:
 * Drizzle builds each row object whole, and deleting keys from it would slow every later read of it.
 */
async function runPage<T extends object>(rows: DrizzleRows<T>, page: SqlPageQuery): Promise<SqlPageRows<T>> {
  if (rows.flat) return runText(rows, page);
  const { db, ordering, subquery, fields } = rows;
  // Drizzle maps result columns by position, so the extra columns' own aliases are only names in SQL.
  const extra: Record<string, SQL> = {};
  for (const { field, select } of page.texts) extra[textAlias(field)] = sql.raw(select);
  if (page.at) {
    const at = atSelect(page.at, db.quote);
    extra[AT_COLUMN] = fragment(at.sql, at.params);
  }
  if (page.total) extra[FOLDED_COUNT_COLUMN] = aroundList(rows, foldedCountSelect('?', db.quote));
  const nested = Object.keys(extra).length > 0;
  const orderBy = ordering.orderBy(page.ordering, page.reversed);
  // A deep slice reads its keys first (see SqlWindow.deferred), its keys' statement written as the text path writes it.
  const deferred = page.deferred
    ? deferredWindows({ where: page.conditions, orderBy, limit: page.limit, offset: page.offset, deferred: page.deferred }, db.quote)
    : null;
  let statement = db
    .select(subquery, nested ? { [ROW]: fields, ...extra } : undefined)
    .where(whereOf(deferred ? deferred.rows(rows.windowText(deferred.keys)).where : page.conditions))
    .orderBy(sql.raw(orderBy));
  if (!deferred) {
    statement = statement.limit(page.limit);
    if (page.offset > 0) statement = statement.offset(page.offset);
  }
  const raw = await rows.run('page', statement);
  if (!nested) return { rows: raw as T[] };
  const found = raw.map((record) => record[ROW] as T);
  const texts = readTexts(
    raw,
    page.texts.map(({ field }) => field),
  );
  found.forEach((row, index) => rememberTexts(row, texts[index]!));
  return { rows: found, ...(page.at && { firstAt: firstAt(raw) }), ...(page.total && { total: readFoldedCount(raw) }) };
}

/**
 * A PageSource over a Drizzle table or select: every page is one SQL statement over the query as a
 * subquery (`LIMIT n+1 OFFSET k`, or a keyset `WHERE … ORDER BY … LIMIT n+1`; two when a cursor's
 * own row was deleted), and `COUNT(*)` of the same query runs only when asked: folded into a page's
 * statement, capped or estimated as `count` says (docs/counts.md). Field types come
 * from the columns' Drizzle metadata (`fieldTypes` for custom columns); the unique key is the
 * selection's primary key. Rows come back as Drizzle maps them (a flat selection by its columns' own mapping).
 */
export function drizzleSource<Q extends DrizzleQuery>(
  db: DrizzleDatabase,
  query: Q,
  options: DrizzleSourceOptions = {},
): PageSource<DrizzleRow<Q> & object> {
  type T = DrizzleRow<Q> & object;
  const rows = drizzleRows<T>(db, query, options);
  return sqlPageSource<T>({
    ordering: rows.ordering,
    count: async () => {
      const [row] = await rows.run('count', rows.db.select(rows.subquery, { count: sql`count(*)` }));
      return Number(row?.['count'] ?? 0);
    },
    countWith: (strategy) =>
      strategyCount(strategy, rows.db.kind, (wrap, limit) => rows.execute('count', aroundList(rows, wrap('?'), limit))),
    foldsCount: true,
    run: (page) => runPage(rows, page),
    plainRows: true,
    exists: async (conditions) => {
      const found = await rows.run('page', listed(rows).where(whereOf(conditions)).limit(1));
      return found.length > 0;
    },
  });
}
