import type { Kysely } from 'kysely';
import type { Database } from './types';

/** Whether the daily upkeep of this Vietnam-local day ('YYYY-MM-DD') was done already, by any process. */
export async function upkeepDoneOn(db: Kysely<Database>, day: string): Promise<boolean> {
  return (await db.selectFrom('upkeep_runs').select('day').where('day', '=', day).executeTakeFirst()) !== undefined;
}

export async function recordUpkeepRun(db: Kysely<Database>, run: { day: string; startedAt: Date; ranBy: string }): Promise<void> {
  await db
    .insertInto('upkeep_runs')
    .values({ day: run.day, started_at: run.startedAt, ran_by: run.ranBy })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}

/** The days' runs, newest first: who ran each day's upkeep (the multi-process test counts them). */
export async function listUpkeepRuns(db: Kysely<Database>, limit = 30) {
  return db.selectFrom('upkeep_runs').selectAll().orderBy('day', 'desc').limit(limit).execute();
}
