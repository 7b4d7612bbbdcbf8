import type { EntityManager, EntityMetadata, EntityName, EntityRepository } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { assertConfig, type PageCount, type PageSource, type SourceCountStrategy } from '../../core/internal';
import { rememberTexts } from '../sql/datetime-text';
import type { SqlCondition } from '../sql/keyset';
import type { SqlOrdering } from '../sql/ordering';
import { FOLDED_COUNT_COLUMN, readFoldedCount } from '../sql/counts';
import { AT_COLUMN, atSelect, firstAt, sqlPageSource, type SqlPageQuery, type SqlPageRows } from '../sql/page-source';
import { pageRows } from '../sql/raw-rows';
import { deferredWindows, type SqlWindow } from '../sql/window';
import { countStatement, exactCountQuery, foldedSelect } from './count-statements';
import { entityOrdering } from './entity-ordering';
import { entityRows, joinsCollection, readConnection } from './entity-rows';
import { flushFirst } from './flush';
import { statementGuard } from './query-timeout';
import type { StatementRunner } from '../sql/statement-timeout';
import { applyWindow } from './query-window';
import type { MikroOrmSourceOptions, SqlSourceOptions } from './source-options';

const ALIAS = 'e';

interface SourceParts<T extends object> {
  readonly ordering: SqlOrdering<T>;
  /** The exact count of the source's rows, under the guard and after a flush. */
  readonly count: () => Promise<number>;
  /** Runs one page statement and returns its rows as managed entities. */
  readonly run: (query: SqlPageQuery) => Promise<SqlPageRows<T>>;
  /** Whether any row of the source meets all `conditions` (one `select 1 … limit 1`). */
  readonly exists: (conditions: readonly SqlCondition[]) => Promise<boolean>;
  /** Runs a statement under the source's query timeout (see `SqlSourceOptions.queryTimeout`). */
  readonly guard: StatementRunner;
  /** A capped or estimated count in one statement; null: count exactly (see countStatement). */
  readonly countWith: (strategy: SourceCountStrategy) => Promise<PageCount | null>;
  /** Whether `run` folds the count into a slice when asked (the single source; a builder's source counts apart). */
  readonly foldsCount: boolean;
  /** Whether the rows are plain (`lean`), so a probe may compare their keys in JavaScript (see SqlPageParts). */
  readonly plainRows?: boolean;
}

/** Whether the rows of `rows` (a knex query of them) include one meeting `conditions`: `select 1 … limit 1`. */
async function existsThrough<T extends object>(
  rows: Knex.QueryBuilder,
  em: SqlEntityManager,
  meta: EntityMetadata<T>,
  guard: StatementRunner,
  conditions: readonly SqlCondition[],
): Promise<boolean> {
  const knex = em.getKnex();
  const query = applyWindow(knex, rows, { where: conditions, select: [{ sql: '1', params: [] }], only: true, limit: 1 });
  const found = await guard('page', async () => {
    await flushFirst(em, meta);
    // The page's own connection: a replica's page must not be told about rows only the primary has yet.
    return em.getConnection(readConnection(em)).execute<unknown[]>(query, [], 'all', em.getTransactionContext());
  });
  return found.length > 0;
}

/**
 * Runs a page through a QueryBuilder itself, so joins and populate hints map as MikroORM maps them,
 * and a filter that joins a collection is wrapped in MikroORM's subquery (no row twice on a page).
 * The builder's `execute` maps the rows and keeps the columns it has no property for (the texts,
 * the flag), which are taken out before the rows become entities, as `getResultList` makes them.
 */
