// The million-row table of the deep-page benchmark and the EXPLAIN test: events inserted in time order
// (as logs and feeds are), each creation time shared by a pair of rows so the id tiebreaker matters.
import { randomBytes } from 'node:crypto';
import { EntitySchema, MikroORM, type Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { PageSource } from 'pagewise';
import { connectTimeouts } from 'pagewise/mikro-orm';

/** One event row. */
export interface Event {
  id: number;
  created: Date;
  title: string;
}

/** The events table, ordered by `(created, id)` through its index. */
export const EventEntity = new EntitySchema<Event>({
  name: 'Event',
  tableName: 'event',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    created: { type: 'datetime' },
    title: { type: 'string', length: 64 },
  },
});

/** Where the table starts in time; row g is created `g / 2` seconds (integer division) after it. */
export const EVENT_EPOCH = '2024-01-01 00:00:00+00';

/**
 * The statements that fill the events table `table` (quoted, schema-qualified) with `rows` rows in
 * one INSERT … SELECT generate_series, index `(created, id)` and analyze it (PostgreSQL only).
 */
export function seedEventStatements(table: string, rows: number): string[] {
  return [
    `insert into ${table} (id, created, title)
     select g, timestamptz '${EVENT_EPOCH}' + (g / 2) * interval '1 second', 'event ' || g
     from generate_series(1, ${rows}) as g`,
    `create index event_created_id on ${table} (created, id)`,
    `analyze ${table}`,
  ];
}

/** Fills the events table of `schema` with `rows` rows (see seedEventStatements; a few seconds for a million rows). */
export async function seedEvents(em: SqlEntityManager, schema: string, rows: number): Promise<void> {
  const connection = em.getConnection();
  for (const statement of seedEventStatements(`"${schema}"."event"`, rows)) await connection.execute(statement);
}

/** A benchmark's PostgreSQL schema of its own, filled with events. */
export interface EventDatabase {
  readonly em: SqlEntityManager;
  readonly schema: string;
  /** Drops the schema and closes the connection. */
  close(): Promise<void>;
}

/** The local PostgreSQL the benches run on (PGPORT and PGUSER override), as node-postgres takes it. */
export const PG_BENCH = {
  host: '127.0.0.1',
  port: Number(process.env['PGPORT'] ?? 5432),
  user: process.env['PGUSER'] ?? 'postgres',
  database: 'test',
} as const;

/** Opens a schema of its own on the local PostgreSQL with `rows` events (see {@link seedEvents}). */
export async function eventDatabase(rows: number): Promise<EventDatabase> {
  const schema = `pagewise_bench_${randomBytes(4).toString('hex')}`;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    entities: [EventEntity],
    host: PG_BENCH.host,
    port: PG_BENCH.port,
    user: PG_BENCH.user,
    dbName: PG_BENCH.database,
    schema,
    debug: false,
    ...connectTimeouts(5000),
  } as Options);
  const em = orm.em as SqlEntityManager;
  const close = async (): Promise<void> => {
    await em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
    await orm.close(true);
  };
  try {
    await em.getConnection().execute(`create schema "${schema}"`);
    await orm.schema.createSchema({ schema });
    await seedEvents(em.fork(), schema, rows);
  } catch (error) {
    await close();
    throw error;
  }
  return { em, schema, close };
}

/**
 * The seek a cursor page at `key` (created, id) asks of a source: `size` rows and one more for the
 * next page, the probe starting at the cursor's own row; and the check that the page came back whole.
 */
export function deepSeek(source: PageSource<object>, key: readonly [Date, number], size: number): () => Promise<void> {
  const request = {
    ordering: [
      { field: 'created', descending: false },
      { field: 'id', descending: false },
    ],
    direction: 'forward',
    after: { kind: 'key', values: [...key] },
    offset: 0,
    limit: size + 1,
    probe: true,
  } as const;
  return async () => {
    const page = await source.seek(request);
    if (page.rows.length !== size) throw new Error(`seek had ${page.rows.length} rows`);
  };
}
