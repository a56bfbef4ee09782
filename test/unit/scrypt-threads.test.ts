import { randomBytes, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScryptThreads, SCRYPT_NICE } from '../../server/auth/scrypt-threads';

const OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** The nice value of every thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('scrypt threads', () => {
  it('derive the same key as scrypt on the main thread, and fail cleanly on bad parameters', async () => {
    const threads = createScryptThreads(2);
    const salt = randomBytes(16);
    const keys = await Promise.all(['một', 'hai', 'ba'].map((p) => threads.scrypt(p, salt, 32, OPTIONS)));
    expect(keys.map((k) => k.toString('hex'))).toEqual(['một', 'hai', 'ba'].map((p) => scryptSync(p, salt, 32, OPTIONS).toString('hex')));
    await expect(threads.scrypt('x', salt, 32, { ...OPTIONS, N: 3 })).rejects.toThrow();
    // Still serving after a failed job.
    expect((await threads.scrypt('bốn', salt, 32, OPTIONS)).equals(scryptSync('bốn', salt, 32, OPTIONS))).toBe(true);
    // The hashing threads run at low priority: beside a busy test run they may wait for a core.
  }, 60_000);

  // Only Linux keeps a nice value per thread (and has /proc); elsewhere the threads keep normal priority.
  it.runIf(process.platform === 'linux')(
    'hashes on threads niced below the rest of the process',
    async () => {
      const threads = createScryptThreads(1);
      const niced = (values: number[]) => values.filter((n) => n === SCRYPT_NICE).length;
      const before = threadNiceValues();
      const running = threads.scrypt('năm', randomBytes(16), 32, { ...OPTIONS, N: 2 ** 17, maxmem: 256 * 1024 * 1024 });
      let during: number[] = [];
      for (let i = 0; i < 200 && niced(during) <= niced(before); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        during = threadNiceValues();
      }
      await running;
      // One more thread at the lower priority: the new hashing thread (the earlier test's idle ones are there too).
      expect(niced(during)).toBe(niced(before) + 1);
      // The rest of the process keeps its priority.
      const main = Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16]);
      expect(main).toBeLessThan(SCRYPT_NICE);
      expect(during.filter((n) => n !== SCRYPT_NICE).every((n) => n === main)).toBe(true);
    },
    60_000,
  );
});
