import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface RunningServer {
  url: string;
  pid: number;
  output: () => string;
  /** The process is still running (it has not exited, crashed or been killed). */
  alive: () => boolean;
  stop(): Promise<void>;
}

export const SERVER_BUNDLE = 'dist/server/main.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let built: Promise<unknown> | undefined;

/**
 * The server bundle `npm start` runs, built once per test file from the current sources. Test
 * files run in parallel, so each builds beside it and renames the result in place: a server
 * starting meanwhile reads a whole bundle, never one half written.
 */
export function buildServer(): Promise<unknown> {
  built ??= (async () => {
    const staging = `dist/.build-${process.pid}`;
    await promisify(execFile)('npm', ['run', '--silent', 'build:server', '--', `--outfile=${staging}/main.js`]);
    mkdirSync('dist/server', { recursive: true });
    renameSync(`${staging}/main.js.map`, `${SERVER_BUNDLE}.map`);
    renameSync(`${staging}/main.js`, SERVER_BUNDLE);
    rmSync(staging, { recursive: true, force: true });
  })();
  return built;
}

/**
 * Starts hailong as `npm start` does (the esbuild bundle of server/main.ts on plain node, with the
 * same flags), on a free port and a fresh data folder (or the one given, which is then kept), and
 * waits until /healthz answers.
 */
export async function runServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; port?: number } = {},
): Promise<RunningServer> {
  await buildServer();
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hailong-browser-'));
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', '--heap-growing-percent=50', SERVER_BUNDLE], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HAILONG_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && log.includes('hailong')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    output: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
