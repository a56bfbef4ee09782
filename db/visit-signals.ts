import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

export interface SourceActivity {
  /** Answers at this counter from the same address since `since`. */
  fromOrigin: number;
  /** Answers at this counter from the same browser since `since`. */
  fromDevice: number;
  /** The latest answer from either, if any. */
  lastAt: Date | null;
}

/** How busy one sender has been at one counter lately: the raw material of burst flags. */
export async function recentActivity(
  db: Kysely<Database>,
  args: { counterId: number; originHash: string | null; deviceHash: string | null; since: Date },
): Promise<SourceActivity> {
  const result = await sql<{ from_origin: number; from_device: number; last_at: Date | null }>`
    select count(*) filter (where origin_hash = ${args.originHash})::int as from_origin,
           count(*) filter (where device_hash = ${args.deviceHash})::int as from_device,
           max(submitted_at) as last_at
    from responses
    where counter_id = ${args.counterId}
      and submitted_at >= ${args.since}
      and (origin_hash = ${args.originHash} or device_hash = ${args.deviceHash})`.execute(db);
  const row = result.rows[0];
  return { fromOrigin: row?.from_origin ?? 0, fromDevice: row?.from_device ?? 0, lastAt: row?.last_at ?? null };
}
