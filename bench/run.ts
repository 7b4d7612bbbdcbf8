// `npm run bench`: runs every benchmark module and prints one table of ratios (subject / baseline,
// both measured in this process) with the target each aims for.
import { arrayConnection } from './array-connection';
import { cursorCodec } from './cursor-codec';
import { deepPage } from './deep-page';
import { graphqlOverhead } from './graphql-overhead';
import { httpThroughput } from './http-throughput';
import type { Bench, BenchResult } from './measure';
import { nested } from './nested';

const BENCHES: ReadonlyArray<readonly [string, Bench]> = [
  ['cursor-codec', cursorCodec],
  ['deep-page', deepPage],
  ['array-connection', arrayConnection],
  ['graphql-overhead', graphqlOverhead],
  ['http-throughput', httpThroughput],
  ['nested', nested],
];

function table(results: readonly BenchResult[]): string {
  const rows = [
    ['bench', 'measure', 'ratio', 'target', 'medians'],
    ...results.map((result) => [
      result.bench,
      result.measure,
      result.ratio.toFixed(2),
      result.target === null ? '-' : `<= ${result.target.toFixed(1)}${result.ratio <= result.target ? '' : '  MISSED'}`,
      result.detail,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const [name, bench] of BENCHES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.error(`running ${name} ...`);
    results.push(...(await bench()));
  }
  console.log(table(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
