// Drizzle over the test databases: SQLite in memory (better-sqlite3), PostgreSQL (node-postgres) in
// a schema of its own, MariaDB (mysql2) in a database of its own, each dropped afterwards; the
// contract's table declared for each, and every statement Drizzle sends logged.
import Database from 'better-sqlite3';
import { eq, type SQL } from 'drizzle-orm';
import { drizzle as betterSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as mysqlDrizzle } from 'drizzle-orm/mysql2';
import * as my from 'drizzle-orm/mysql-core';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import * as pgc from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DrizzleDatabase, DrizzleQuery } from 'pagewise/drizzle';
import type { ContractRow } from 'pagewise/testing';
import { SERVERS, suffix, type Dialect } from '../../support/databases';

/** SQLite has no 64-bit integer mode that reads bigints, so the contract's `rank` is a custom column there. */
const sqliteBigint = lite.customType<{ data: bigint; driverData: number | bigint }>({
  dataType: () => 'integer',
  fromDriver: (value) => BigInt(value),
  toDriver: (value) => value,
});

/** The contract's table in each dialect, with the contract's types (created to the millisecond). */
export const contractTables = {
  sqlite: lite.sqliteTable('contract_row', {
    id: lite.integer('id').primaryKey(),
    dataset: lite.text('dataset').notNull(),
    parent: lite.integer('parent').notNull(),
    title: lite.text('title').notNull(),
    score: lite.integer('score'),
    created: lite.integer('created', { mode: 'timestamp_ms' }).notNull(),
    rank: sqliteBigint('rank').notNull(),
    flag: lite.integer('flag', { mode: 'boolean' }).notNull(),
  }),
  postgresql: pgc.pgTable('contract_row', {
    id: pgc.integer('id').primaryKey(),
    dataset: pgc.varchar('dataset', { length: 32 }).notNull(),
    parent: pgc.integer('parent').notNull(),
    title: pgc.varchar('title', { length: 64 }).notNull(),
    score: pgc.integer('score'),
    created: pgc.timestamp('created', { precision: 3, withTimezone: true }).notNull(),
    rank: pgc.bigint('rank', { mode: 'bigint' }).notNull(),
    flag: pgc.boolean('flag').notNull(),
  }),
  mariadb: my.mysqlTable('contract_row', {
    id: my.int('id').primaryKey(),
    dataset: my.varchar('dataset', { length: 32 }).notNull(),
    parent: my.int('parent').notNull(),
    title: my.varchar('title', { length: 64 }).notNull(),
    score: my.int('score'),
    created: my.datetime('created', { fsp: 3 }).notNull(),
    rank: my.bigint('rank', { mode: 'bigint' }).notNull(),
    flag: my.boolean('flag').notNull(),
  }),
} as const;

const DDL: Record<Dialect, readonly string[]> = {
  sqlite: [
    'create table contract_row (id integer primary key, dataset text not null, parent integer not null, title text not null, score integer, created integer not null, "rank" integer not null, flag integer not null)',
  ],
  postgresql: [
    'create table contract_row (id integer primary key, dataset varchar(32) not null, parent integer not null, title varchar(64) not null, score integer, created timestamptz(3) not null, "rank" bigint not null, flag boolean not null)',
  ],
  mariadb: [
    'create table contract_row (id int primary key, dataset varchar(32) not null, parent int not null, title varchar(64) not null, score int, created datetime(3) not null, `rank` bigint not null, flag boolean not null)',
  ],
};
const INDEXES = [
  'create index contract_dataset on contract_row (dataset, created)',
  'create index contract_parent on contract_row (parent, created)',
];

/** A Drizzle database open on a fresh schema or database, with its statements logged. */
export interface DrizzleTestDatabase {
  readonly dialect: Dialect;
  readonly db: DrizzleDatabase;
  /** Every statement Drizzle logged since the last `queries.length = 0`. */
  readonly queries: string[];
  /** Runs DDL or other SQL text on the database's own client. */
  readonly exec: (text: string) => Promise<void>;
  /** The contract's table of this dialect, filled with `rows` by `fill`. */
  readonly table: (typeof contractTables)[Dialect];
  /** Inserts rows into the contract's table. */
  readonly fill: (rows: readonly ContractRow[]) => Promise<void>;
  /** The select of the contract's rows meeting `where` (all of them without), as a source pages it. */
  readonly select: (where?: (table: (typeof contractTables)[Dialect]) => SQL) => DrizzleQuery;
  /** The rows of one data set. */
  readonly dataset: (name: string) => DrizzleQuery;
  close(): Promise<void>;
}

interface Selecting {
  select(): { from(table: unknown): DrizzleQuery & { where(condition: SQL): DrizzleQuery } };
  insert(table: unknown): { values(rows: readonly object[]): PromiseLike<unknown> };
}

/** Opens the contract's table in a fresh database of `dialect` (the servers at their test addresses). */
export async function openDrizzle(
  dialect: Dialect,
  options: { readonly port?: number; readonly poolSize?: number } = {},
): Promise<DrizzleTestDatabase> {
  const queries: string[] = [];
  const logger = { logQuery: (query: string) => void queries.push(query) };
  let db: DrizzleDatabase;
  let exec: (text: string) => Promise<void>;
  let close: () => Promise<void>;
  if (dialect === 'sqlite') {
    const client = new Database(':memory:');
    db = betterSqlite(client, { logger });
    exec = (text) => Promise.resolve(void client.exec(text));
    close = () => Promise.resolve(void client.close());
  } else if (dialect === 'postgresql') {
    const schema = suffix();
    const { host, user, dbName: database } = SERVERS.postgresql;
    const port = options.port ?? SERVERS.postgresql.port;
    const admin = new pg.Client({ host, port, user, database });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const pool = new pg.Pool({
      host,
      port,
      user,
      database,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 5000,
      max: options.poolSize ?? 10,
    });
    db = pgDrizzle(pool, { logger });
    exec = async (text) => void (await pool.query(text));
    close = async () => {
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    };
  } else {
    const database = suffix();
    const server = { host: SERVERS.mariadb.host, port: options.port ?? SERVERS.mariadb.port, user: SERVERS.mariadb.user };
    const admin = await mysql.createConnection(server);
    await admin.query(`create database \`${database}\``);
    await admin.end();
    const pool = mysql.createPool({ ...server, database, connectTimeout: 5000, connectionLimit: options.poolSize ?? 5 });
    db = mysqlDrizzle(pool, { logger, mode: 'default' });
    exec = async (text) => void (await pool.query(text));
    close = async () => {
      await pool.query(`drop database if exists \`${database}\``);
      await pool.end();
    };
  }
  for (const text of [...DDL[dialect], ...INDEXES]) await exec(text);
  const table = contractTables[dialect];
  const builder = db as unknown as Selecting;
  const select = (where?: (of: typeof table) => SQL): DrizzleQuery =>
    where ? builder.select().from(table).where(where(table)) : builder.select().from(table);
  queries.length = 0;
  return {
    dialect,
    db,
    queries,
    exec,
    table,
    select,
    dataset: (name) => select((of) => eq(of.dataset, name)),
    fill: async (rows) => {
      for (let start = 0; start < rows.length; start += 100) await builder.insert(table).values(rows.slice(start, start + 100));
      queries.length = 0;
    },
    close,
  };
}
