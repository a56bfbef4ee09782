import { sql, type Kysely } from 'kysely';

/** Whether the database answers a trivial query (however long that takes); never throws. */
export function pingDatabase(db: Kysely<any>): Promise<boolean> {
  return sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
}
