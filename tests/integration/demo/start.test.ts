// `npm start` as a person runs it: the process seeds a fresh SQLite file, prints every endpoint, warns
// that the default cursor secret signs, the URLs answer, and SIGTERM shuts it down cleanly (exit code
// 0; a hung shutdown is forced out with 1).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

it('starts, answers on the printed URLs, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagewise-demo-'));
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'examples/demo/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DEMO_SQLITE_FILE: join(dir, 'demo.sqlite'), DEMO_ARTICLES: '500', CURSOR_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const origin = await new Promise<string>((resolve, reject) => {
      // The banner is on stdout, the secret's warning on stderr: ready once both are in.
      const check = (): void => {
        const match = /^\s+(http:\/\/\S+?)\/\s+the page/m.exec(output);
        if (match && output.includes('Stop with Ctrl+C') && output.includes('default secret')) resolve(match[1]!);
      };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
      // Fail (and kill the child in finally) before jest's own timeout would leave it running.
      setTimeout(() => reject(new Error(`not ready in 45 s: ${output}`)), 45_000).unref();
    });
    expect(output).toMatch(/Seeding demo data \[#+\] 100%/);
    expect(output).toMatch(/Seeded \d+ authors, 500 articles, \d+ comments in \d+\.\d s\./);
    expect(output).toMatch(/pagewise demo is ready in \d+\.\d s:/);
    // Every endpoint, each on its own line, as /api/ lists the REST ones.
    const listed = [...output.matchAll(/^\s+http:\/\/\S+?(\/\S*)\s/gm)].map((match) => match[1]);
    const api = (await (await fetch(`${origin}/api/`)).json()) as Record<string, string>;
    expect(listed).toEqual(['/', '/graphql', '/api/', ...Object.keys(api)]);
    expect(listed).toContain('/api/articles/linked');
    expect(output).toMatch(/Warning: cursors are signed with the default secret.*Set CURSOR_SECRET/);
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
