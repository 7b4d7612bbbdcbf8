// The test databases: SQLite in memory always; PostgreSQL and MariaDB on this machine, each run in a
// schema or database of its own (random suffix), dropped afterwards. A suite whose server does not
// answer fails with the reason and how to start it; nothing is skipped.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { EntitySchema, Options } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { connectTimeouts } from 'pagewise/mikro-orm';

/** An ORM over one of the SQL drivers, so `orm.em` is a SqlEntityManager. */
export type SqlOrm = MikroORM<AbstractSqlDriver>;

const init = (options: Options): Promise<SqlOrm> => MikroORM.init(options) as unknown as Promise<SqlOrm>;

/** A database a suite can run against. */
export type Dialect = 'sqlite' | 'postgresql' | 'mariadb';

/** An open test database: the ORM, the SQL it ran (when captured), and how to drop it. */
export interface TestDatabase {
  readonly dialect: Dialect;
  readonly orm: SqlOrm;
  /** Every statement MikroORM logged since the last `queries.length = 0`. */
  readonly queries: string[];
  /** The schema (PostgreSQL) or database (MariaDB) of this run. */
  readonly namespace: string | null;
  /** Drops what the run created and closes the connection. */
  close(): Promise<void>;
}

/** The database servers of this machine (environment overrides). */
export const SERVERS = {
  postgresql: { host: '127.0.0.1', port: Number(process.env['PGPORT'] ?? 5432), user: process.env['PGUSER'] ?? 'postgres', dbName: 'test' },
  mariadb: { host: '127.0.0.1', port: Number(process.env['MARIADB_PORT'] ?? 3306), user: 'root', dbName: 'test' },
} as const;

const probed = new Map<Dialect, string | null>();

/** Why a server cannot be used (null when it answers), checked once per process with a TCP connect. */
export function unavailableReason(dialect: Dialect): string | null {
  if (dialect === 'sqlite') return null;
  if (!probed.has(dialect)) {
    const { host, port } = SERVERS[dialect];
    const script = `const s=require('net').connect(${port},'${host}');s.setTimeout(2000);s.on('connect',()=>{s.end();process.exit(0)});s.on('timeout',()=>process.exit(2));s.on('error',()=>process.exit(1));`;
    const result = spawnSync(process.execPath, ['-e', script], { timeout: 5000 });
    probed.set(dialect, result.status === 0 ? null : `${dialect} at ${host}:${port} did not answer`);
  }
  return probed.get(dialect) ?? null;
}

/**
 * `describe` for a suite that needs a server or program this machine may lack (`missing`, null when
 * it is there): the suite always runs, and when it is missing every test fails with that reason (and
 * what starts or installs it), rather than with a driver's connection error or not at all.
 */
export function describeNeeding(missing: string | null, name: string, body: () => void): void {
  describe(name, () => {
    if (missing) {
      beforeAll(() => {
        throw new Error(`${name} needs what this machine lacks: ${missing}. .ci/run installs and starts it (see README, "Two commands").`);
      });
    }
    body();
  });
}

/** `describe` for a database suite: {@link describeNeeding} with whether the server answers. */
export function describeDatabase(dialect: Dialect, name: string, body: () => void): void {
  describeNeeding(unavailableReason(dialect), name, body);
}

/** Every database a suite runs against: SQLite in memory, and the PostgreSQL and MariaDB servers. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgresql', 'mariadb'];

/** A fresh schema or database name for one run. */
export const suffix = (): string => `pagewise_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** Options of {@link openTestDatabase}. */
export interface OpenOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly entities: ReadonlyArray<EntitySchema<any>>;
  /** Log every statement into `queries` (default true). */
  readonly captureSql?: boolean;
  /** Extra MikroORM options (pool size and the like). */
  readonly options?: Partial<Options>;
}

/** Opens a fresh database of `dialect` with the entities' tables created in it. */
export async function openTestDatabase(dialect: Dialect, open: OpenOptions): Promise<TestDatabase> {
  const queries: string[] = [];
  const capture = open.captureSql ?? true;
  const logging: Partial<Options> = capture
    ? { debug: ['query'], colors: false, logger: (message: string) => queries.push(message) }
    : { debug: false };
  const common = { entities: [...open.entities], allowGlobalContext: false, ...connectTimeouts(5000), ...logging, ...open.options };

  if (dialect === 'sqlite') {
    const orm = await init({ ...common, driver: SqliteDriver, dbName: ':memory:' } as Options);
    await orm.schema.createSchema();
    queries.length = 0;
    return { dialect, orm, queries, namespace: null, close: () => orm.close(true) };
  }

  if (dialect === 'postgresql') {
    const { host, port, user, dbName } = SERVERS.postgresql;
    const schema = suffix();
    const orm = await init({ ...common, driver: PostgreSqlDriver, host, port, user, dbName, schema } as Options);
    await orm.em.getConnection().execute(`create schema "${schema}"`);
    await orm.schema.createSchema({ schema });
    queries.length = 0;
    return {
      dialect,
      orm,
      queries,
      namespace: schema,
      close: async () => {
        await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
        await orm.close(true);
      },
    };
  }

  const { host, port, user } = SERVERS.mariadb;
  const database = suffix();
  const orm = await init({ ...common, driver: MariaDbDriver, host, port, user, dbName: database, connect: false } as Options);
  await orm.schema.ensureDatabase();
  await orm.schema.createSchema();
  queries.length = 0;
  return {
    dialect,
    orm,
    queries,
    namespace: database,
    close: async () => {
      await orm.em.getConnection().execute(`drop database if exists \`${database}\``);
      await orm.close(true);
    },
  };
}
