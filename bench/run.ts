// `npm run bench`: builds the library (`tsc -p tsconfig.build.json`, into dist/), then runs every
// benchmark module in a child process that imports the built package (bench/tsconfig.json drops the
// `paths` that map `pagewise` to src/, so Node's self-reference resolves it through package.json
// exports), with NODE_ENV=production as a server runs. Prints one table of ratios (subject / baseline,
// both measured in the same run) with the target each aims for. `npm run bench -- nested` runs one;
// `--src` benchmarks src/ through tsx instead (slower: tsx wraps every function it compiles).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { arrayConnection } from './array-connection';
import { countStrategies } from './count-strategies';
import { cursorCodec } from './cursor-codec';
import { deepPage } from './deep-page';
import { deepPageDrizzle } from './deep-page-drizzle';
import { deepPageKysely } from './deep-page-kysely';
import { graphqlOverhead } from './graphql-overhead';
import { httpThroughput } from './http-throughput';
import type { Bench, BenchResult } from './measure';
import { nested } from './nested';
import { restOverhead } from './rest-overhead';
import { scaleOut } from './scale-out';

const BENCHES: ReadonlyArray<readonly [string, Bench]> = [
  ['cursor-codec', cursorCodec],
  ['deep-page', deepPage],
  ['deep-page-drizzle', deepPageDrizzle],
  ['deep-page-kysely', deepPageKysely],
  ['count-strategies', countStrategies],
  ['array-connection', arrayConnection],
  ['graphql-overhead', graphqlOverhead],
  ['rest-overhead', restOverhead],
  ['http-throughput', httpThroughput],
  ['scale-out', scaleOut],
  ['nested', nested],
];

const CHILD = 'PAGEWISE_BENCH_CHILD';

function table(results: readonly BenchResult[]): string {
  const rows = [
    ['bench', 'measure', 'ratio', 'target', 'medians'],
    ...results.map((result) => [
      result.bench,
      result.measure,
      result.ratio.toFixed(2),
      result.target === null ? '-' : `${result.target.kind} ${result.target.value.toFixed(2)}${met(result) ? '' : '  MISSED'}`,
      result.detail,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const met = ({ ratio, target }: BenchResult): boolean =>
  target === null || (target.kind === '<=' ? ratio <= target.value : ratio >= target.value);

async function runBenches(only: readonly string[]): Promise<void> {
  const started = Date.now();
  const results: BenchResult[] = [];
  for (const [name, bench] of BENCHES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.error(`running ${name} ... (${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
    results.push(...(await bench()));
  }
  console.log(table(results));
  console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function main(): void {
  const args = process.argv.slice(2);
  const only = args.filter((arg) => !arg.startsWith('--'));
  if (process.env[CHILD] || args.includes('--src')) {
    runBenches(only).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
    return;
  }
  const root = join(__dirname, '..');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('bench: the build (tsc -p tsconfig.build.json) failed');
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD]: '1', NODE_ENV: 'production', TSX_TSCONFIG_PATH: join(__dirname, 'tsconfig.json') },
  });
  process.exitCode = child.status ?? 1;
}

main();
