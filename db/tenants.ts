import type { Kysely } from 'kysely';
import type { Database } from './types';

export async function findTenantByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('tenants').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findTenantById(db: Kysely<Database>, id: number) {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createTenant(
  db: Kysely<Database>,
  tenant: { code: string; name: string; is_demo?: boolean; kind?: 'province' | 'ministry' | 'other' },
) {
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

/** Every tenant with the usernames of its active administrators (for the start banner; no secrets). */
export async function listTenantsWithAdmins(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('tenants as t')
    .leftJoin('users as u', (join) => join.onRef('u.tenant_id', '=', 't.id').on('u.role', '=', 'admin').on('u.disabled_at', 'is', null))
    .select(['t.id', 't.code', 't.name', 't.is_demo', 'u.username'])
    .orderBy('t.id')
    .orderBy('u.username')
    .execute();
  const tenants = new Map<number, { id: number; code: string; name: string; isDemo: boolean; admins: string[] }>();
  for (const r of rows) {
    const t = tenants.get(r.id) ?? { id: r.id, code: r.code, name: r.name, isDemo: r.is_demo, admins: [] };
    if (r.username) t.admins.push(r.username);
    tenants.set(r.id, t);
  }
  return [...tenants.values()];
}
