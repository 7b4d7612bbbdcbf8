// bench/rest-overhead: pagewise's REST adapter (restResponse: the page, its links and the JSON body)
// against a hand-written endpoint doing the same work (the same SQL, the same body), both called in
// this process without HTTP, so the ratio is the adapter's and the source's own cost, free of the
// socket and load-generator noise of http-throughput. SQLite file, 100,000 rows, 20 a page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { restResponse, type RestOptions } from 'pagewise/rest';
import { articleDatabase, type Article } from './fixtures';
import { handEndpoints, pagewiseEndpoints, type HandEndpoint } from './http-apps';
import { ratioOf, type BenchResult } from './measure';

const ROWS = 100_000;
const CALLS = 10;
const ORIGIN = 'http://bench.local';

async function pagewiseBody(options: RestOptions<Article>, path: string): Promise<string> {
  const response = await restResponse({ url: path, headers: { host: 'bench.local' } }, options);
  if (response.status !== 200) throw new Error(`rest-overhead: ${path}: ${response.status} ${response.body}`);
  return response.body;
}

async function handBody(endpoint: HandEndpoint, path: string): Promise<string> {
  const body = await endpoint(new URL(path, ORIGIN));
  if (body === null) throw new Error(`rest-overhead: ${path}: bad request`);
  return JSON.stringify(body);
}

/** The path `pages` next links after `first`. */
async function walk(body: (path: string) => Promise<string>, first: string, pages: number): Promise<string> {
  let path = first;
  for (let page = 0; page < pages; page += 1) {
    const next = new URL((JSON.parse(await body(path)) as { next: string }).next);
    path = `${next.pathname}${next.search}`;
  }
  return path;
}

/** Runs the REST overhead benchmark. */
export async function restOverhead(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-bench-'));
  const orm = await articleDatabase(join(dir, 'articles.sqlite'), ROWS);
  try {
    const em = orm.em as SqlEntityManager;
    const pw = pagewiseEndpoints(em);
    const hand = handEndpoints(em);
    const mine = (name: keyof typeof pw) => (path: string) => pagewiseBody(pw[name], path);
    const theirs = (name: keyof typeof hand) => (path: string) => handBody(hand[name], path);
    const cases: Array<[string, (path: string) => Promise<string>, string, (path: string) => Promise<string>, string]> = [
      ['cursor (exact), first page', mine('cursor-exact'), '/pw/cursor-exact', theirs('cursor'), '/hand/cursor'],
      [
        'cursor (exact), followed page 51',
        mine('cursor-exact'),
        await walk(mine('cursor-exact'), '/pw/cursor-exact', 50),
        theirs('cursor'),
        await walk(theirs('cursor'), '/hand/cursor', 50),
      ],
      [
        'cursor (exact), first page, queryTimeout: 0 (no statement guard)',
        mine('cursor-exact-unguarded'),
        '/pw/cursor-exact-unguarded',
        theirs('cursor'),
        '/hand/cursor',
      ],
      ['page number, page 2', mine('pages'), '/pw/pages?page=2', theirs('pages'), '/hand/pages?page=2'],
      [
        'limit-offset, offset 90000',
        mine('offset'),
        '/pw/offset?limit=20&offset=90000',
        theirs('offset'),
        '/hand/offset?limit=20&offset=90000',
      ],
    ];
    const results: BenchResult[] = [];
    for (const [name, subject, subjectPath, baseline, baselinePath] of cases) {
      // The bodies match but for the path in their links.
      const strip = (body: string) => body.replaceAll(/"(next|previous)":"[^"]*"/g, '"$1":"…"');
      if (strip(await subject(subjectPath)) !== strip(await baseline(baselinePath)))
        throw new Error(`rest-overhead: ${name}: the bodies differ`);
      const repeat = (run: (path: string) => Promise<string>, path: string) => async () => {
        for (let i = 0; i < CALLS; i += 1) await run(path);
      };
      const outcome = await ratioOf(repeat(subject, subjectPath), repeat(baseline, baselinePath), { rounds: 60, warmup: 10 });
      results.push({
        bench: 'rest-overhead',
        measure: `REST ${name}: pagewise restResponse / hand-written endpoint, same SQL, in process`,
        ratio: outcome.ratio,
        target: null,
        detail: `${((outcome.subjectMs / CALLS) * 1000).toFixed(0)} µs vs ${((outcome.baselineMs / CALLS) * 1000).toFixed(0)} µs a request`,
      });
    }
    return results;
  } finally {
    await orm.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}
