import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

/** Fresh planner statistics for every table (`analyze`): the embedded database runs no autovacuum to do it. */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
