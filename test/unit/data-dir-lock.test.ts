import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir, type LockOwner } from '../../db/data-dir-lock';

let dir: string;
let lockPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hailong-lock-test-'));
  lockPath = join(dir, LOCK_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// A process that certainly runs while the test does, and one that certainly no longer does.
let sleeper: ChildProcess;
const sleeperStarted = new Date().toISOString();
beforeEach(() => {
  sleeper ??= spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600_000)'], { stdio: 'ignore' });
});
afterAll(() => sleeper?.kill());
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

const writeLock = (owner: Partial<LockOwner>) =>
  writeFileSync(lockPath, JSON.stringify({ pid: sleeper.pid, host: hostname(), startedAt: sleeperStarted, ...owner }));
const lockContent = () => JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;

describe('the data folder lock', () => {
  it("writes this process's pid, host name and start time, and release removes it", () => {
    const lock = lockDataDir(dir);
    const owner = lockContent();
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    const started = Date.parse(owner.startedAt);
    expect(started).toBeLessThanOrEqual(Date.now());
    expect(started).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 2000);
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
    // Free again once released.
    lockDataDir(dir).release();
  });

  it('refuses a second lock on the same folder within one process', () => {
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(lockContent().pid).toBe(process.pid);
    } finally {
      lock.release();
    }
  });

  it('refuses a folder another running process holds, naming its pid and since when, and leaves its lock alone', () => {
    writeLock({});
    const before = readFileSync(lockPath, 'utf8');
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${sleeper.pid}`);
    expect(message).toContain(sleeperStarted);
    expect(message).toContain('đang được một tiến trình hailong khác sử dụng');
    expect(message).toContain('is in use by another hailong process');
    expect(readFileSync(lockPath, 'utf8')).toBe(before);
  });

  it('takes over a lock whose pid no longer runs', () => {
    writeLock({ pid: deadPid() });
    const lock = lockDataDir(dir);
    expect(lockContent().pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock written before the machine last booted, even if its pid runs now', () => {
    writeLock({ bootId: 'a-boot-long-ago' });
    const lock = lockDataDir(dir);
    expect(lockContent().pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process started at another moment', () => {
    writeLock({ startTicks: 1 });
    const lock = lockDataDir(dir);
    expect(lockContent().pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock left by an earlier process that had this process's pid (a container's pid 1)", () => {
    writeLock({ pid: process.pid });
    const lock = lockDataDir(dir);
    expect(lockContent().startedAt).not.toBe(sleeperStarted);
    lock.release();
  });

  it('takes over an empty lock (its owner died between creating and writing it)', () => {
    writeFileSync(lockPath, '');
    const lock = lockDataDir(dir);
    expect(lockContent().pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never takes over a lock of another host name, and says which file to delete', () => {
    writeLock({ pid: deadPid(), host: 'may-chu-khac' });
    expect(() => lockDataDir(dir)).toThrow(/may-chu-khac[\s\S]*delete .*hailong\.lock/);
    expect(lockContent().host).toBe('may-chu-khac');
  });

  it("release leaves alone a lock that is no longer this process's", () => {
    const lock = lockDataDir(dir);
    writeLock({});
    lock.release();
    expect(lockContent().pid).toBe(sleeper.pid);
  });
});
