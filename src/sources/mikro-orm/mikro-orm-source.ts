import type { EntityManager, EntityMetadata, EntityName, EntityRepository, FilterOptions, FilterQuery, Platform } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import {
  assertConfig,
  type NullOrder,
  type OrderingField,
  type OrderingSpec,
  type PageSource,
  type SeekRequest,
  type SeekResult,
} from '../../core';
import { rememberTexts, takeTexts } from './datetime-text';
import { entityOrdering, type EntityOrdering } from './entity-ordering';
import { entityRows, joinsCollection } from './entity-rows';
import { flushFirst } from './flush';
import { isTrivial, type SqlCondition } from './keyset';
import { guarded } from './unavailable';

/** Options shared by {@link mikroOrmSource} and {@link queryBuilderSource}. */
export interface SqlSourceOptions {
  /**
   * The order of page-number and limit-offset pages (default: the primary key). The primary key is
   * appended as tiebreaker so pages never overlap.
   */
  readonly ordering?: OrderingSpec;
  /**
   * Fields a page may be ordered by (DRF's OrderingFilter `ordering_fields`). When set, any other
   * field in an ordering is INVALID_ARGUMENT before SQL is built; the primary key is always allowed.
   */
  readonly orderingFields?: readonly string[];
  /**
   * A client's ordering for page-number and limit-offset pages (`?ordering=-created,title` or a
   * GraphQL argument), checked against `orderingFields`; absent or empty means `ordering`.
   */
  readonly requestedOrdering?: string | readonly string[] | null;
  /** The argument name reported with an invalid `requestedOrdering` (default `ordering`). */
  readonly orderingArgument?: string;
  /** An unknown requested field: `error` (INVALID_ARGUMENT, default) or `ignore` (DRF's filter). */
  readonly onInvalidOrdering?: 'error' | 'ignore';
  /** Where NULL sorts ascending in this database (default: known per dialect). */
  readonly nullOrder?: NullOrder;
  /** Whether to use row-value comparisons `(a, b) > (?, ?)` (default: PostgreSQL and SQLite). */
  readonly rowValues?: boolean;
}

/** Options of {@link mikroOrmSource}. */
export interface MikroOrmSourceOptions<T extends object> extends SqlSourceOptions {
  /** The source's filter, applied to pages and counts alike. */
  readonly where?: FilterQuery<T>;
  /** Relations to load for the page's rows (MikroORM populate hints), after the page query. */
  readonly populate?: readonly string[];
  /**
   * MikroORM filters (`@Filter`), applied as em.find applies them: default filters on unless this
   * says otherwise (`{ softDelete: false }`); `false` turns them all off.
   */
  readonly filters?: FilterOptions;
}

const ALIAS = 'e';
/** The column of the probe's answer beside a page's rows. */
const BEYOND = 'pw_beyond';

/** One page's statement as data: conditions ANDed to the source's filter, the order, the window. */
interface PageQuery {
  readonly conditions: readonly SqlCondition[];
  /** The fields (checked against metadata and the allow-list) and whether the scan runs reversed. */
  readonly ordering: readonly OrderingField[];
  readonly reversed: boolean;
  readonly limit: number;
  readonly offset: number;
  /** Exact datetime ordering fields and the select of each one's text (`cast(… as text) as pw_t_…`). */
  readonly texts: ReadonlyArray<{ readonly field: string; readonly select: string }>;
  /** Rows behind the seek's starting bound (alternatives), whose existence the page reports (`beyond`). */
  readonly probe?: readonly SqlCondition[] | null;
}

/** A page's rows and, when its query asked, whether any row lies behind its starting bound. */
interface PageRows<T> {
  readonly rows: T[];
  readonly beyond?: boolean;
}

interface SourceParts<T extends object> {
  readonly ordering: EntityOrdering<T>;
  /** The source's query without ordering or window (for the count); boxed, as a builder is thenable. */
  readonly base: () => Promise<{ readonly qb: QueryBuilder<T> }>;
  /** Flushes pending changes first, as em.find does (shared with a concurrent page or count). */
  readonly flush: () => Promise<void>;
  /** Runs one page statement and returns its rows as managed entities (and the probe's answer). */
  readonly run: (query: PageQuery) => Promise<PageRows<T>>;
}

