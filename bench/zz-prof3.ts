import { writeFileSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleDatabase } from './fixtures';
import { benchApp } from './http-apps';
(async () => {
  const orm = await articleDatabase('/tmp/perf17/a.sqlite');
  const server = createServer(benchApp(orm));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  for (const [name, path] of (process.env.PATHS ?? '').split(',').map((x) => x.split('@') as [string, string])) {
    const url = `http://127.0.0.1:${port}${path}`;
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const out = await new Promise<string>((resolve) => {
      const c = spawn(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', '10', '-d', '4', '-j', url]);
      let s = '';
      c.stdout.on('data', (d) => (s += d));
      c.on('exit', () => resolve(s));
    });
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`/tmp/perf17/${name}.cpuprofile`, JSON.stringify(profile));
    const j = JSON.parse(out);
    console.log(name, path, (j.requests.total / j.duration).toFixed(0), 'req/s', j.errors, j.non2xx);
  }
  server.close();
  await orm.close();
  void spawnSync;
})();
