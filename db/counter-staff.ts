import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types';

/** Which counters an officer staffs (counter_staff): the codes per account, for the accounts list. */
export async function listStaffCounterCodes(db: Kysely<Database>, tenantId: number): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('counter_staff as s')
    .innerJoin('counters as c', 'c.id', 's.counter_id')
    .select(['s.user_id', 'c.code'])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('c.code')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.code]);
  return out;
}

/** The codes of the counters one account staffs, in code order. */
export async function staffCounterCodes(db: Kysely<Database>, tenantId: number, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('counter_staff as s')
    .innerJoin('counters as c', 'c.id', 's.counter_id')
    .select('c.code')
    .where('s.tenant_id', '=', tenantId)
    .where('s.user_id', '=', userId)
    .orderBy('c.code')
    .execute();
  return rows.map((r) => r.code);
}

/** The ids of the counters one account staffs. */
export async function staffCounterIds(db: Kysely<Database>, tenantId: number, userId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('counter_staff')
    .select('counter_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.counter_id));
}

/** The tenant's counters with these codes, with their unit's path and whether they are retired. */
export async function countersByCodes(db: Kysely<Database>, tenantId: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('counters as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.code', 'c.retired_at', 'u.path as unit_path'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.code', 'in', codes)
    .execute();
}

/**
 * Replaces the counters an account staffs with these, in one transaction; `inside` runs in the same
 * transaction last (the audit entry), so the change and its record commit together or not at all.
 * Returns the codes it staffed before.
 */
export async function replaceStaffCounters(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  counterIds: readonly number[],
  inside: (trx: Transaction<Database>, before: string[]) => Promise<void>,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Lock the account's row so two administrators saving at once leave one set, and one "before" each.
    await trx.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('id', '=', userId).forUpdate().execute();
    const before = await staffCounterCodes(trx, tenantId, userId);
    await trx.deleteFrom('counter_staff').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
    if (counterIds.length > 0) {
      await trx
        .insertInto('counter_staff')
        .values(counterIds.map((counter_id) => ({ tenant_id: tenantId, counter_id, user_id: userId })))
        .execute();
    }
    await inside(trx, before);
    return before;
  });
}

/** Removes every counter link of an account (it is no longer an officer); returns the codes it staffed. */
export async function removeStaffCounters(db: Kysely<Database>, tenantId: number, userId: number): Promise<string[]> {
  const before = await staffCounterCodes(db, tenantId, userId);
  if (before.length > 0) await db.deleteFrom('counter_staff').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  return before;
}
