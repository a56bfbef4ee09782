import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
const clockTicks = () => (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100);

/** CPU time (user + system) a process has used so far, in µs, from /proc/<pid>/stat; undefined once it is gone. */
export function processCpuMicros(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis,
  // where field 3 (state) starts, so utime and stime (fields 14 and 15) are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / clockTicks()) * 1e6;
}

/**
 * CPU used by a set of processes between `start()` and `stop()`: each process's /proc counters
 * at both ends. `pids()` is asked at both ends, so a process that appears during the interval is
 * counted from zero (its start-up included) and one that exits during it loses what it used since
 * the start (PostgreSQL backends of a pool live as long as the pool, so this is rare).
 */
export function cpuMeter(pids: () => Promise<number[]>) {
  let before = new Map<number, number>();
  const sample = async () => {
    const now = new Map<number, number>();
    for (const pid of await pids()) {
      const us = processCpuMicros(pid);
      if (us !== undefined) now.set(pid, us);
    }
    return now;
  };
  return {
    async start() {
      before = await sample();
    },
    /** µs of CPU used since start(). */
    async stop(): Promise<number> {
      const after = await sample();
      let used = 0;
      for (const [pid, us] of after) used += us - (before.get(pid) ?? 0);
      return used;
    },
  };
}
