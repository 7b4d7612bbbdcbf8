// `npm start` as a person runs it: the process seeds a fresh SQLite file, prints its URLs, the URLs
// answer, and SIGTERM shuts it down cleanly (exit code 0; a hung shutdown is forced out with 1).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

it('starts, answers on the printed URLs, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-demo-'));
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'examples/demo/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DEMO_SQLITE_FILE: join(dir, 'demo.sqlite'), DEMO_ARTICLES: '500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const origin = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /page\s+(http:\/\/\S+)\//.exec(output);
        if (match && output.includes('Stop with Ctrl+C')) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    expect(output).toMatch(/Seeding demo data \[#+\] 100%/);
    expect(output).toMatch(/Seeded \d+ authors, 500 articles/);
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const body = (await (await fetch(`${origin}/api/articles?page_size=2`)).json()) as { count: number };
    expect(body.count).toBe(500);
    const graphql = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    });
    expect(await graphql.json()).toEqual({ data: { articles: { totalCount: 500 } } });

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // 0, not the 1 of the forced exit that fires when a graceful shutdown hangs for 10 s.
    expect(await exit).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
