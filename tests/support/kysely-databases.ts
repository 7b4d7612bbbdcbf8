// Kysely over the test databases: SQLite in memory (better-sqlite3), PostgreSQL (pg) in a schema of
// its own, MariaDB (mysql2) in a database of its own; each logs the statements it runs.
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, type Dialect as KyselyDialect, type LogEvent } from 'kysely';
import { createPool } from 'mysql2';
import { Pool } from 'pg';
import { SERVERS, suffix, type Dialect } from './databases';

/** An open Kysely test database: the instance, the SQL it ran since the last `statements.length = 0`, how to drop it. */
export interface KyselyTestDatabase<DB> {
  readonly dialect: Dialect;
  readonly db: Kysely<DB>;
  readonly statements: string[];
  /** The schema (PostgreSQL) or database (MariaDB) of this run. */
  readonly namespace: string | null;
  /** Runs DDL or a seed statement outside the log. */
  readonly exec: (statement: string) => Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link openKyselyDatabase}: a port instead of the server's (a dead one), extra pool settings. */
export interface KyselyOpenOptions {
  readonly port?: number;
  readonly pool?: Readonly<Record<string, unknown>>;
  /** Make no schema or database (a server that cannot be reached). */
  readonly bare?: boolean;
}

/** Opens a fresh Kysely database of `dialect`. */
export async function openKyselyDatabase<DB>(dialect: Dialect, options: KyselyOpenOptions = {}): Promise<KyselyTestDatabase<DB>> {
  const statements: string[] = [];
  const log = (event: LogEvent): void => {
    if (event.level === 'query') statements.push(event.query.sql);
  };
  const make = (kysely: KyselyDialect): Kysely<DB> => new Kysely<DB>({ dialect: kysely, log });

  if (dialect === 'sqlite') {
    const database = new Database(':memory:');
    const db = make(new SqliteDialect({ database }));
    return { dialect, db, statements, namespace: null, exec: async (text) => void database.exec(text), close: () => db.destroy() };
  }

  if (dialect === 'postgresql') {
    const { host, user, dbName } = SERVERS.postgresql;
    const port = options.port ?? SERVERS.postgresql.port;
    const schema = suffix();
    const admin = options.bare ? null : new Pool({ host, port, user, database: dbName, max: 1 });
    await admin?.query(`create schema "${schema}"`);
    const pool = new Pool({ host, port, user, database: dbName, options: `-c search_path=${schema}`, max: 4, ...options.pool });
    const db = make(new PostgresDialect({ pool: pool as never }));
    return {
      dialect,
      db,
      statements,
      namespace: schema,
      exec: async (text) => void (await pool.query(text)),
      close: async () => {
        await db.destroy();
        await admin?.query(`drop schema if exists "${schema}" cascade`);
        await admin?.end();
      },
    };
  }

  const { host, user } = SERVERS.mariadb;
  const port = options.port ?? SERVERS.mariadb.port;
  const database = suffix();
  if (!options.bare) {
    const admin = createPool({ host, port, user, connectionLimit: 1 }).promise();
    await admin.query(`create database \`${database}\``);
    await admin.end();
  }
  const pool = createPool({ host, port, user, database: options.bare ? undefined : database, connectionLimit: 4, ...options.pool });
  const db = make(new MysqlDialect({ pool }));
  return {
    dialect,
    db,
    statements,
    namespace: database,
    exec: async (text) => void (await pool.promise().query(text)),
    close: async () => {
      if (!options.bare) await pool.promise().query(`drop database if exists \`${database}\``);
      await db.destroy();
    },
  };
}
