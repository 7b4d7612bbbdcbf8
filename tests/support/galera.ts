// A three-node MariaDB Galera cluster on loopback, in a temp directory: one datadir made with
// mariadb-install-db, the first node bootstrapping the cluster (--wsrep-new-cluster), the other two
// joining with an rsync state transfer (SST). Each node has its own client, gmcast, IST and SST ports.
// mariadbd starts as root and drops to the mysql user (--user=mysql), which owns the datadirs.
import { knex, type Knex } from '@mikro-orm/knex';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts, RigDirectory, waitFor, type RigProcess } from './rig-process';

/** Debian's galera-4 provider. */
export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const RSYNC = '/usr/bin/rsync';
const DATABASE = 'pagewise';
const HOST = '127.0.0.1';

/** Why the cluster cannot start here (null when it can). */
export function galeraUnavailable(): string | null {
  for (const [file, what] of [
    [GALERA_PROVIDER, 'the Galera provider (Debian package galera-4)'],
    [MARIADBD, 'mariadbd (mariadb-server)'],
    [INSTALL_DB, 'mariadb-install-db (mariadb-server)'],
    [RSYNC, 'rsync, the state transfer between nodes'],
  ] as const) {
    if (!existsSync(file)) return `${file} is missing: ${what}`;
  }
  if (process.getuid?.() !== 0) return 'mariadbd is started as root and drops to the mysql user, which needs root';
  return null;
}

