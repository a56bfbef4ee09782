import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

/** The export server in a child process of its own: started fresh for each download. */
export interface ExportServer {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

const SERVER_BUNDLE = 'dist/bench/export-server.js';

/**
 * `npm start`'s node flags. --heap-growing-percent=50: V8 lets the old generation grow to up to 4×
 * what survived the last full collection before collecting again, and an export promotes a steady
 * ~1.3 MB per young collection (the page being written is still alive); the server's live heap
 * stays ~25–35 MB, yet its heap reached 130–150 MB at 1M rows (and less at 20k, which ended before
 * that limit). At 1.5× the heap tracks the live set: peak RSS ~135–145 MB at 100k and 1M alike.
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps', '--heap-growing-percent=50'];

/**
 * Bundles a bench server as `npm run build:server` bundles the real one (same esbuild options),
 * to run on plain node: under tsx the loader alone holds ~90 MB, which production never pays.
 * The bundle stays inside the project so its external packages resolve from node_modules.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    outfile,
  });
}

export const buildExportServer = () => bundleForNode('bench/export-server.ts', SERVER_BUNDLE);

export async function startExportServer(env: Record<string, string>): Promise<ExportServer> {
  // An empty value removes the variable (DATABASE_URL for a PGlite run).
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined && v !== ''));
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE], {
    env: merged,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`export server exited (${code}) before listening`)));
    lines.on('line', (line) => {
      const m = /^PORT (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
  });
  return {
    pid: child.pid!,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A process's peak resident memory so far (VmHWM) and its current one (VmRSS), in MB. */
export function processMemory(pid: number): { peakRssMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

export async function loginCookie(port: number, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Downloads a path as a client would, keeping only the byte count. */
export function download(port: number, path: string, cookie: string): Promise<{ bytes: number; seconds: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { cookie } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET ${path}: ${res.statusCode}`));
          res.resume();
          return;
        }
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, seconds: (performance.now() - start) / 1000 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
