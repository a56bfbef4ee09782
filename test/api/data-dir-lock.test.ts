import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../db/data-dir-lock';
import { answersAt, loginCookie } from '../support/http-client';
import { buildServer, freePort, runServer, SERVER_BUNDLE } from '../support/run-server';

const PASSWORD = 'lock-test-password';
// The embedded database, whatever the suite runs on: the lock is PGlite's.
const ENV = { DATABASE_URL: '', HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_TRUST_PROXY: '1' };

const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hailong-lock-api-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let sender = 0;
/** One citizen's answer over HTTP, as a phone sends it; returns the status. */
async function submit(baseUrl: string): Promise<number> {
  const form = await fetch(`${baseUrl}/q/demo-land`, { headers: { accept: 'application/json' } });
  const { token } = (await form.json()) as { token: string };
  const res = await fetch(`${baseUrl}/q/demo-land`, {
    method: 'POST',
    // A distinct sender each time, so no answer is flagged as a burst.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(++sender / 250)}.${sender % 250}` },
    body: JSON.stringify({ clientKey: `lock-test-${process.pid}-${sender}`, token, answers: { overall: 5 } }),
  });
  return res.status;
}

/** Starts a second server on a folder and waits for it to exit (it must not start). */
async function secondServer(dataDir: string): Promise<{ code: number | null; output: string }> {
  await buildServer();
  const port = await freePort();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SERVER_BUNDLE], {
      env: { ...process.env, ...ENV, PORT: String(port), HOST: '127.0.0.1', HAILONG_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the second server did not exit:\n${output}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('one process per PGlite data folder', () => {
  it('a second server on a folder in use exits naming the first, which keeps serving and loses nothing', async () => {
    const dir = newFolder();
    const first = await runServer(ENV, { dataDir: dir });
    let stopped = false;
    try {
      const before = await Promise.all(Array.from({ length: 6 }, () => submit(first.url)));
      expect(before).toEqual(Array(6).fill(201));

      const second = await secondServer(dir);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`is in use by another hailong process (pid ${first.pid}, ${hostname()}, since `);
      expect(second.output).toContain(`đang được một tiến trình hailong khác sử dụng (pid ${first.pid}`);
      expect(second.output).not.toContain('is running');
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.pid });

      const after = await Promise.all(Array.from({ length: 6 }, () => submit(first.url)));
      expect(after).toEqual(Array(6).fill(201));
      const cookie = await loginCookie(first.url, PASSWORD);
      expect(await answersAt(first.url, cookie, 'demo-land')).toBe(12);

      await first.stop();
      stopped = true;
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      // What the first acknowledged is on disk: a fresh start on the folder counts it all.
      const again = await runServer(ENV, { dataDir: dir });
      try {
        expect(await answersAt(again.url, await loginCookie(again.url, PASSWORD), 'demo-land')).toBe(12);
      } finally {
        await again.stop();
      }
    } finally {
      if (!stopped) await first.stop();
    }
  }, 240_000);

  it('takes over a lock left by a process that died, and releases it at a clean stop', async () => {
    const dir = newFolder();
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const server = await runServer(ENV, { dataDir: dir });
    try {
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: server.pid, host: hostname() });
      expect(await submit(server.url)).toBe(201);
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 240_000);
});
