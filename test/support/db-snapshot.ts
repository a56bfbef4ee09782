import { sql } from 'kysely';
import type { DbHandle } from '../../db/create-db';

/** How many responses and rollup counts there are: what a refused request must leave unchanged. */
export async function dbSnapshot(db: DbHandle): Promise<{ responses: number; rollupCount: number }> {
  const r = await sql<{ responses: number; rollup_count: number }>`
    select (select count(*) from responses)::int as responses,
           (select coalesce(sum(count), 0) from daily_rollups)::int as rollup_count`.execute(db.dbRead);
  return { responses: r.rows[0]!.responses, rollupCount: r.rows[0]!.rollup_count };
}
