// Child processes of the benchmarks (servers, the delay relay): started, their port read from a line
// of their output, their CPU time read from /proc, stopped with SIGTERM (SIGKILL after 5 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running server process: its origin and the CPU seconds its processes have used so far. */
export interface Server {
  readonly origin: string;
  readonly cpuSeconds: () => number;
  readonly stop: () => Promise<void>;
}

const TICKS = 100; // USER_HZ on Linux

/** utime + stime of `pid` and its children (gunicorn's workers), in seconds; 0 off Linux. */
function cpuOf(pid: number): number {
  let total = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command (which may hold spaces): state ppid ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === pid || Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / TICKS;
    }
  } catch {
    return 0;
  }
  return total;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
}

/** Starts `command` and waits for a line of its output that `port` reads a port from. */
export function startProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  port: (line: string) => number | null,
  cwd?: string,
): Promise<Server> {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command}: no port within 30 s`)), 30_000);
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        const found = port(line);
        if (found !== null) {
          clearTimeout(timer);
          resolve({ origin: `http://127.0.0.1:${found}`, cpuSeconds: () => cpuOf(child.pid!), stop: stopper(child) });
        }
      });
    }
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before listening:\n${tail.slice(-20).join('\n')}`)));
  });
}

/** Reads the `{"port": …}` line the bench's own child scripts print. */
export const portLine = (line: string): number | null => (line.startsWith('{"port"') ? (JSON.parse(line) as { port: number }).port : null);

/** Starts a bench script (`bench/<name>.ts`) in a node process of its own, as this one runs (tsx, built package). */
export function startScript(name: string, args: readonly string[]): Promise<Server> {
  return startProcess(process.execPath, [...process.execArgv, join(__dirname, `${name}.ts`), ...args], process.env, portLine);
}
