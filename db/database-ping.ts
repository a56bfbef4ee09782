import { sql, type Kysely } from 'kysely';
import type { Database } from './types';

/** Runs a trivial query: resolves once the database answered, fails with what went wrong. */
export async function assertDatabaseAnswers(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Whether the database answers a trivial query (however long that takes); never throws. */
export function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  return assertDatabaseAnswers(db).then(
    () => true,
    () => false,
  );
}
