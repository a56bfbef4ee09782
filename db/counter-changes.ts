import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

/**
 * A process-wide generation number that every write changing what a citizen page shows bumps:
 * a counter's name, sectors or kiosk flag, its survey's versions, its tenant's retention period.
 * Caches of active counters remember the generation they loaded under and drop anything older,
 * so an edit made in this process shows on the very next request. Edits made by another process
 * reach this one as a notification on COUNTER_CHANNEL (sent in the editing transaction, so only
 * once it commits) and bump the generation here too (server/citizen/counter-changes-listener.ts);
 * the caches' short time-to-live is left only as the fallback for an edit made by hand in SQL.
 */
let generation = 0;

export function noteCounterChange(): void {
  generation++;
}

export function counterGeneration(): number {
  return generation;
}

/** The channel of counter changes; the payload is `<tenant id>:<counter id>`, or `<tenant id>:*` for all its counters. */
export const COUNTER_CHANNEL = 'hailong_counters';

/**
 * Tells every process that a counter (or, with '*', every counter of the tenant: a survey version,
 * the retention period) changed. Call inside the writing transaction: PostgreSQL delivers the
 * notification at commit, and not at all on rollback.
 */
export async function announceCounterChange(trx: Kysely<Database>, tenantId: number, counterId: number | '*'): Promise<void> {
  await sql`select pg_notify(${COUNTER_CHANNEL}, ${`${tenantId}:${counterId}`})`.execute(trx);
}
