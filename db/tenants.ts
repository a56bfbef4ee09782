import type { Kysely } from 'kysely';
import type { Database } from './types';

export async function findTenantByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('tenants').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findTenantById(db: Kysely<Database>, id: number) {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createTenant(db: Kysely<Database>, tenant: { code: string; name: string; is_demo?: boolean }) {
  return db.insertInto('tenants').values(tenant).returningAll().executeTakeFirstOrThrow();
}

export async function countTenants(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('tenants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tenant created at first start; the one the first admin belongs to. */
export async function firstTenant(db: Kysely<Database>) {
  return db.selectFrom('tenants').selectAll().orderBy('id').limit(1).executeTakeFirst();
}
