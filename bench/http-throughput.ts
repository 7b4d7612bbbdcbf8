// bench/http-throughput: requests per second under autocannon (10 connections, in this process) of
// one node server process (bench/http-server.ts: pagewise's REST adapter and GraphQL field, and
// hand-written endpoints doing the same work: the same SQL, checked here first) and of DRF 3.14 under
// gunicorn with one worker of one thread (gthread, for keep-alive: the sync worker closes every
// connection) (bench/drf/) on the same SQLite file: one process a side. Paired
// runs: each round runs both sides back to back (alternating which goes first), and the ratio is the
// median of the rounds' ratios. Besides req/s, each run reads the servers' CPU time from /proc, so
// the table also shows requests per CPU second (per core), which other load on the machine moves less.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleDatabase, statementOf } from './fixtures';
import { benchApp } from './http-apps';
import { atLeast, median, type BenchResult, type Target } from './measure';
import { portLine, startProcess, type Server } from './processes';

// autocannon ships no types; this is the part of its API the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<{
  requests: { total: number };
  latency: { p99: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}>;

const ROWS = 100_000;
const SECONDS = Number(process.env['BENCH_HTTP_SECONDS'] ?? 2);
const ROUNDS = Number(process.env['BENCH_HTTP_ROUNDS'] ?? 5);
// Against the hand-written endpoints the sides differ by tens of percent, not times: a 2 s run moves
// ±20% on this 2-core machine (autocannon shares it), so those pairs take more rounds.
const HAND_ROUNDS = Number(process.env['BENCH_HTTP_HAND_ROUNDS'] ?? 9);
const DEEP_OFFSET = 90_000;
const GRAPHQL = JSON.stringify({
  query: '{ articles(first: 20) { edges { cursor node { id title views created } } pageInfo { hasNextPage endCursor } } }',
});
const PYTHON = '/usr/bin/python3';
const GUNICORN = '/usr/bin/gunicorn';

/** DRF 3.14 and gunicorn from Debian, installed with apt-get when missing (as root); false when unavailable. */
function ensureDrf(): boolean {
  const present = () => spawnSync(PYTHON, ['-c', 'import rest_framework, django, gunicorn'], { stdio: 'ignore' }).status === 0;
  if (present()) return true;
  if (process.getuid?.() !== 0) return false;
  console.error('http-throughput: installing python3-djangorestframework and gunicorn with apt-get ...');
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'python3-djangorestframework', 'gunicorn'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return present();
}

/** One autocannon run: requests per second, and per CPU second of the server. */
async function load(server: Server, path: string, post?: string): Promise<{ rps: number; perCpu: number; p99: number }> {
  const before = server.cpuSeconds();
  const result = await autocannon({
    url: `${server.origin}${path}`,
    connections: 10,
    duration: SECONDS,
    ...(post ? { method: 'POST', body: post, headers: { 'content-type': 'application/json' } } : {}),
  });
  const cpu = server.cpuSeconds() - before;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${server.origin}${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return {
    rps: result.requests.total / result.duration,
    perCpu: cpu > 0 ? result.requests.total / cpu : Number.NaN,
    p99: result.latency.p99,
  };
}

interface Endpoint {
  readonly server: Server;
  readonly path: string;
  readonly post?: string;
}

/** Paired runs of `subject` and `baseline`: medians of req/s, and the median of the rounds' ratios. */
async function paired(subject: Endpoint, baseline: Endpoint, rounds = ROUNDS) {
  const run = (endpoint: Endpoint) => load(endpoint.server, endpoint.path, endpoint.post);
  await run(subject);
  await run(baseline);
  const subjects: Array<{ rps: number; perCpu: number; p99: number }> = [];
  const baselines: Array<{ rps: number; perCpu: number; p99: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2) {
      subjects.push(await run(subject));
      baselines.push(await run(baseline));
    } else {
      baselines.push(await run(baseline));
      subjects.push(await run(subject));
    }
  }
  const ratios = subjects.map((one, index) => one.rps / baselines[index]!.rps);
  const cpuRatios = subjects.map((one, index) => one.perCpu / baselines[index]!.perCpu).filter(Number.isFinite);
  return {
    ratio: median(ratios),
    spread: [Math.min(...ratios), Math.max(...ratios)] as const,
    cpuRatio: cpuRatios.length ? median(cpuRatios) : Number.NaN,
    subjectRps: median(subjects.map((one) => one.rps)),
    baselineRps: median(baselines.map((one) => one.rps)),
    // Each side's p99 latency under the same load (10 connections), median over the rounds, in ms.
    subjectP99: median(subjects.map((one) => one.p99)),
    baselineP99: median(baselines.map((one) => one.p99)),
  };
}

