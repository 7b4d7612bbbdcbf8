// bench/scale-out: requests per second through HAProxy (Debian's package, round-robin) in front of 1,
// 2 and 3 server processes (bench/http-server.ts: pagewise's REST cursor endpoint, each process on
// the same SQLite file, read-only), as ratios to one process behind the balancer; and the balancer's
// own cost (one process through HAProxy / the same process directly). autocannon runs in this process
// with 30 connections. Paired rounds: each round measures every configuration back to back, in a
// rotating order, and each ratio is the median of the rounds' ratios. The machine's cores bound the
// ratios: the load generator, HAProxy and the servers share them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleDatabase } from './fixtures';
import { median, type BenchResult } from './measure';
import { portLine, startProcess, type Server } from './processes';

// autocannon ships no types; this is the part of its API the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
) => Promise<{ requests: { total: number }; duration: number; non2xx: number; errors: number }>;

const HAPROXY = '/usr/sbin/haproxy';
const ROWS = 100_000;
const SECONDS = Number(process.env['BENCH_HTTP_SECONDS'] ?? 2);
const ROUNDS = Number(process.env['BENCH_HTTP_ROUNDS'] ?? 3);
const PATH = '/pw/cursor-exact';

/** HAProxy from Debian, installed with apt-get when missing (as root); false when unavailable. */
function ensureHaproxy(): boolean {
  const present = () => spawnSync(HAPROXY, ['-v'], { stdio: 'ignore' }).status === 0;
  if (present()) return true;
  if (process.getuid?.() !== 0) return false;
  console.error('scale-out: installing haproxy with apt-get ...');
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return present();
}

const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** HAProxy round-robin over `servers` on a free port; resolves once it accepts connections. */
async function balancer(dir: string, servers: readonly Server[]): Promise<{ origin: string; child: ChildProcess }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const config = join(dir, `haproxy-${servers.length}.cfg`);
  const lines = [
    'global',
    '  maxconn 1024',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  default_backend app',
    'backend app',
    '  balance roundrobin',
    ...servers.map((server, index) => `  server app${index + 1} ${new URL(server.origin).host}`),
  ];
  writeFileSync(config, `${lines.join('\n')}\n`);
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: 'ignore' });
  for (let tries = 0; tries < 200; tries += 1) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}) with ${config}`);
    if (await answers(port)) return { origin: `http://127.0.0.1:${port}`, child };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error('haproxy: not listening within 5 s');
}

async function rps(origin: string): Promise<number> {
  const result = await autocannon({ url: `${origin}${PATH}`, connections: 30, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${origin}${PATH}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.total / result.duration;
}

/** Runs the scale-out benchmark. */
export async function scaleOut(): Promise<BenchResult[]> {
  if (!ensureHaproxy()) {
    console.error(`scale-out: ${HAPROXY} is missing and apt-get needs root; the scale-out lines are skipped.`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-bench-scale-'));
  const file = join(dir, 'articles.sqlite');
  await (await articleDatabase(file, ROWS)).close(true);
  const servers: Server[] = [];
  const balancers: Array<{ origin: string; child: ChildProcess }> = [];
  try {
    for (let index = 0; index < 3; index += 1) {
      servers.push(
        await startProcess(process.execPath, [...process.execArgv, join(__dirname, 'http-server.ts'), file], process.env, portLine),
      );
    }
    for (const count of [1, 2, 3]) balancers.push(await balancer(dir, servers.slice(0, count)));
    const targets = [servers[0]!.origin, ...balancers.map((one) => one.origin)]; // direct, then 1, 2, 3 behind HAProxy
    for (const origin of targets) await rps(origin); // warm-up: JIT, SQLite's page cache, keep-alive pools
    const runs: number[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let step = 0; step < targets.length; step += 1) {
        const index = (round + step) % targets.length;
        runs[index]!.push(await rps(targets[index]!));
      }
    }
    const ratio = (subject: number, baseline: number): number =>
      median(runs[subject]!.map((value, round) => value / runs[baseline]![round]!));
    const rate = (index: number): string => `${median(runs[index]!).toFixed(0)} req/s`;
    const cores = `${cpus().length} cores`;
    return [
      {
        bench: 'scale-out',
        measure: `REST cursor page through HAProxy, 1 instance / the same instance directly (${cores})`,
        ratio: ratio(1, 0),
        target: null,
        detail: `${rate(1)} vs ${rate(0)}`,
      },
      ...[2, 3].map((count) => ({
        bench: 'scale-out',
        measure: `REST cursor page through HAProxy, ${count} instances / 1 instance (${cores})`,
        ratio: ratio(count, 1),
        target: null,
        detail: `${rate(count)} vs ${rate(1)}`,
      })),
    ];
  } finally {
    for (const one of balancers) one.child.kill('SIGTERM');
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
