import { QueryFlag, type EntityMetadata, type EntityName, type FilterOptions, type FilterQuery } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { rememberTexts, takeTexts } from '../sql/datetime-text';
import { flushFirst } from './flush';
import { statementGuard } from './query-timeout';
import type { StatementRunner } from '../sql/statement-timeout';

/** What the sources read their rows under: the filter, MikroORM filters and relations to populate. */
export interface EntityRowsOptions<T extends object> {
  readonly where?: FilterQuery<T>;
  readonly filters?: FilterOptions;
  readonly populate?: readonly string[];
  /** Milliseconds a statement may take before SOURCE_UNAVAILABLE (see `SqlSourceOptions`). */
  readonly queryTimeout?: number;
}

/** Reading an entity's rows as em.find does, for statements the sources build themselves. */
export interface EntityRows<T extends object> {
  /** A builder of the entity under `where` and the active MikroORM filters, boxed (a builder is thenable). */
  readonly filtered: (alias: string) => Promise<{ readonly qb: QueryBuilder<T> }>;
  /** Flushes pending changes first, then runs a statement on the source's connection. */
  readonly execute: (what: string, query: Knex.QueryBuilder | Knex.Raw) => Promise<Array<Record<string, unknown>>>;
  /**
   * Raw rows to managed entities, as em.find maps them (each merged into the identity map, onLoad
   * hooks run); the texts of `textFields` are taken out first and kept for `valueOf`.
   */
  readonly hydrate: (raw: readonly Record<string, unknown>[], textFields?: readonly string[]) => Promise<T[]>;
  /** Loads the `populate` relations of a page's rows, once for all of them. */
  readonly populate: (rows: T[]) => Promise<T[]>;
  /** Runs a statement under the source's query timeout, its connection failures SOURCE_UNAVAILABLE. */
  readonly guard: StatementRunner;
}

/**
 * Whether a builder joins a collection (its filter names a 1:m or m:n relation): MikroORM flags such
 * a builder PAGINATE as it compiles it (then it pages through a subquery of distinct primary keys),
 * so a compiled copy tells, and the builder itself stays open to conditions and a window.
 */
export function joinsCollection<T extends object>(qb: QueryBuilder<T>): boolean {
  const compiled = qb.clone();
  compiled.getKnexQuery();
  return compiled.hasFlag(QueryFlag.PAGINATE);
}

/** How the sources read rows of `entity` through `em` under `options`. */
export function entityRows<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  meta: EntityMetadata<T>,
  options: EntityRowsOptions<T>,
): EntityRows<T> {
  const readFrom = em.config.get('preferReadReplicas') ? 'read' : 'write';
  const { where, filters, populate } = options;
  const guard = statementGuard(em, options.queryTimeout);
  return {
    guard,
    filtered: async (alias) => {
      const qb = em.createQueryBuilder(entity, alias) as unknown as QueryBuilder<T>;
      if (where !== undefined) qb.where(where as never);
      if (filters !== false) {
        const active = await em.applyFilters<T>(meta.className, {}, filters, 'read');
        if (active && Reflect.ownKeys(active).length > 0) qb.andWhere(active as never);
      }
      return { qb };
    },
    execute: (what, query) =>
      guard(what, async () => {
        await flushFirst(em, meta);
        return em.getConnection(readFrom).execute<Array<Record<string, unknown>>>(query, [], 'all', em.getTransactionContext());
      }),
    hydrate: async (raw, textFields = []) => {
      const factory = em.getEntityFactory();
      const driver = em.getDriver();
      const texts = takeTexts(raw, textFields);
      const rows = raw.map((row) =>
        factory.create<T>(meta.className, driver.mapResult(row as never, meta) as never, { merge: true, convertCustomTypes: true }),
      );
      rows.forEach((row, index) => rememberTexts(row, texts[index]!));
      await em.getUnitOfWork().dispatchOnLoadEvent();
      return rows;
    },
    populate: async (rows) => {
      if (rows.length > 0 && populate && populate.length > 0) await guard('populate', () => em.populate(rows, populate as never));
      return rows;
    },
  };
}
