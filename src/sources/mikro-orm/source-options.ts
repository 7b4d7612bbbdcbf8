// The options of the MikroORM sources, apart from the sources, so that what shares them imports no source.
import type { FilterOptions, FilterQuery } from '@mikro-orm/core';
import type { SqlOrderingOptions } from '../sql/ordering';

/** Options shared by `mikroOrmSource`, `queryBuilderSource` and `mikroOrmBatchSource`. */
export interface SqlSourceOptions extends SqlOrderingOptions {
  /**
   * Milliseconds one statement may take, waiting for a pool connection included, before the page
   * answers SOURCE_UNAVAILABLE and the statement's connection is closed, not reused (default 5000;
   * 0 or Infinity: unbounded). Bounds a database that stopped answering on an open connection.
   */
  readonly queryTimeout?: number;
}

/** Options of `mikroOrmSource`. */
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
  /**
   * Plain objects instead of managed entities: property names, values converted as em.find converts
   * them, relations as their keys; not in the identity map, no lazy relations, no onLoad hooks, no
   * `populate`. Cheaper to read; for pages rendered and thrown away.
   */
  readonly lean?: boolean;
  /**
   * The properties a page selects (MikroORM's `fields`), for a projection: the primary key, the
   * ordering's fields and a batch's parent key are always selected too. Default: every column.
   */
  readonly fields?: readonly string[];
}
