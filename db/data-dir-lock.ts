import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process per PGlite data folder. PGlite takes no lock of its own: two processes on one folder
 * both start, both acknowledge answers, and each overwrites the other's pages (a drill lost 26
 * acknowledged answers that way). The lock is a file in the folder, created with `wx` (fails if it
 * exists), holding who owns it.
 *
 * A lock left behind by a process that died without letting go (kill -9, a power cut) is taken
 * over when its owner is certainly gone: on this host name, its pid is not running, or (Linux) the
 * machine has rebooted since or that pid now belongs to a process started at another moment. A lock
 * taken on another host name is never taken over: the folder may be on a share that other machine
 * is still using, and its processes cannot be seen from here; the message says which file to delete.
 */
export const LOCK_FILE = 'hailong.lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** When the owning process started (ISO). */
  startedAt: string;
  /** Linux: the kernel's boot id, and the process's start in clock ticks since boot (from /proc). */
  bootId?: string;
  startTicks?: number;
}

export interface DataDirLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly holder: LockOwner,
    readonly foreignHost: boolean,
  ) {
    super(inUseMessage(dataDir, lockPath, holder, foreignHost));
    this.name = 'DataDirInUseError';
  }
}

// Locks this process holds: a second open of the same folder in one process is refused too.
const heldHere = new Set<string>();

/** Takes the folder's lock or throws DataDirInUseError naming the process that has it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me = ownIdentity();
  const content = `${JSON.stringify(me)}\n`;
  // Each pass either creates the file or meets a holder; a stale one is moved aside and we retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, content)) {
      heldHere.add(path);
      const onExit = () => removeIfOurs(path, content);
      process.once('exit', onExit);
      return {
        path,
        owner: me,
        release() {
          process.removeListener('exit', onExit);
          heldHere.delete(path);
          removeIfOurs(path, content);
        },
      };
    }
    const found = readOwner(path);
    if (found === 'gone') continue;
    if (found !== 'unreadable') {
      const state = ownerState(path, found.owner);
      if (state !== 'gone') throw new DataDirInUseError(dataDir, path, found.owner, state === 'foreign');
    }
    takeOver(path, found === 'unreadable' ? undefined : found.raw);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing; is another hailong starting on ${dataDir}?`);
}

/** Who this process is, so that another can tell later whether it still runs. */
function ownIdentity(): LockOwner {
  const startTicks = procStartTicks(process.pid);
  const bootId = readBootId();
  return {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    ...(bootId ? { bootId } : {}),
    ...(startTicks !== undefined ? { startTicks } : {}),
  };
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

type ReadResult = { owner: LockOwner; raw: string } | 'gone' | 'unreadable';

function readOwner(path: string): ReadResult {
  // A lock just created is empty until its owner writes it (microseconds): look again before
  // deciding that an unreadable file is the remains of a crash.
  for (let look = 0; look < 3; look++) {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return 'gone';
      throw error;
    }
    const owner = parseOwner(raw);
    if (owner) return { owner, raw };
    sleep(50);
  }
  return 'unreadable';
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (!Number.isInteger(v.pid) || typeof v.host !== 'string' || typeof v.startedAt !== 'string') return undefined;
    return v as LockOwner;
  } catch {
    return undefined;
  }
}

/** 'alive': the owner runs; 'gone': it certainly does not; 'foreign': another host, cannot tell. */
function ownerState(path: string, owner: LockOwner): 'alive' | 'gone' | 'foreign' {
  if (owner.host !== hostname()) return 'foreign';
  const bootId = readBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return 'gone';
  // Our own pid: either this very process holds it, or it is a dead predecessor whose pid we got
  // (a container's main process is pid 1 at every start).
  if (owner.pid === process.pid) return heldHere.has(path) ? 'alive' : 'gone';
  if (!pidRuns(owner.pid)) return 'gone';
  if (owner.startTicks !== undefined) {
    const ticks = procStartTicks(owner.pid);
    if (ticks !== undefined && ticks !== owner.startTicks) return 'gone';
  }
  return 'alive';
}

function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return codeOf(error) === 'EPERM';
  }
}

/**
 * Moves a stale lock aside by renaming it (atomic: of two processes taking over the same stale
 * lock, one renames it, the other finds it gone and retries). If what was moved is not the stale
 * lock judged (another process took over and locked in between), it is put back.
 */
function takeOver(path: string, staleRaw: string | undefined) {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable aside: it was the stale one
  }
  const sameFile = staleRaw === undefined ? parseOwner(moved) === undefined : moved === staleRaw;
  if (!sameFile) {
    // (A third process locking in this instant would be overwritten: three starting together on
    // one stale lock is not worth a harder protocol.)
    renameSync(aside, path);
    return;
  }
  unlinkSync(aside);
}

function removeIfOurs(path: string, content: string) {
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch {
    // already gone, or the folder with it
  }
}

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function procStartTicks(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

function inUseMessage(dataDir: string, lockPath: string, holder: LockOwner, foreignHost: boolean): string {
  const who = `pid ${holder.pid}, ${holder.host}`;
  if (foreignHost) {
    return [
      `Thư mục dữ liệu ${dataDir} đang bị khóa bởi một tiến trình hailong trên máy khác (${who}, từ ${holder.startedAt}). Mỗi thư mục dữ liệu chỉ một tiến trình. Nếu máy đó không còn chạy hailong trên thư mục này, hãy xóa tệp ${lockPath} rồi khởi động lại.`,
      `The data folder ${dataDir} is locked by a hailong process on another machine (${who}, since ${holder.startedAt}). One process per data folder. If that machine no longer runs hailong on this folder, delete ${lockPath} and start again.`,
    ].join('\n');
  }
  return [
    `Thư mục dữ liệu ${dataDir} đang được một tiến trình hailong khác sử dụng (${who}, từ ${holder.startedAt}). Mỗi thư mục dữ liệu chỉ một tiến trình: hãy dừng tiến trình đó, hoặc dùng thư mục khác (HAILONG_DATA_DIR).`,
    `The data folder ${dataDir} is in use by another hailong process (${who}, since ${holder.startedAt}). One process per data folder: stop that process, or use another folder (HAILONG_DATA_DIR).`,
  ].join('\n');
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