async function runThroughBuilder<T extends object>(
  page: QueryBuilder<T>,
  em: SqlEntityManager,
  meta: EntityMetadata<T>,
  guard: StatementRunner,
  query: SqlPageQuery,
  toRow: (record: Record<string, unknown>) => T = (record) => em.map<T>(meta.className, record as never),
): Promise<SqlPageRows<T>> {
  for (const condition of query.conditions) page.andWhere(condition.sql, [...condition.params]);
  page.orderBy(query.ordering.map(({ field, descending }) => ({ [field]: descending !== query.reversed ? 'desc' : 'asc' })) as never);
  page.limit(query.limit);
  if (query.offset > 0) page.offset(query.offset);
  const at = query.at ? atSelect(query.at, (name) => em.getPlatform().quoteIdentifier(name)) : null;
  if (query.texts.length > 0 || at) {
    // Extra selects replace the builder's own, so a builder that names none first selects the entity.
    if (!page._fields || page._fields.length === 0) page.select('*');
    page.addSelect([...query.texts.map(({ select }) => raw(select)), ...(at ? [raw(at.sql, [...at.params])] : [])] as never);
  }
  const records = await guard('page', async () => {
    await flushFirst(em, meta);
    return page.execute<Array<Record<string, unknown>>>('all', true);
  });
  const { rows: plain, texts } = pageRows(
    records,
    query.texts.map(({ field }) => field),
    [AT_COLUMN],
  );
  const rows: T[] = [];
  const seen = new Set<string>();
  plain.forEach((record, index) => {
    // A row joined twice is kept once (as getResultList keeps it), told by its primary key.
    const key = JSON.stringify(meta.primaryKeys.map((name) => String(record[name])));
    if (seen.has(key)) return;
    seen.add(key);
    const row = toRow(record);
    rememberTexts(row, texts[index]!);
    rows.push(row);
  });
  return at ? { rows, firstAt: firstAt(records) } : { rows };
}

/** The SQL page source over a MikroORM source's parts. */
function createSource<T extends object>(parts: SourceParts<T>): PageSource<T> {
  return sqlPageSource<T>({
    ordering: parts.ordering,
    run: parts.run,
    exists: parts.exists,
    countWith: parts.countWith,
    foldsCount: parts.foldsCount,
    plainRows: parts.plainRows === true,
    count: parts.count,
  });
}

/** A builder's exact count (MikroORM's getCount: distinct keys when it joins a collection), under the guard and after a flush. */
const builderCount = <T extends object>(qb: QueryBuilder<T>, em: SqlEntityManager, meta: EntityMetadata<T>, guard: StatementRunner) =>
  guard('count', async () => {
    await flushFirst(em, meta);
    return qb.getCount();
  });

function isRepository<T extends object>(value: EntityManager | EntityRepository<T>): value is EntityRepository<T> {
  return typeof (value as { getEntityName?: unknown }).getEntityName === 'function';
}

/**
 * A PageSource over an entity: every page is one SQL statement (`LIMIT n+1 OFFSET k`, or a keyset
 * `WHERE … ORDER BY … LIMIT n+1`; two when a cursor's own row was deleted), and `COUNT(*)` over the
 * same filter runs only when asked.
 * Give it a request-scoped (forked) EntityManager and the entity, or the entity's repository.
 */
