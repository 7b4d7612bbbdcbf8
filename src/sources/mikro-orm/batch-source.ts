import type { EntityMetadata, EntityName } from '@mikro-orm/core';
import type { Knex, QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { assertConfig, type BatchPageSource } from '../../core/internal';
import { BATCH_ALIAS, sqlBatchSource, type BatchStrategy, type ParentKey } from '../sql/batch-source';
import { entityOrdering } from './entity-ordering';
import { entityRows } from './entity-rows';
import type { MikroOrmSourceOptions } from './source-options';
import { applyWindow, rawSql } from './query-window';

export type { BatchStrategy, ParentKey } from '../sql/batch-source';

/** Options of {@link mikroOrmBatchSource}: those of `mikroOrmSource`, plus the parent key. */
export interface MikroOrmBatchSourceOptions<T extends object> extends MikroOrmSourceOptions<T> {
  /**
   * The property naming each row's parent: a many-to-one relation (`author`) or a scalar column
   * (`authorId`). Pages are windows per value of its column; `where` and `filters` apply besides it.
   */
  readonly key: string;
  /**
   * How the windows of a batch are asked, always in one statement: `union` (`(… where key = k1 order
   * by … limit n) union all (…)`, each an index seek; the default on SQLite and MariaDB), `lateral`
   * (PostgreSQL only, and its default: a LATERAL subquery per key, each an index seek) or `window`
   * (ROW_NUMBER() OVER (PARTITION BY key ORDER BY …), which reads every row of every parent: fine
   * for parents with few rows, slow for parents with many).
   */
  readonly strategy?: BatchStrategy;
}

/**
 * A BatchPageSource over an entity, for a paginated field under a list of parents: the pages of all
 * parents are one SQL statement (per-parent index seeks, each with its own keyset bound; see
 * {@link BatchStrategy} and the SQL module's `sqlBatchSource`), their counts one
 * `COUNT(*) ... GROUP BY key`; a page from a cursor tells whether a row lies behind it, as
 * `mikroOrmSource` does. Parent keys compare as text (`1` and `'1'` are one parent). Give it a
 * request-scoped (forked) EntityManager.
 */
export function mikroOrmBatchSource<T extends object>(
  em: SqlEntityManager,
  entity: EntityName<T>,
  options: MikroOrmBatchSourceOptions<T>,
): BatchPageSource<ParentKey, T> {
  const meta = em.getMetadata(entity) as EntityMetadata<T>;
  const platform = em.getPlatform();
  const keyProp = Object.prototype.hasOwnProperty.call(meta.properties, options.key)
    ? meta.properties[options.key as keyof typeof meta.properties]
    : undefined;
  assertConfig(keyProp, `unknown key property ${JSON.stringify(options.key)} on ${meta.className}`);
  assertConfig(keyProp.fieldNames?.length === 1, `key property ${JSON.stringify(options.key)} on ${meta.className} must be one column`);
  const quote = (name: string): string => platform.quoteIdentifier(name);
  const ordering = entityOrdering<T>(meta, platform, BATCH_ALIAS, options);
  const { uniqueKey } = ordering;
  const rows = entityRows<T>(em, entity, meta, options);
  const knex = em.getKnex();

  /**
   * The rows a page is taken from, each once: a filter on a collection joins it and would repeat
   * rows (and so shift every window), so then the filter becomes `pk in (select distinct pk ...)`.
   * Boxed, as a knex builder is thenable too.
   */
  const rowsQuery = async (fields: readonly string[] = []): Promise<{ readonly query: Knex.QueryBuilder }> => {
    // A projection (`fields`) keeps the parent key and the ordering's fields, which cursors read.
    const { qb, joins } = await rows.filtered(BATCH_ALIAS, fields, [options.key]);
    if (!joins()) return { query: qb.getKnexQuery() };
    assertConfig(uniqueKey.length === 1, `a filter on a collection of ${meta.className} needs a single-column primary key to batch`);
    const { qb: matching } = await rows.filtered('pw_f');
    matching.select(uniqueKey as never, true);
    const outer = em.createQueryBuilder(entity, BATCH_ALIAS) as unknown as QueryBuilder<T>;
    return { query: outer.where({ [uniqueKey[0]!]: { $in: matching.getKnexQuery() } } as never).getKnexQuery() };
  };

  /**
   * The entity's formula properties over `alias`, as MikroORM selects them beside `alias.*` (eager
   * ones only), for a statement that reads the table itself rather than the filtered builder.
   */
  const formulaSelects = (alias: string): string[] => {
    const quoted = quote(alias);
    const table = { alias: quoted, name: meta.tableName, qualifiedName: meta.tableName, toString: () => quoted };
    const columns = meta.createColumnMappingObject();
    return meta.props
      .filter((prop) => prop.formula && !prop.lazy)
      .map((prop) => `${prop.formula!(table as never, columns as never)} as ${quote(prop.fieldNames[0]!)}`);
  };

  return sqlBatchSource<T>({
    ordering,
    key: { column: keyProp.fieldNames[0]!, type: String(keyProp.columnTypes?.[0] ?? '') },
    ...(options.strategy === undefined ? {} : { strategy: options.strategy }),
    rows: {
      query: async (window) => {
        const compiled = applyWindow(knex, (await rowsQuery(window.fields)).query, window).toSQL();
        return { sql: compiled.sql, params: compiled.bindings };
      },
      relation: (alias) => ({
        from: { sql: `${quote(meta.tableName)} as ${quote(alias)}`, params: [] },
        select: [`${quote(alias)}.*`, ...formulaSelects(alias)],
      }),
      execute: (what, statement) => rows.execute(what, rawSql(knex, statement.sql, statement.params)),
      hydrate: async (raw, textFields, columns) => rows.populate(await rows.hydrate(raw, textFields, columns)),
    },
  });
}