/**
 * Runs a page through a QueryBuilder itself, so joins and populate hints map as MikroORM maps them,
 * and a filter that joins a collection is wrapped in MikroORM's subquery (no row twice on a page).
 */
async function runThroughBuilder<T extends object>(
  page: QueryBuilder<T>,
  em: SqlEntityManager,
  meta: EntityMetadata<T>,
  query: PageQuery,
): Promise<T[]> {
  for (const condition of query.conditions) page.andWhere(condition.sql, [...condition.params]);
  page.orderBy(query.ordering.map(({ field, descending }) => ({ [field]: descending !== query.reversed ? 'desc' : 'asc' })) as never);
  page.limit(query.limit);
  if (query.offset > 0) page.offset(query.offset);
  if (query.texts.length > 0) {
    const fields = (page as unknown as { _fields?: unknown[] })._fields;
    if (!fields || fields.length === 0) page.select('*');
    page.addSelect(query.texts.map(({ select }) => raw(select)) as never);
  }
  // getResultList maps the rows it executes; the texts are taken out of them first, keyed by row.
  const found = new Map<string, ReadonlyMap<string, string>>();
  if (query.texts.length > 0) {
    const execute = page.execute.bind(page) as (...args: unknown[]) => Promise<unknown>;
    (page as unknown as { execute: (...args: unknown[]) => Promise<unknown> }).execute = async (...args) => {
      const result = await execute(...args);
      if (Array.isArray(result)) {
        const taken = takeTexts(
          result as Record<string, unknown>[],
          query.texts.map(({ field }) => field),
        );
        (result as Record<string, unknown>[]).forEach((row, index) => found.set(primaryKeyText(meta, row), taken[index]!));
      }
      return result;
    };
  }
  await flushFirst(em, meta);
  const rows = (await guarded('page', () => page.getResultList())) as T[];
  for (const row of rows) {
    const texts = found.get(primaryKeyText(meta, row as Record<string, unknown>));
    if (texts) rememberTexts(row, texts);
  }
  return rows;
}

/** A row's primary key as text, the same for a mapped result and its entity (scalar keys). */
const primaryKeyText = (meta: EntityMetadata, row: Record<string, unknown>): string =>
  JSON.stringify(meta.primaryKeys.map((key) => String(row[key])));

function createSource<T extends object>(parts: SourceParts<T>): PageSource<T> {
  const { dialect, uniqueKey, fieldType, checked, sliceOrder, seekConditions, probeConditions, textFieldsOf, textSelect, valueOf } =
    parts.ordering;
  const textsOf = (ordering: readonly OrderingField[]): PageQuery['texts'] =>
    textFieldsOf(ordering).map((field) => ({ field, select: textSelect(field) }));

  return {
    uniqueKey,
    nullOrder: dialect.nullOrder,
    fieldType,
    valueOf,
    count: () =>
      guarded('count', async () => {
        const { qb } = await parts.base();
        await parts.flush();
        return qb.getCount();
      }),
    async slice(offset: number, limit: number, ordering?: readonly OrderingField[]): Promise<readonly T[]> {
      return (await parts.run({ conditions: [], ordering: sliceOrder(ordering), reversed: false, limit, offset, texts: [] })).rows;
    },
    async seek(request: SeekRequest): Promise<SeekResult<T>> {
      const ordering = checked(request.ordering);
      const conditions = seekConditions(ordering, request);
      if (!conditions) return { rows: [] };
      const reversed = request.direction === 'backward';
      const probe = probeConditions(ordering, request);
      const page = await parts.run({
        conditions,
        ordering,
        reversed,
        limit: request.limit,
        offset: request.offset,
        texts: textsOf(ordering),
        probe,
      });
      return page.beyond === undefined ? { rows: page.rows } : { rows: page.rows, beyond: page.beyond };
    },
  };
}

function isRepository<T extends object>(value: EntityManager | EntityRepository<T>): value is EntityRepository<T> {
  return typeof (value as { getEntityName?: unknown }).getEntityName === 'function';
}

