import type { Kysely } from 'kysely';
import type { Database } from './types';

export async function createSession(
  db: Kysely<Database>,
  session: { id_hash: string; tenant_id: number; user_id: number; expires_at: Date },
) {
  await db.insertInto('sessions').values(session).execute();
}

/** The session's user, if the session is live and the account not disabled. */
export async function findSessionUser(db: Kysely<Database>, idHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select([
      'u.id',
      'u.username',
      'u.role',
      'u.unit_id',
      's.tenant_id',
      't.name as tenant_name',
      't.is_demo as tenant_is_demo',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}