export function mikroOrmSource<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  options?: MikroOrmSourceOptions<T>,
): PageSource<T>;
/** A PageSource over a repository's entity; see the EntityManager form. */
export function mikroOrmSource<T extends object>(repository: EntityRepository<T>, options?: MikroOrmSourceOptions<T>): PageSource<T>;
export function mikroOrmSource<T extends object>(
  target: EntityManager | EntityRepository<T>,
  entityOrOptions?: EntityName<T> | MikroOrmSourceOptions<T>,
  maybeOptions?: MikroOrmSourceOptions<T>,
): PageSource<T> {
  const repository = isRepository(target) ? target : null;
  const em = (repository ? repository.getEntityManager() : target) as SqlEntityManager;
  assertConfig(
    typeof em.createQueryBuilder === 'function',
    'mikroOrmSource needs the EntityManager of a SQL driver (@mikro-orm/postgresql, mariadb, mysql, sqlite, ...)',
  );
  const entity = repository ? (repository.getEntityName() as EntityName<T>) : (entityOrOptions as EntityName<T>);
  const options = (repository ? entityOrOptions : maybeOptions) as MikroOrmSourceOptions<T> | undefined;
  const meta = em.getMetadata(entity);
  const rows = entityRows<T>(em, entity, meta, options ?? {});
  const ordering = entityOrdering(meta, em.getPlatform(), ALIAS, options ?? {});
  return createSource<T>({
    ordering,
    guard: rows.guard,
    exists: async (conditions) => existsThrough((await rows.statement(ALIAS)).query(), em, meta, rows.guard, conditions),
    count: async () => {
      const statement = await rows.statement(ALIAS);
      if (statement.qb) return builderCount(statement.qb, em, meta, rows.guard);
      const [found] = await rows.execute('count', exactCountQuery(statement.query(), em));
      return Number(found?.['count'] ?? 0);
    },
    countWith: async (strategy) => countStatement(await rows.statement(ALIAS), em, strategy, (query) => rows.execute('count', query)),
    foldsCount: true,
    plainRows: options?.lean === true,
    // The filter goes through MikroORM's QueryBuilder (no builder at all when there is none); the
    // keyset, order and window are added to its knex query directly, which saves the builder's
    // criteria processing on every page. A filter on a collection joins it, and then the builder's
    // own subquery keeps rows from repeating.
    run: async (page) => {
      const statement = await rows.statement(
        ALIAS,
        page.ordering.map(({ field }) => field),
      );
      if (statement.qb && statement.joins()) {
        const found = await runThroughBuilder(statement.qb, em, meta, rows.guard, page, rows.fromMapped);
        return { ...found, rows: await rows.populate(found.rows) };
      }
      const knex = em.getKnex();
      const quote = (name: string) => em.getPlatform().quoteIdentifier(name);
      const at = page.at ? atSelect(page.at, quote) : null;
      const total = page.total ? foldedSelect(statement.query(), em) : null;
      const window: SqlWindow = {
        where: page.conditions,
        select: [...page.texts.map(({ select }) => ({ sql: select, params: [] })), ...(at ? [at] : []), ...(total ? [total] : [])],
        orderBy: ordering.orderBy(page.ordering, page.reversed),
        limit: page.limit,
        offset: page.offset,
        ...(page.deferred && { deferred: page.deferred }),
      };
      // A deep slice reads its keys first, in a statement over a copy of the filter (see SqlWindow.deferred).
      const deferred = deferredWindows(window, quote);
      const keys = deferred ? applyWindow(knex, statement.query(), deferred.keys).toSQL() : null;
      const query = applyWindow(
        knex,
        statement.query(),
        deferred && keys ? deferred.rows({ sql: keys.sql, params: keys.bindings }) : window,
      );
      const raw = await rows.execute('page', query);
      const counted = total ? readFoldedCount(raw) : undefined;
      const found = await rows.populate(
        await rows.hydrate(
          raw,
          page.texts.map(({ field }) => field),
          [AT_COLUMN, FOLDED_COUNT_COLUMN],
        ),
      );
      return { rows: found, ...(at && { firstAt: firstAt(raw) }), ...(counted !== undefined && { total: counted }) };
    },
  });
}

/**
 * The EntityManager a builder was made by: its pages flush it, run on its connection and become its
 * managed entities. MikroORM 6 keeps the member protected and offers no accessor, so it is read here,
 * once; a builder made without one (`new QueryBuilder(…)`) has none.
 */
function builderEntityManager<T extends object>(qb: QueryBuilder<T>): SqlEntityManager | undefined {
  return (qb as unknown as { readonly em?: SqlEntityManager }).em;
}

/**
 * A PageSource over a QueryBuilder for custom SQL (joins, raw conditions): the builder is copied when
 * the source is made, and each page clones that copy and adds the keyset condition, ORDER BY and LIMIT;
 * the count counts the same query.
 */
export function queryBuilderSource<T extends object>(given: QueryBuilder<T>, options: SqlSourceOptions = {}): PageSource<T> {
  // A copy without the given builder's compiled query (clone's reset list): a builder compiled before
  // (its SQL logged) hands that query to every copy, which then ignores each page's conditions. Later
  // calls on the given builder do not reach the pages either.
  const qb = given.clone(['_query']);
  const em = builderEntityManager(qb);
  assertConfig(em, 'queryBuilderSource needs a QueryBuilder made by an EntityManager (em.createQueryBuilder)');
  const platform = em.getPlatform();
  const meta = qb.mainAlias.metadata as EntityMetadata<T>;
  const guard = statementGuard(em, options.queryTimeout);
  return createSource<T>({
    ordering: entityOrdering(meta, platform, qb.alias, options),
    guard,
    count: () => builderCount(qb.clone(), em, meta, guard),
    run: (page) => runThroughBuilder(qb.clone(), em, meta, guard, page),
    exists: (conditions) => existsThrough(qb.clone().getKnexQuery(), em, meta, guard, conditions),
    countWith: (strategy) =>
      countStatement({ query: () => qb.clone().getKnexQuery(), joins: () => joinsCollection(qb) }, em, strategy, (query) =>
        guard('count', async () => {
          await flushFirst(em, meta);
          return em.getConnection().execute<Array<Record<string, unknown>>>(query, [], 'all', em.getTransactionContext());
        }),
      ),
    foldsCount: false,
  });
}