/** The path of the page `pages` links after `path` (following `next`, as a client does). */
async function followed(server: Server, path: string, pages: number): Promise<string> {
  let url = `${server.origin}${path}`;
  for (let page = 0; page < pages; page += 1) {
    const body = (await (await fetch(url)).json()) as { next: string | null };
    url = body.next!;
  }
  const next = new URL(url);
  return `${next.pathname}${next.search}`;
}

/**
 * Whether two endpoints answer the same body, byte for byte once each link's origin and the path up
 * to its endpoint are left out (pagewise's routes sit under a prefix, DRF's do not).
 */
async function sameBody(subject: Endpoint, baseline: Endpoint): Promise<boolean> {
  const text = async ({ server, path }: Endpoint): Promise<string> => {
    const base = path.split('?')[0]!.replace(/\/[^/]*$/, '');
    return (await (await fetch(`${server.origin}${path}`)).text()).split(`${server.origin}${base}`).join('');
  };
  return (await text(subject)) === (await text(baseline));
}

/** The SQL each node endpoint issues, from an in-process copy of the app on an ORM that logs. */
async function statementsByPath(file: string, paths: readonly string[]): Promise<Map<string, string[]>> {
  const log: string[] = [];
  const orm = await articleDatabase(file, undefined, { debug: ['query', 'query-params'], logger: (line: string) => log.push(line) });
  const server = createServer(benchApp(orm));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const statements = new Map<string, string[]>();
  try {
    for (const path of paths) {
      log.length = 0;
      const response = await fetch(
        `${origin}${path}`,
        path.endsWith('graphql') ? { method: 'POST', body: GRAPHQL, headers: { 'content-type': 'application/json' } } : {},
      );
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await response.arrayBuffer();
      statements.set(path, log.map(statementOf).sort());
    }
  } finally {
    server.close();
    await orm.close(true);
  }
  return statements;
}

