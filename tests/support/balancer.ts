// HAProxy (Debian's package) round-robin in front of demo instances, all on loopback. Each instance is
// the demo's own server (examples/demo) with an ORM of its own: its own pool, its own database node
// (a Galera node, or the PostgreSQL primary with its replica), its own signer. Each answer names its
// instance in the `x-pagewise-instance` header, so a test sees which one served a page.
import type { MikroORM } from '@mikro-orm/core';
import { existsSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { CursorMode } from 'pagewise';
import { openDatabase } from '../../examples/demo/database';
import { startDemo, type Demo } from '../../examples/demo/server';
import { freePort, freePorts, RigDirectory, sleep, waitFor } from './rig-process';

/** Debian's HAProxy binary. */
export const HAPROXY = '/usr/sbin/haproxy';

/** Why HAProxy cannot start here (null when it can). */
export function balancerUnavailable(): string | null {
  return existsSync(HAPROXY) ? null : `${HAPROXY} is missing (apt-get install haproxy; .ci/run does)`;
}

/** A running balancer. */
export interface Balancer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  stop(): Promise<void>;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * HAProxy round-robin over `backends` (loopback ports), balanced per request. A request whose instance
 * is down (restarting) is retried on the next one, so a rolling restart loses no request.
 */
export async function startBalancer(backends: readonly number[]): Promise<Balancer> {
  const reason = balancerUnavailable();
  if (reason) throw new Error(`balancer: ${reason}`);
  const rig = new RigDirectory('haproxy');
  const port = await freePort();
  const config = join(rig.path, 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 512',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  retries 3',
      '  option redispatch 1',
      'frontend web',
      `  bind 127.0.0.1:${port}`,
      '  default_backend demos',
      'backend demos',
      '  balance roundrobin',
      ...backends.map((backend, index) => `  server demo${index + 1} 127.0.0.1:${backend}`),
      '',
    ].join('\n'),
  );
  const haproxy = rig.start('haproxy', HAPROXY, ['-db', '-f', config]);
  try {
    await waitFor(
      `haproxy on port ${port}`,
      async () => {
        if (haproxy.child.exitCode !== null) throw new Error(`haproxy exited (${haproxy.child.exitCode}): ${haproxy.output()}`);
        return listening(port);
      },
      10_000,
      20,
    );
  } catch (error) {
    await rig.close();
    throw error;
  }
  return { port, origin: `http://127.0.0.1:${port}`, stop: () => rig.close() };
}

/** How an instance signs and pages (what a restart may change). */
export interface InstanceSettings {
  readonly secret: string;
  readonly previousSecrets?: readonly string[];
  readonly cursorMode?: CursorMode;
}

/** Where an instance's database is. */
export interface InstanceDatabase {
  /** `postgres://…` or `mariadb://…` */
  readonly url: string;
  /** Read replicas of `url` (MikroORM's `replicas`). */
  readonly replicas?: readonly string[];
}

/** One demo instance on a fixed loopback port (the balancer's backend). */
export interface DemoInstance {
  readonly name: string;
  readonly port: number;
  readonly orm: MikroORM;
  /** Server faults the instance logged (a client saw a generic message for each). */
  readonly faults: unknown[];
  /** Stops the server and starts it again on the same port with `settings` (the ORM stays open). */
  restart(settings: InstanceSettings): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `databases.length` demo instances, `demo1`, `demo2`, … (`prefix` + n), one per database, on free ports. */
export async function startInstances(
  databases: readonly InstanceDatabase[],
  settings: InstanceSettings,
  prefix = 'demo',
): Promise<DemoInstance[]> {
  const ports = await freePorts(databases.length);
  const instances: DemoInstance[] = [];
  try {
    for (const [index, database] of databases.entries()) {
      instances.push(await startInstance(`${prefix}${index + 1}`, ports[index]!, database, settings));
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw error;
  }
  return instances;
}

/**
 * The demo's openDatabase, retried on a deadlock: on Galera, another node may still be applying the
 * schema an earlier instance created (DDL replicates in total order, applied on each node in turn),
 * and MikroORM's schema read then deadlocks with it.
 */
async function openWithRetries(options: Parameters<typeof openDatabase>[0], attempts = 5): Promise<MikroORM> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openDatabase(options);
    } catch (error) {
      if (attempt >= attempts || !/deadlock/i.test(String(error))) throw error;
      await sleep(200 * attempt);
    }
  }
}

async function startInstance(name: string, port: number, database: InstanceDatabase, settings: InstanceSettings): Promise<DemoInstance> {
  const orm = await openWithRetries({ url: database.url, ...(database.replicas ? { replicas: database.replicas } : {}) });
  const faults: unknown[] = [];
  const serve = (current: InstanceSettings): Promise<Demo> =>
    startDemo(orm, {
      port,
      instanceName: name,
      cursorSecret: current.secret,
      previousSecrets: current.previousSecrets ?? [],
      ...(current.cursorMode ? { cursorMode: current.cursorMode } : {}),
      onError: (error) => faults.push(error),
    });
  let demo: Demo | null = await serve(settings).catch(async (error: unknown) => {
    await orm.close();
    throw error;
  });
  return {
    name,
    port,
    orm,
    faults,
    async restart(next) {
      await demo?.close();
      demo = null;
      demo = await serve(next);
    },
    async stop() {
      await demo?.close();
      demo = null;
      await orm.close();
    },
  };
}