/**
 * A PageSource over an entity: every page is one SQL statement (`LIMIT n+1 OFFSET k`, or a keyset
 * `WHERE … ORDER BY … LIMIT n+1`), and `COUNT(*)` over the same filter runs only when asked.
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
  const quote = (name: string): string => em.getPlatform().quoteIdentifier(name);
  /** The source's rows behind a cursor, for `exists (...)`; boxed, as a knex builder is thenable. */
  const probeQuery = async (condition: SqlCondition): Promise<{ readonly query: Knex.QueryBuilder }> => {
    const { qb } = await rows.filtered(ALIAS);
    const query = qb.getKnexQuery().clearSelect().select(em.getKnex().raw('1'));
    if (!isTrivial(condition)) query.whereRaw(`(${condition.sql})`, [...condition.params] as never[]);
    return { query };
  };
  return createSource<T>({
    ordering,
    base: () => rows.filtered(ALIAS),
    flush: () => flushFirst(em, meta),
    // The filter goes through MikroORM's QueryBuilder; the keyset, order and window are added to its
    // knex query directly, which saves the builder's criteria processing on every page. A filter on
    // a collection joins it, and then the builder's own subquery keeps rows from repeating.
    run: async (page) => {
      const { qb: filtered } = await rows.filtered(ALIAS);
      // A filter on a collection goes through the builder, which answers no probe (core then assumes a row behind).
      if (joinsCollection(filtered)) return { rows: await rows.populate(await runThroughBuilder(filtered, em, meta, page)) };
      const knex = em.getKnex();
      const query = filtered.getKnexQuery();
      for (const { select } of page.texts) query.select(knex.raw(select));
      for (const condition of page.conditions) query.whereRaw(`(${condition.sql})`, [...condition.params] as never[]);
      query.orderByRaw(ordering.orderBy(page.ordering, page.reversed)).limit(page.limit);
      if (page.offset > 0) query.offset(page.offset);
      // The probe rides along as a column: `exists (... strictly behind) or exists (... the cursor's row)`.
      const probes = page.probe && page.probe.length > 0 ? await Promise.all(page.probe.map(probeQuery)) : null;
      const asked = probes
        ? knex.raw(
            `(${probes.map(() => 'exists ?').join(' or ')}) as ${quote(BEYOND)}`,
            probes.map((probe) => probe.query),
          )
        : null;
      if (asked) query.select(asked);
      const raw = await rows.execute('page', query);
      // Every alternative impossible: nothing can lie behind the cursor.
      let beyond: boolean | undefined = page.probe?.length === 0 ? false : undefined;
      if (asked) {
        // An empty page carries no column: then the probe is a statement of its own.
        const answer = raw.length > 0 ? raw : await rows.execute('page', knex.select(asked));
        beyond = answer[0]![BEYOND] === true || Number(answer[0]![BEYOND]) === 1;
        for (const row of raw) delete row[BEYOND];
      }
      const found = await rows.populate(
        await rows.hydrate(
          raw,
          page.texts.map(({ field }) => field),
        ),
      );
      return beyond === undefined ? { rows: found } : { rows: found, beyond };
    },
  });
}

/**
 * A PageSource over a QueryBuilder for custom SQL (joins, raw conditions): each page clones it and
 * adds the keyset condition, ORDER BY and LIMIT; the count counts the same query.
 */
export function queryBuilderSource<T extends object>(qb: QueryBuilder<T>, options: SqlSourceOptions = {}): PageSource<T> {
  // The builder keeps its platform protected; it is the one its EntityManager uses.
  const platform = (qb as unknown as { platform: Platform }).platform;
  const em = (qb as unknown as { em?: SqlEntityManager }).em;
  assertConfig(em, 'queryBuilderSource needs a QueryBuilder made by an EntityManager (em.createQueryBuilder)');
  const meta = qb.mainAlias.metadata as EntityMetadata<T>;
  return createSource<T>({
    ordering: entityOrdering(meta, platform, qb.alias, options),
    base: () => Promise.resolve({ qb: qb.clone() }),
    flush: () => flushFirst(em, meta),
    // The builder answers no probe: core then assumes a row behind the cursor.
    run: async (page) => ({ rows: await runThroughBuilder(qb.clone(), em, meta, page) }),
  });
}