/** A running three-node cluster. */
export interface GaleraCluster {
  /** Each node's client port. */
  readonly nodes: ReadonlyArray<{ readonly host: string; readonly port: number }>;
  /** `mariadb://root@127.0.0.1:<port>/pagewise` of each node. */
  readonly urls: readonly string[];
  /** A connection pool to each node (the rig closes them). */
  readonly db: readonly Knex[];
  /** Milliseconds from mariadb-install-db to three synced nodes. */
  readonly startMs: number;
  /** Waits until every node has the same article rows (count and id sum) as the others. */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const connectionTo = (port: number, database?: string): Knex =>
  knex({
    client: 'mysql2',
    connection: { host: HOST, port, user: 'root', ...(database ? { database } : {}), connectTimeout: 5000 },
    pool: { min: 0, max: 2 },
  });

async function statusOf(port: number): Promise<Record<string, string> | null> {
  const db = connectionTo(port);
  try {
    const [rows] = (await db.raw(
      "show status where Variable_name in ('wsrep_cluster_size', 'wsrep_ready', 'wsrep_local_state_comment')",
    )) as [Array<{ Variable_name: string; Value: string }>];
    return Object.fromEntries(rows.map((row) => [row.Variable_name, row.Value]));
  } catch {
    return null;
  } finally {
    await db.destroy();
  }
}

/** Starts the cluster; on any failure stops what started and throws with the nodes' logs. */
export async function startGalera(): Promise<GaleraCluster> {
  const reason = galeraUnavailable();
  if (reason) throw new Error(`Galera cluster: ${reason}`);
  const started = performance.now();
  const rig = new RigDirectory('galera');
  const owner = { uid: Number(rig.run('id', ['-u', 'mysql']).trim()), gid: Number(rig.run('id', ['-g', 'mysql']).trim()) };
  chownSync(rig.path, owner.uid, owner.gid);
  const ports = await freePorts(12);
  const nodes = [0, 1, 2].map((index) => ({
    index: index + 1,
    client: ports[index]!,
    gmcast: ports[3 + index]!,
    ist: ports[6 + index]!,
    sst: ports[9 + index]!,
    dir: join(rig.path, `node${index + 1}`),
  }));
  const cluster = `gcomm://${nodes.map((node) => `${HOST}:${node.gmcast}`).join(',')}`;
  const servers: RigProcess[] = [];
  const mariadbd = (node: (typeof nodes)[number], bootstrap: boolean): RigProcess =>
    rig.start(`node${node.index}`, MARIADBD, [
      '--no-defaults',
      `--datadir=${node.dir}`,
      '--user=mysql',
      `--port=${node.client}`,
      `--bind-address=${HOST}`,
      `--socket=${node.dir}.sock`,
      `--pid-file=${node.dir}.pid`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      '--innodb-flush-log-at-trx-commit=0',
      '--max-connections=100',
      '--binlog-format=ROW',
      '--default-storage-engine=InnoDB',
      '--innodb-autoinc-lock-mode=2',
      '--wsrep-on=ON',
      `--wsrep-provider=${GALERA_PROVIDER}`,
      '--wsrep-cluster-name=pagewise-rig',
      `--wsrep-cluster-address=${cluster}`,
      `--wsrep-node-address=${HOST}:${node.gmcast}`,
      `--wsrep-node-incoming-address=${HOST}:${node.client}`,
      `--wsrep-provider-options=gmcast.listen_addr=tcp://${HOST}:${node.gmcast};ist.recv_addr=${HOST}:${node.ist};base_port=${node.gmcast}`,
      '--wsrep-sst-method=rsync',
      `--wsrep-sst-receive-address=${HOST}:${node.sst}`,
      ...(bootstrap ? ['--wsrep-new-cluster'] : []),
    ]);
  const fail = async (error: unknown): Promise<never> => {
    const logs = servers.map((server) => `--- ${server.name}\n${server.output().slice(-3000)}`).join('\n');
    await rig.close();
    throw new Error(`Galera cluster: ${error instanceof Error ? error.message : String(error)}\n${logs}`);
  };
  const synced = (port: number, size: number) => async (): Promise<boolean> => {
    for (const server of servers) {
      if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode})`);
    }
    const status = await statusOf(port);
    return (
      status?.['wsrep_ready'] === 'ON' && Number(status['wsrep_cluster_size']) >= size && status['wsrep_local_state_comment'] === 'Synced'
    );
  };
  try {
    for (const node of nodes) {
      mkdirSync(node.dir);
      chownSync(node.dir, owner.uid, owner.gid);
    }
    // The joiners' datadirs stay empty: the state transfer fills them from the first node.
    rig.run(INSTALL_DB, [
      '--no-defaults',
      `--datadir=${nodes[0]!.dir}`,
      '--user=mysql',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    servers.push(mariadbd(nodes[0]!, true));
    await waitFor('the first Galera node', synced(nodes[0]!.client, 1), 60_000, 100);
    servers.push(mariadbd(nodes[1]!, false), mariadbd(nodes[2]!, false));
    for (const node of nodes.slice(1)) await waitFor(`Galera node ${node.index} joining`, synced(node.client, 3), 90_000, 100);
    const sizes = await Promise.all(nodes.map(async (node) => Number((await statusOf(node.client))?.['wsrep_cluster_size'])));
    if (sizes.some((size) => size !== 3)) throw new Error(`wsrep_cluster_size is ${sizes.join(', ')}, not 3 on every node`);
  } catch (error) {
    return fail(error);
  }
  const admin = connectionTo(nodes[0]!.client);
  await admin.raw(`create database if not exists ${DATABASE}`);
  await admin.destroy();
  // Replicating, not only joined: the database made on the first node exists on every node.
  try {
    for (const node of nodes) {
      await waitFor(
        `node ${node.index} seeing the ${DATABASE} database`,
        async () => {
          const db = connectionTo(node.client);
          try {
            const [rows] = (await db.raw(`show databases like '${DATABASE}'`)) as [unknown[]];
            return rows.length === 1;
          } finally {
            await db.destroy();
          }
        },
        30_000,
        50,
      );
    }
  } catch (error) {
    return fail(error);
  }
  const db = nodes.map((node) => connectionTo(node.client, DATABASE));
  const startMs = performance.now() - started;
  return {
    nodes: nodes.map((node) => ({ host: HOST, port: node.client })),
    urls: nodes.map((node) => `mariadb://root@${HOST}:${node.client}/${DATABASE}`),
    db,
    startMs,
    async settled(timeoutMs = 30_000) {
      await waitFor(
        'the Galera nodes agreeing',
        async () => {
          const states = await Promise.all(
            db.map(async (node) => JSON.stringify(await node('article').count({ n: '*' }).sum({ s: 'id' }).first())),
          );
          return new Set(states).size === 1;
        },
        timeoutMs,
        20,
      );
    },
    async stop() {
      await Promise.all(db.map((node) => node.destroy()));
      await rig.close();
    },
  };
}
