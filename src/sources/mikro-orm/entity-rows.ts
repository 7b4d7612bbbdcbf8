import { QueryFlag, ReferenceKind, type EntityMetadata, type EntityName, type FilterOptions, type FilterQuery } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { assertConfig } from '../../core/internal';
import { rememberTexts } from '../sql/datetime-text';
import { pageRows } from '../sql/raw-rows';
import { flushFirst } from './flush';
import { metadataCache } from './metadata-cache';
import { statementGuard } from './query-timeout';
import type { StatementRunner } from '../sql/statement-timeout';

/** What the sources read their rows under: the filter, MikroORM filters and relations to populate. */
export interface EntityRowsOptions<T extends object> {
  readonly where?: FilterQuery<T>;
  readonly filters?: FilterOptions;
  readonly populate?: readonly string[];
  /** Milliseconds a statement may take before SOURCE_UNAVAILABLE (see `SqlSourceOptions`). */
  readonly queryTimeout?: number;
  /** Plain rows instead of managed entities (see `MikroOrmSourceOptions.lean`). */
  readonly lean?: boolean;
  /** The properties a page selects, besides its keys and ordering (see `MikroOrmSourceOptions.fields`). */
  readonly fields?: readonly string[];
}

/**
 * The rows of a page's statement as a knex query. Without a filter it is the entity's statement as
 * MikroORM writes it, compiled once (see {@link plainStatement}); otherwise the filtered builder's.
 */
export interface RowsStatement<T extends object> {
  /** A new knex query of the rows, to write a window into. */
  readonly query: () => Knex.QueryBuilder;
  /** Whether the rows join a collection (then they are paged through `qb`, MikroORM's own subquery). */
  readonly joins: () => boolean;
  /** The filtered builder the rows come from; null when nothing filters them (no builder is made). */
  readonly qb: QueryBuilder<T> | null;
}

/** Reading an entity's rows as em.find does, for statements the sources build themselves. */
export interface EntityRows<T extends object> {
  /**
   * A builder of the entity under `where` and the active MikroORM filters, boxed (a builder is
   * thenable); under a projection it selects its fields, the primary key, `fields` and `keep`.
   */
  readonly filtered: (
    alias: string,
    fields?: readonly string[],
    keep?: readonly string[],
  ) => Promise<{ readonly qb: QueryBuilder<T>; readonly joins: () => boolean }>;
  /**
   * The rows as a knex query (see {@link RowsStatement}): what `filtered` selects, without compiling
   * a builder on every page when no `where`, active filter or projection applies.
   */
  readonly statement: (alias: string, fields?: readonly string[]) => Promise<RowsStatement<T>>;
  /** Flushes pending changes first, then runs a statement on the source's connection. */
  readonly execute: (what: string, query: Knex.QueryBuilder | Knex.Raw) => Promise<Array<Record<string, unknown>>>;
  /**
   * Raw rows to managed entities, as em.find maps them (each merged into the identity map, onLoad
   * hooks run), or with `lean` to plain objects keyed by property; the texts of `textFields` (kept
   * for `valueOf`) and the strategy's `columns` left out.
   */
  readonly hydrate: (raw: Array<Record<string, unknown>>, textFields?: readonly string[], columns?: readonly string[]) => Promise<T[]>;
  /** A record the QueryBuilder mapped (property names) as a row: a managed entity, or plain with `lean`. */
  readonly fromMapped: (record: Record<string, unknown>) => T;
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

/** The connection a source reads through: a read replica when MikroORM prefers them (outside a transaction it picks one). */
export const readConnection = (em: SqlEntityManager): 'read' | 'write' => (em.config.get('preferReadReplicas') ? 'read' : 'write');

/** How the sources read rows of `entity` through `em` under `options`. */
export function entityRows<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  meta: EntityMetadata<T>,
  options: EntityRowsOptions<T>,
): EntityRows<T> {
  const readFrom = readConnection(em);
  const { where, filters, populate } = options;
  const guard = statementGuard(em, options.queryTimeout);
  const projected = options.fields ? projection(meta, options.fields) : null;
  assertConfig(
    !(options.lean && populate && populate.length > 0),
    `the \`populate\` option of a source over ${meta.className} needs managed entities: it cannot be combined with \`lean\``,
  );
  /** The active MikroORM filters' condition, null when none applies. */
  const activeFilters = async (): Promise<FilterQuery<T> | null> => {
    if (filters === false) return null;
    const active = await em.applyFilters<T>(meta.className, {}, filters, 'read');
    return active && Reflect.ownKeys(active).length > 0 ? (active as FilterQuery<T>) : null;
  };
  const builder = (alias: string, fields: readonly string[], keep: readonly string[], active: FilterQuery<T> | null) => {
    const qb = em.createQueryBuilder(entity, alias) as unknown as QueryBuilder<T>;
    if (projected) {
      const names = new Set([...meta.primaryKeys, ...keep, ...fields, ...projected]);
      qb.select([...names] as never);
    }
    if (where !== undefined) qb.where(where as never);
    if (active) qb.andWhere(active as never);
    // Compiling a copy to learn whether a collection is joined costs as much as the page's own
    // query: only conditions that name a relation can join one.
    const relational = (where !== undefined && namesRelation(meta, where)) || (active !== null && namesRelation(meta, active));
    return { qb, joins: () => relational && joinsCollection(qb) };
  };
  return {
    guard,
    filtered: async (alias, fields = [], keep = []) => builder(alias, fields, keep, await activeFilters()),
    statement: async (alias, fields = []) => {
      const active = await activeFilters();
      const plain = where === undefined && active === null && !projected ? plainStatement(em, entity, meta, alias) : null;
      if (plain) {
        const knex = em.getKnex();
        return { query: () => knex.select(knex.raw(plain.select)).from(knex.raw(plain.from)), joins: () => false, qb: null };
      }
      const { qb, joins } = builder(alias, fields, [], active);
      // A copy each time: a copy of a compiled builder would share its query.
      return { query: () => qb.clone().getKnexQuery(), joins, qb };
    },
    execute: (what, query) =>
      guard(what, async () => {
        await flushFirst(em, meta);
        return em.getConnection(readFrom).execute<Array<Record<string, unknown>>>(query, [], 'all', em.getTransactionContext());
      }),
    hydrate: async (records, textFields = [], columns = []) => {
      const factory = em.getEntityFactory();
      const driver = em.getDriver();
      const { rows: raw, texts } = pageRows(records, textFields, columns);
      if (options.lean) {
        const rows = raw.map((row) => plainRow<T>(driver.mapResult(row as never, meta) as Record<string, unknown>, meta, em));
        rows.forEach((row, index) => rememberTexts(row, texts[index]!));
        return rows;
      }
      const rows = raw.map((row) =>
        factory.create<T>(meta.className, driver.mapResult(row as never, meta) as never, { merge: true, convertCustomTypes: true }),
      );
      rows.forEach((row, index) => rememberTexts(row, texts[index]!));
      await em.getUnitOfWork().dispatchOnLoadEvent();
      return rows;
    },
    fromMapped: (record) => (options.lean ? plainRow<T>(record, meta, em) : em.map<T>(meta.className, record as never)),
    populate: async (rows) => {
      if (rows.length > 0 && populate && populate.length > 0) await guard('populate', () => em.populate(rows, populate as never));
      return rows;
    },
  };
}

