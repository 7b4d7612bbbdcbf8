// The scale-out rig's servers as child processes: free loopback ports, a temp directory per rig
// whose `pids` file names every server it started, so a crashed run's servers are found and stopped
// by the next one; every server is stopped on close, and on the test process's exit too.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeNeeding } from './databases';

const PREFIX = 'pagewise-rig-';

/** A free TCP port on 127.0.0.1 (the kernel's pick; the rig binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `count` distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

/** Signals `pid` and waits for it to exit; SIGKILL after `waitMs`. */
async function killPid(pid: number, signal: NodeJS.Signals = 'SIGTERM', waitMs = 10_000): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const until = Date.now() + waitMs;
  while (alive(pid) && Date.now() < until) await sleep(25);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Milliseconds of waiting. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the servers of rigs whose test process died without stopping them (the pid file lists
 * `pid command`; a pid is killed only when it still runs that command) and removes their directories.
 */
export async function stopStaleRigs(): Promise<void> {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), entry);
    const owner = Number(readIfExists(join(dir, 'owner')));
    if (owner && owner !== process.pid && alive(owner)) continue; // another run, still going
    for (const line of readIfExists(join(dir, 'pids')).split('\n')) {
      const [pid, command] = [Number(line.split(' ', 1)[0]), line.slice(line.indexOf(' ') + 1)];
      if (pid > 0 && command && commandOf(pid).startsWith(command)) await killPid(pid, 'SIGKILL', 2_000);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * `describe` for a suite on the rig: {@link describeNeeding} with the reasons each piece
 * cannot start here (null for a piece that can).
 */
export function describeRig(reasons: ReadonlyArray<string | null>, name: string, body: () => void): void {
  describeNeeding(reasons.filter((reason): reason is string => reason !== null).join('; ') || null, name, body);
}

/** Waits until `ready()` is true, polling every `everyMs`; throws `what` after `timeoutMs`. */
export async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await ready()) return;
    if (Date.now() > until) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

/** A server the rig started. */
export interface RigProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Its output so far (the tail a failure shows). */
  readonly output: () => string;
  stop(): Promise<void>;
}

/** A rig's directory and the servers started in it. */
export class RigDirectory {
  readonly path: string;
  private readonly processes: RigProcess[] = [];
  private readonly onExit = (): void => this.killNow();

  constructor(name: string) {
    this.path = mkdtempSync(join(tmpdir(), `${PREFIX}${name}-`));
    appendFileSync(join(this.path, 'owner'), String(process.pid));
    process.once('exit', this.onExit);
  }

  /** Starts `command`, logs its pid for stale-rig cleanup; `stopSignal` stops it (default SIGTERM). */
  start(
    name: string,
    command: string,
    args: readonly string[],
    { stopSignal = 'SIGTERM', ...options }: SpawnOptions & { stopSignal?: NodeJS.Signals } = {},
  ): RigProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    if (child.pid !== undefined) appendFileSync(join(this.path, 'pids'), `${child.pid} ${command}\n`);
    const rig: RigProcess = {
      name,
      child,
      output: () => output,
      stop: async () => {
        if (child.pid !== undefined && child.exitCode === null) await killPid(child.pid, stopSignal);
      },
    };
    this.processes.push(rig);
    return rig;
  }

  /** Runs `command` to completion; throws with its output when it fails. */
  run(command: string, args: readonly string[], options: { uid?: number; gid?: number; cwd?: string } = {}): string {
    const result = spawnSync(command, args, { encoding: 'utf8', ...options });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.error?.message}):\n${result.stdout}${result.stderr}`);
    }
    return result.stdout;
  }

  /** Stops every server (in reverse order of start) and removes the directory. */
  async close(): Promise<void> {
    for (const rig of [...this.processes].reverse()) await rig.stop();
    this.processes.length = 0;
    process.removeListener('exit', this.onExit);
    rmSync(this.path, { recursive: true, force: true });
  }

  /** On the process's exit: no time to wait, so SIGKILL (the servers' data is a throwaway). */
  private killNow(): void {
    for (const rig of this.processes) {
      if (rig.child.pid !== undefined && rig.child.exitCode === null) {
        try {
          process.kill(rig.child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(this.path, { recursive: true, force: true });
  }
}
