import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

/** The primary's current WAL position ('16/B374D848'). */
export async function primaryWalPosition(db: Kysely<Database>): Promise<string> {
  const row = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db);
  return row.rows[0]!.lsn;
}

/** How far a standby has replayed, and when (its last replayed commit), by its own clock; nulls on a primary. */
export async function replayPosition(
  db: Kysely<Database>,
): Promise<{ replayLsn: string | null; replayedAtMs: number | null; nowMs: number }> {
  const row = await sql<{ replay_lsn: string | null; replayed_at_ms: number | null; now_ms: number }>`
    select pg_last_wal_replay_lsn()::text as replay_lsn,
           (extract(epoch from pg_last_xact_replay_timestamp()) * 1000)::float8 as replayed_at_ms,
           (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms`.execute(db);
  const r = row.rows[0]!;
  return { replayLsn: r.replay_lsn, replayedAtMs: r.replayed_at_ms, nowMs: r.now_ms };
}
