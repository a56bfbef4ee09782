import type { Kysely } from 'kysely';
import type { Role } from '../surveys/roles';
import type { Database } from './types';

export async function createUser(
  db: Kysely<Database>,
  user: { tenant_id: number; username: string; password_hash: string; role: Role; unit_id?: number | null; email?: string | null },
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

export async function findUser(db: Kysely<Database>, tenantId: number, id: number) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  change: { role?: Role; unit_id?: number | null; disabled_at?: Date | null; password_hash?: string; email?: string | null },
) {
  return db
    .updateTable('users')
    .set(change)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(['id', 'username', 'role', 'unit_id', 'disabled_at', 'email'])
    .executeTakeFirst();
}

/** Accounts with the path of their unit (null = the whole tenant): whom a case may be assigned to. */
export function usersWithScope(db: Kysely<Database>, tenantId: number) {
  return db
    .selectFrom('users as us')
    .leftJoin('units as un', 'un.id', 'us.unit_id')
    .select(['us.id', 'us.username', 'us.role', 'us.unit_id', 'us.disabled_at', 'us.email', 'un.path as unit_path', 'un.name as unit_name'])
    .where('us.tenant_id', '=', tenantId)
    .orderBy('us.username');
}

export type UserWithScope = Awaited<ReturnType<ReturnType<typeof usersWithScope>['executeTakeFirstOrThrow']>>;

export async function findUserWithScope(db: Kysely<Database>, tenantId: number, id: number): Promise<UserWithScope | undefined> {
  return usersWithScope(db, tenantId).where('us.id', '=', id).executeTakeFirst();
}

export async function listActiveUsersWithScope(db: Kysely<Database>, tenantId: number): Promise<UserWithScope[]> {
  return usersWithScope(db, tenantId).where('us.disabled_at', 'is', null).execute();
}
