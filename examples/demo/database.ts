// Opens the demo's database: an embedded SQLite file by default, or the server DATABASE_URL names
// (postgres://, mysql:// or mariadb://). Only the driver in use is loaded.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';
import { connectTimeouts } from 'pagewise/mikro-orm';
import { entities } from './entities';
import { recordSql } from './sql-log';

/** Where the demo keeps its data. */
export interface DatabaseOptions {
  /** `postgres://…`, `mysql://…` or `mariadb://…`; absent means SQLite. */
  readonly url?: string | undefined;
  /**
   * Read replicas of the `url` server (`postgres://…` URLs): MikroORM reads pages and counts from them
   * (`preferReadReplicas`) and writes to `url`.
   */
  readonly replicas?: readonly string[];
  /** The SQLite file (default `.data/demo.sqlite`); `:memory:` for tests. */
  readonly sqliteFile?: string;
  /** Log every SQL statement (for tests that assert what ran). */
  readonly logger?: (message: string) => void;
  /** Record the SQL of each page for the page at `/` (see sql-log.ts); on with `logger`. */
  readonly captureSql?: boolean;
}

/** The kind of database a URL names. */
export function dialectOf(url: string | undefined): 'sqlite' | 'postgresql' | 'mariadb' {
  if (!url) return 'sqlite';
  const scheme = url.split(':', 1)[0]!.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgresql';
  if (scheme === 'mysql' || scheme === 'mariadb') return 'mariadb';
  throw new Error(`DATABASE_URL must start with postgres://, mysql:// or mariadb://, not ${scheme}://`);
}

/** MikroORM's `replicas` option from replica URLs (host, port, user, password; the database is the primary's). */
function replicasOf(urls: readonly string[] | undefined): Partial<Options> {
  if (!urls || urls.length === 0) return {};
  return {
    replicas: urls.map((text) => {
      const url = new URL(text);
      return {
        host: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
        ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      };
    }),
  };
}

/** Opens the ORM (creating the schema when the tables are missing). */
export async function openDatabase(options: DatabaseOptions = {}): Promise<MikroORM> {
  const dialect = dialectOf(options.url);
  const common: Partial<Options> = {
    entities,
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    ...(options.logger || options.captureSql
      ? {
          debug: ['query' as const, 'query-params' as const],
          colors: false,
          logger: (message: string) => {
            recordSql(message);
            options.logger?.(message);
          },
        }
      : { debug: false }),
  };
  let orm: MikroORM;
  if (dialect === 'sqlite') {
    const { MikroORM: SqliteOrm } = await import('@mikro-orm/sqlite');
    const file = options.sqliteFile ?? '.data/demo.sqlite';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    orm = await SqliteOrm.init({ ...common, dbName: file });
  } else if (dialect === 'postgresql') {
    const { MikroORM: PostgresOrm } = await import('@mikro-orm/postgresql');
    orm = await PostgresOrm.init({ ...common, ...connectTimeouts(), clientUrl: options.url, ...replicasOf(options.replicas) });
  } else {
    const { MikroORM: MariaDbOrm } = await import('@mikro-orm/mariadb');
    orm = await MariaDbOrm.init({
      ...common,
      ...connectTimeouts(),
      clientUrl: options.url!.replace(/^mariadb:/, 'mysql:'),
      ...replicasOf(options.replicas),
    });
  }
  try {
    await orm.schema.updateSchema({ safe: true });
  } catch (error) {
    await orm.close(); // no pool left open behind a failed start
    throw error;
  }
  return orm;
}
