import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a command to its end and gives its output; a failure says the command and what it printed. */
export async function sh(cmd: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** As the postgres OS user: PostgreSQL's own tools refuse root. */
export const asPostgres = (cmd: string, args: string[], opts?: { timeoutMs?: number }) =>
  sh('runuser', ['-u', 'postgres', '--', cmd, ...args], opts);

export interface Daemon {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** Still running: a port answered by someone else does not count as this process being up. */
  running: () => boolean;
  stop(): Promise<void>;
}

/** A long-running process in the foreground of this one, stopped by its own pid (never by name). */
export function daemon(name: string, cmd: string, args: string[], signal: NodeJS.Signals = 'SIGTERM'): Daemon {
  let log = '';
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  child.on('error', (e) => (log += `\n${e.message}`));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    name,
    child,
    output: () => log,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `ready` says yes, or fails with what `describe` tells about the process. */
export async function waitUntil(what: string, ready: () => Promise<boolean>, timeoutMs: number, describe = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms\n${describe()}`);
    await sleep(200);
  }
}