/** An entity's rows without a filter, as its builder writes them: `select <columns>` and `from <table> as <alias>`. */
interface PlainStatement {
  readonly select: string;
  readonly from: string;
}

// Per entity, alias and schema: a builder without conditions writes the same statement every time,
// and compiling it was the larger part of a page's statement work.
const plainStatements = metadataCache<PlainStatement | null>();

// `select … from <table> as <alias>`, nothing after it: a builder that adds a join, a condition
// (single-table inheritance's discriminator) or a parameter is not plain, and keeps being compiled.
const PLAIN = /^select (.+) from ((?:`[^`]+`|"[^"]+")(?:\.(?:`[^`]+`|"[^"]+"))?) as (`[^`]+`|"[^"]+")$/s;

/** The unfiltered statement of `entity` over `alias` in the em's schema, compiled once; null when its builder writes more than a plain select. */
function plainStatement<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  meta: EntityMetadata<T>,
  alias: string,
): PlainStatement | null {
  // No schema (the configured one applies) and the empty schema are told apart.
  const key = em.schema === undefined ? alias : `${alias}\u0000${em.schema}`;
  return plainStatements(meta, key, () => {
    const { sql, bindings } = em.createQueryBuilder(entity, alias).getKnexQuery().toSQL();
    const match = bindings.length === 0 ? PLAIN.exec(sql) : null;
    return match && match[3] === em.getPlatform().quoteIdentifier(alias)
      ? { select: match[1]!, from: `${match[2]!} as ${match[3]}` }
      : null;
  });
}

/** The properties of `fields`, checked at definition: each a column of the entity (a relation: its key). */
function projection<T extends object>(meta: EntityMetadata<T>, fields: readonly string[]): readonly string[] {
  for (const field of fields) {
    const prop = Object.prototype.hasOwnProperty.call(meta.properties, field)
      ? meta.properties[field as keyof typeof meta.properties]
      : undefined;
    assertConfig(prop, `the \`fields\` option names ${JSON.stringify(field)}, which is not a property of ${meta.className}`);
    assertConfig(
      prop.persist !== false &&
        (prop.kind === ReferenceKind.SCALAR ||
          prop.kind === ReferenceKind.EMBEDDED ||
          prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner === true)),
      `the \`fields\` option names ${JSON.stringify(field)} of ${meta.className}, which is no column of its table (a collection or an inverse side)`,
    );
  }
  return fields;
}

/**
 * A lean row: MikroORM's mapping of a result (column to property names, dates and booleans as em.find
 * makes them) with custom types converted too, as `convertCustomTypes` converts an entity's.
 */
function plainRow<T extends object>(mapped: Record<string, unknown>, meta: EntityMetadata<T>, em: SqlEntityManager): T {
  const platform = em.getPlatform();
  for (const prop of meta.props) {
    const value = mapped[prop.name];
    if (prop.customType && value !== null && value !== undefined) mapped[prop.name] = prop.customType.convertToJSValue(value, platform);
  }
  return mapped as T;
}

/**
 * Whether a condition names a relation of the entity anywhere (through `$and`, `$or`, `$not`), or a
 * key that is no property (a path): only then can MikroORM join a collection for it.
 */
function namesRelation(meta: EntityMetadata, condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return false;
  if (Array.isArray(condition)) return condition.some((item) => namesRelation(meta, item));
  for (const key of Reflect.ownKeys(condition)) {
    if (typeof key !== 'string') return true;
    const value = (condition as Record<string, unknown>)[key];
    if (key === '$and' || key === '$or' || key === '$not') {
      if (namesRelation(meta, value)) return true;
      continue;
    }
    const prop = Object.prototype.hasOwnProperty.call(meta.properties, key) ? meta.properties[key as never] : undefined;
    if (!prop || (prop as { kind: ReferenceKind }).kind !== ReferenceKind.SCALAR) return true;
  }
  return false;
}
