// A PostgreSQL primary and a streaming replica on free loopback ports, in a temp directory: initdb as
// the postgres user, the primary with wal_level=replica, the replica made with
// `pg_basebackup -R -X stream` (a standby.signal and primary_conninfo) and started in recovery.
// Durability is off (fsync, full-page writes): the data is a throwaway, and it starts faster.
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { knex, type Knex } from '@mikro-orm/knex';
import { freePorts, RigDirectory, waitFor, type RigProcess } from './rig-process';

/** A running primary + replica pair. */
export interface PgReplicaPair {
  readonly primary: { readonly host: string; readonly port: number };
  readonly replica: { readonly host: string; readonly port: number };
  /** `postgres://postgres@127.0.0.1:<port>/postgres` of each. */
  readonly primaryUrl: string;
  readonly replicaUrl: string;
  /** Milliseconds from initdb to a replica streaming. */
  readonly startMs: number;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops (and resumes) the replica's replay of WAL: a lag as long as the test wants. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** A connection pool to each server (the rig closes them). */
  readonly db: { readonly primary: Knex; readonly replica: Knex };
  /** A query on one of the servers. */
  query<T = Record<string, unknown>>(on: 'primary' | 'replica', sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout), or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why the pair cannot start here (null when it can). */
export function pgReplicaUnavailable(): string | null {
  if (postgresBin() === null) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  if (process.getuid?.() !== 0) return 'the rig runs initdb as the postgres user, which needs root';
  return null;
}

const HOST = '127.0.0.1';

const connectionTo = (port: number): Knex =>
  knex({
    client: 'pg',
    connection: { host: HOST, port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: 2 },
  });

async function rowsOf<T>(db: Knex, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return ((await db.raw(sql, params as Knex.RawBinding[])) as { rows: T[] }).rows;
}

async function answers(port: number): Promise<boolean> {
  const db = connectionTo(port);
  try {
    return (await rowsOf(db, 'select 1')).length === 1;
  } catch {
    return false;
  } finally {
    await db.destroy();
  }
}

/** Options of {@link startPgReplica}. */
export interface PgReplicaOptions {
  /** The replica applies each commit this long after the primary made it (`recovery_min_apply_delay`): a lag on purpose. */
  readonly applyDelayMs?: number;
}

/** Starts the pair; on any failure stops what started and throws with the servers' output. */
export async function startPgReplica(options: PgReplicaOptions = {}): Promise<PgReplicaPair> {
  const reason = pgReplicaUnavailable();
  if (reason) throw new Error(`PostgreSQL primary + replica: ${reason}`);
  const bin = postgresBin()!;
  const started = performance.now();
  const rig = new RigDirectory('pg');
  const owner = { uid: Number(rig.run('id', ['-u', 'postgres']).trim()), gid: Number(rig.run('id', ['-g', 'postgres']).trim()) };
  chownSync(rig.path, owner.uid, owner.gid);
  const primaryDir = join(rig.path, 'primary');
  const replicaDir = join(rig.path, 'replica');
  const socketDir = join(rig.path, 'sockets');
  mkdirSync(socketDir);
  chownSync(socketDir, owner.uid, owner.gid);
  const [primaryPort, replicaPort] = await freePorts(2);
  const servers: RigProcess[] = [];
  const postgres = (name: string, dir: string, port: number, extra: readonly string[] = []): RigProcess =>
    rig.start(
      name,
      join(bin, 'postgres'),
      [
        '-D',
        dir,
        '-c',
        `port=${port}`,
        '-c',
        `listen_addresses=${HOST}`,
        '-c',
        `unix_socket_directories=${socketDir}`,
        '-c',
        'wal_level=replica',
        '-c',
        'max_wal_senders=5',
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'shared_buffers=16MB',
        '-c',
        'max_connections=60',
        // The replica answers feedback so the primary never cancels its reads for vacuumed rows.
        '-c',
        'hot_standby_feedback=on',
        '-c',
        'wal_receiver_status_interval=1s',
        ...extra,
      ],
      // SIGINT is PostgreSQL's fast shutdown (SIGTERM's smart one waits for every client to leave).
      { ...owner, cwd: rig.path, stopSignal: 'SIGINT' },
    );
  const fail = async (error: unknown): Promise<never> => {
    const logs = servers.map((server) => `--- ${server.name}\n${server.output().slice(-3000)}`).join('\n');
    await rig.close();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`);
  };
  try {
    rig.run(join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
      ...owner,
      cwd: rig.path,
    });
    servers.push(postgres('primary', primaryDir, primaryPort!));
    await waitFor(`the primary on port ${primaryPort}`, () => answers(primaryPort!), 30_000);
    rig.run(join(bin, 'pg_basebackup'), ['-h', HOST, '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream'], {
      ...owner,
      cwd: rig.path,
    });
    const delay = options.applyDelayMs ? ['-c', `recovery_min_apply_delay=${options.applyDelayMs}ms`] : [];
    servers.push(postgres('replica', replicaDir, replicaPort!, delay));
    await waitFor(`the replica on port ${replicaPort}`, () => answers(replicaPort!), 30_000);
  } catch (error) {
    return fail(error);
  }
  const connections = { primary: connectionTo(primaryPort!), replica: connectionTo(replicaPort!) };
  const [recovery] = await rowsOf<{ r: boolean }>(connections.replica, 'select pg_is_in_recovery() as r');
  if (recovery?.r !== true) {
    await Promise.all([connections.primary.destroy(), connections.replica.destroy()]);
    return fail(new Error('the replica is not in recovery'));
  }

  // Streaming, not only a copy: a row written to the primary must show up on the replica.
  const streams = async (): Promise<void> => {
    await connections.primary.raw('create table pagewise_rig_probe (id int)');
    await connections.primary.raw('insert into pagewise_rig_probe values (1)');
    await waitFor(
      'a row written to the primary reaching the replica',
      async () =>
        (await rowsOf(connections.replica, "select 1 from pg_tables where tablename = 'pagewise_rig_probe'")).length === 1 &&
        (await rowsOf(connections.replica, 'select id from pagewise_rig_probe')).length === 1,
      30_000,
      20,
    );
    await connections.primary.raw('drop table pagewise_rig_probe');
  };
  try {
    await streams();
  } catch (error) {
    await Promise.all([connections.primary.destroy(), connections.replica.destroy()]);
    return fail(error);
  }
  const pair: PgReplicaPair = {
    primary: { host: HOST, port: primaryPort! },
    replica: { host: HOST, port: replicaPort! },
    primaryUrl: `postgres://postgres@${HOST}:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@${HOST}:${replicaPort}/postgres`,
    startMs: 0,
    db: connections,
    query: (on, sql, params = []) => rowsOf(connections[on], sql, params),
    async caughtUp(timeoutMs = 30_000) {
      const [{ lsn } = { lsn: '0/0' }] = await pair.query<{ lsn: string }>('primary', 'select pg_current_wal_lsn()::text as lsn');
      await waitFor(
        'the replica catching up',
        async () => {
          const [row] = await pair.query<{ behind: boolean }>(
            'replica',
            'select coalesce(pg_last_wal_replay_lsn() < ?::pg_lsn, true) as behind',
            [lsn],
          );
          return row?.behind === false;
        },
        timeoutMs,
        20,
      );
    },
    async pauseReplay() {
      await pair.query('replica', 'select pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await pair.query('replica', 'select pg_wal_replay_resume()');
    },
    async stop() {
      await Promise.all([connections.primary.destroy(), connections.replica.destroy()]);
      await rig.close();
    },
  };
  return { ...pair, startMs: performance.now() - started };
}
