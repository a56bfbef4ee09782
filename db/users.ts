import type { Kysely } from 'kysely';
import type { Database, Role } from './types';

export async function createUser(
  db: Kysely<Database>,
  user: { tenant_id: number; username: string; password_hash: string; role: Role; unit_id?: number | null },
) {
  return db.insertInto('users').values(user).returning(['id', 'username', 'role']).executeTakeFirstOrThrow();
}

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>, tenantId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
