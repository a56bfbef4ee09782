import { Worker } from 'node:worker_threads';

/**
 * scrypt on threads of its own at a lower CPU priority (nice 10), so password hashing gets only a
 * small share of a busy CPU: run on libuv's pool at normal priority, two hashes on a two-core
 * machine take both cores from citizens' requests and the database alike, and beside a flood of
 * logins citizens' answers waited seconds. Nice 10 rather than 19: a hash still gets about a tenth
 * of a core that others want (a login then takes a second or two instead of ten). Linux keeps the
 * nice value per thread; other systems keep it per process, where lowering it would slow the whole
 * server, so there the threads keep normal priority. The source is inline (an eval worker) so the
 * one-file server bundle needs no second file.
 */
export const SCRYPT_NICE = 10;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
if (process.platform === 'linux') {
  const os = require('node:os');
  try { os.setPriority(Math.max(os.getPriority(), ${SCRYPT_NICE})); } catch {}
}
parentPort.on('message', ({ password, salt, keylen, options }) => {
  try {
    parentPort.postMessage({ key: scryptSync(password, Buffer.from(salt), keylen, options) });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});`;

export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

interface Job {
  password: string;
  salt: Buffer;
  keylen: number;
  options: ScryptOptions;
  resolve(key: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  idle?: NodeJS.Timeout;
}

/** An idle thread (about 9 MB) ends after this long, so a server that is not logging anyone in does not keep it. */
const IDLE_MS = 10_000;

/** At most `size` threads, started when first needed; jobs beyond them wait in order. */
export function createScryptThreads(size: number) {
  const threads: Thread[] = [];
  const waiting: Job[] = [];

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(WORKER_SOURCE, { eval: true }), job: null };
    const remove = () => {
      clearTimeout(thread.idle);
      const index = threads.indexOf(thread);
      if (index >= 0) threads.splice(index, 1);
    };
    const fail = (error: Error) => {
      remove();
      thread.job?.reject(error);
      thread.job = null;
      dispatch();
    };
    thread.worker.on('message', (m: { key?: Uint8Array; error?: string }) => {
      const job = thread.job;
      thread.job = null;
      // An idle thread must not keep the process alive.
      thread.worker.unref();
      if (job && m.key) job.resolve(Buffer.from(m.key));
      else job?.reject(new Error(m.error ?? 'scrypt failed'));
      dispatch();
      if (thread.job === null) {
        thread.idle = setTimeout(() => {
          remove();
          void thread.worker.terminate();
        }, IDLE_MS);
        thread.idle.unref();
      }
    });
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      if (threads.includes(thread)) fail(new Error(`scrypt thread exited (${code})`));
    });
    threads.push(thread);
    return thread;
  };

  const dispatch = () => {
    while (waiting.length > 0) {
      const thread = threads.find((t) => t.job === null) ?? (threads.length < size ? start() : undefined);
      if (!thread) return;
      const job = waiting.shift()!;
      clearTimeout(thread.idle);
      thread.job = job;
      thread.worker.ref();
      thread.worker.postMessage({ password: job.password, salt: job.salt, keylen: job.keylen, options: job.options });
    }
  };

  return {
    scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
      return new Promise((resolve, reject) => {
        waiting.push({ password, salt, keylen, options, resolve, reject });
        dispatch();
      });
    },
  };
}
