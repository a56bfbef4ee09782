import type { Kysely } from 'kysely';
import type { Database } from './types';

export async function createSession(
  db: Kysely<Database>,
  session: { id_hash: string; tenant_id: number; user_id: number; expires_at: Date },
) {
  await db.insertInto('sessions').values(session).execute();
}

/**
 * The session's user, if the session is within its absolute lifetime, has been used within the
 * idle limit, and the account is not disabled.
 */
export async function findSessionUser(db: Kysely<Database>, idHash: string, now: Date, idleMinutes: number) {
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
      's.last_seen_at',
      't.name as tenant_name',
      't.is_demo as tenant_is_demo',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Logout everywhere, and what a password reset, a role change or a disabled account does. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date, idleMinutes: number) {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMinutes * 60_000))]))
    .execute();
}