/** Runs the throughput benchmark. */
export async function httpThroughput(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-bench-'));
  const file = join(dir, 'articles.sqlite');
  await (await articleDatabase(file, ROWS)).close(true);
  const servers: Server[] = [];
  try {
    const node = await startProcess(
      process.execPath,
      [...process.execArgv, join(__dirname, 'http-server.ts'), file],
      process.env,
      portLine,
    );
    servers.push(node);
    const results: BenchResult[] = [];
    const add = (measure: string, target: Target | null, outcome: Awaited<ReturnType<typeof paired>>, names: [string, string]) =>
      results.push({
        bench: 'http-throughput',
        measure,
        ratio: outcome.ratio,
        target,
        detail: `${names[0]} ${outcome.subjectRps.toFixed(0)} vs ${names[1]} ${outcome.baselineRps.toFixed(0)} req/s; rounds ${outcome.spread[0].toFixed(2)}–${outcome.spread[1].toFixed(2)}; per CPU second ${outcome.cpuRatio.toFixed(2)}×; p99 ${outcome.subjectP99} vs ${outcome.baselineP99} ms`,
      });

    // Against the hand-written endpoints: the same SQL first, then the same load.
    const cursorPw = await followed(node, '/pw/cursor-exact', 50);
    const cursorHand = await followed(node, '/hand/cursor', 50);
    const pairs: Array<[string, Endpoint, Endpoint]> = [
      ['REST cursor (exact), first page', { server: node, path: '/pw/cursor-exact' }, { server: node, path: '/hand/cursor' }],
      [
        'REST cursor (exact), first page, source with queryTimeout: 0 (no statement guard)',
        { server: node, path: '/pw/cursor-exact-unguarded' },
        { server: node, path: '/hand/cursor' },
      ],
      ['REST cursor (exact), followed page 51', { server: node, path: cursorPw }, { server: node, path: cursorHand }],
      ['REST page number, page 2', { server: node, path: '/pw/pages?page=2' }, { server: node, path: '/hand/pages?page=2' }],
      [
        `REST limit-offset, offset ${DEEP_OFFSET}`,
        { server: node, path: `/pw/offset?limit=20&offset=${DEEP_OFFSET}` },
        { server: node, path: `/hand/offset?limit=20&offset=${DEEP_OFFSET}` },
      ],
      [
        'GraphQL connection (first: 20)',
        { server: node, path: '/pw/graphql', post: GRAPHQL },
        { server: node, path: '/hand/graphql', post: GRAPHQL },
      ],
    ];
    const sql = await statementsByPath(
      file,
      pairs.flatMap(([, subject, baseline]) => [subject.path, baseline.path]),
    );
    for (const [name, subject, baseline] of pairs) {
      const same = JSON.stringify(sql.get(subject.path)) === JSON.stringify(sql.get(baseline.path));
      if (!same)
        console.error(
          `http-throughput: ${name}: the SQL differs:\n  ${sql.get(subject.path)!.join('\n  ')}\n  ---\n  ${sql.get(baseline.path)!.join('\n  ')}`,
        );
      add(
        `${name}: pagewise / hand-written req/s (${same ? 'same SQL' : 'SQL DIFFERS'})`,
        null,
        await paired(subject, baseline, HAND_ROUNDS),
        ['pagewise', 'hand'],
      );
    }

    if (!ensureDrf()) {
      console.error('http-throughput: DRF and gunicorn are not installed (apt-get needs root); the DRF lines are skipped.');
      return results;
    }
    const drf = await startProcess(
      GUNICORN,
      ['--workers', '1', '--worker-class', 'gthread', '--threads', '1', '--bind', '127.0.0.1:0', '--log-level', 'info', 'wsgi:application'],
      { ...process.env, PAGEWISE_BENCH_SQLITE: file, PYTHONDONTWRITEBYTECODE: '1' },
      (line) => Number(/Listening at: http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1] ?? Number.NaN) || null,
      join(__dirname, 'drf'),
    );
    servers.push(drf);
    const cursorDrf = await followed(drf, '/cursor', 50);
    // pagewise with entities, with lean rows (plain objects, as a REST list needs), and over Kysely
    // on better-sqlite3 (synchronous, as DRF's sqlite3 is).
    for (const [prefix, label] of [
      ['/pw', ''],
      ['/pw-lean', ', lean rows'],
      ['/pw-kysely', ', Kysely + better-sqlite3'],
    ] as const) {
      const cursorPwDrf = await followed(node, `${prefix}/cursor`, 50);
      const versusDrf: Array<[string, Target, Endpoint, Endpoint]> = [
        ['cursor (drf mode, as DRF), first page', atLeast(3), { server: node, path: `${prefix}/cursor` }, { server: drf, path: '/cursor' }],
        ['cursor (drf mode, as DRF), followed page 51', atLeast(3), { server: node, path: cursorPwDrf }, { server: drf, path: cursorDrf }],
        ['page number, page 2', atLeast(3), { server: node, path: `${prefix}/pages?page=2` }, { server: drf, path: '/pages?page=2' }],
        [
          `limit-offset, offset ${DEEP_OFFSET}`,
          atLeast(2),
          { server: node, path: `${prefix}/offset?limit=20&offset=${DEEP_OFFSET}` },
          { server: drf, path: `/offset?limit=20&offset=${DEEP_OFFSET}` },
        ],
      ];
      for (const [name, target, subject, baseline] of versusDrf) {
        const bodies = (await sameBody(subject, baseline)) ? 'same body' : 'BODY DIFFERS';
        add(
          `REST ${name}: pagewise${label} / DRF 3.14 + gunicorn, 1 process each, req/s (${bodies})`,
          target,
          await paired(subject, baseline),
          ['pagewise', 'DRF'],
        );
      }
    }
    return results;
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
