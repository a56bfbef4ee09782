import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

/**
 * Runs `work` unless another process (or another call in this one) is running the same job right
 * now, on one database: a transaction takes `pg_try_advisory_xact_lock` on the job's name and is
 * held open while `work` runs on other connections; a second caller finds the lock taken and
 * skips at once, never waits. The lock is transaction-scoped, so it holds through a
 * transaction-mode pooler and is let go by the database if this process dies.
 *
 * `work` must not use the lock's own connection: PGlite has only one, so there (one process per
 * data folder, see data-dir-lock.ts) the work runs without a lock.
 */
export async function onceAcrossProcesses<T>(
  db: Kysely<Database>,
  kind: 'pglite' | 'postgres',
  job: string,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (kind === 'pglite') return { ran: true, value: await work() };
  return db.transaction().execute(async (trx) => {
    const got = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(hashtext('hailong:once'), hashtext(${job})) as got`.execute(
      trx,
    );
    if (!got.rows[0]?.got) return { ran: false as const };
    // The lock's transaction waits, idle, for as long as the work takes: not cut as a stuck one.
    await sql`select set_config('idle_in_transaction_session_timeout', '0', true)`.execute(trx);
    return { ran: true as const, value: await work() };
  });
}

/**
 * Inside the caller's transaction: takes the job's transaction-scoped lock if free (held until that
 * transaction ends); false when another process holds it, to skip rather than wait.
 */
export async function underTryLock(trx: Kysely<Database>, job: string): Promise<boolean> {
  const got = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(hashtext('hailong:once'), hashtext(${job})) as got`.execute(trx);
  return got.rows[0]?.got === true;
}
