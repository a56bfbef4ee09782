import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';

/** The export server in a child process of its own: started fresh for each download. */
export interface ExportServer {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

export async function startExportServer(env: Record<string, string>): Promise<ExportServer> {
  // An empty value removes the variable (DATABASE_URL for a PGlite run).
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined && v !== ''));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/export-server.ts'], {
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
