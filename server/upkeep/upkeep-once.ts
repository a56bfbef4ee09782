import { hostname } from 'node:os';
import type { DbHandle } from '../../db/create-db';
import { onceAcrossProcesses } from '../../db/once-across-processes';
import { recordUpkeepRun, upkeepDoneOn } from '../../db/upkeep-runs';
import { localDay } from '../../surveys/time';
import { dailyUpkeep } from './daily-upkeep';

export type UpkeepOutcome = 'ran' | 'done already' | 'running elsewhere';

/** How often each process asks whether today's upkeep is still to do. */
export const UPKEEP_CHECK_MS = 3600_000;

/**
 * The daily upkeep as the server schedules it (at start, then every hour): once per Vietnam-local
 * day across every process on the database. The process that takes the upkeep's advisory lock
 * runs it unless a row says today's is done, and writes that row when it is; any other process
 * skips at once (it never waits for the lock). A process that dies part-way leaves no row, and
 * the next hourly check anywhere runs it again.
 */
export async function upkeepOncePerDay(handle: DbHandle, now = new Date(), ranBy = `${hostname()}:${process.pid}`): Promise<UpkeepOutcome> {
  const day = localDay(now);
  const outcome = await onceAcrossProcesses(handle.dbWrite, handle.kind, 'daily-upkeep', async (): Promise<UpkeepOutcome> => {
    if (await upkeepDoneOn(handle.dbWrite, day)) return 'done already';
    await dailyUpkeep(handle, now);
    await recordUpkeepRun(handle.dbWrite, { day, startedAt: now, ranBy });
    return 'ran';
  });
  return outcome.ran ? outcome.value : 'running elsewhere';
}
