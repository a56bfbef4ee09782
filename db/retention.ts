import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { announceCounterChange, noteCounterChange } from './counter-changes';
import { likePrefix } from './stats';
import type { Database } from './types';

/**
 * Free text and contact data older than the tenant's retention period are removed: comments and
 * dossier codes are cleared from responses (the ratings stay, anonymous, so no rate changes), and
 * phone numbers of cases opened before the cut-off are deleted.
 */
export async function applyRetention(db: Kysely<Database>, tenantId: number, cutoff: Date) {
  return db.transaction().execute(async (trx) => {
    const responses = await trx
      .updateTable('responses')
      .set({ comment: null, dossier_code: null, device_hash: null, origin_hash: null })
      .where((eb) => responsesPastRetention(eb, tenantId, cutoff))
      .executeTakeFirst();
    await trx
      .updateTable('response_keys')
      .set({ dossier_code: null })
      .where('tenant_id', '=', tenantId)
      .where('submitted_at', '<', cutoff)
      .where('dossier_code', 'is not', null)
      .execute();
    const contacts = await sql`
      delete from case_contacts cc using cases c
      where ${contactsPastRetention(tenantId, cutoff)}`.execute(trx);
    return { responses: Number(responses.numUpdatedRows), contacts: Number(contacts.numAffectedRows ?? 0) };
  });
}

/** Answers before the cut-off that still hold free text, a dossier code or a hash: what applyRetention clears. */
function responsesPastRetention(eb: ExpressionBuilder<Database, 'responses'>, tenantId: number, cutoff: Date) {
  return eb.and([
    eb('tenant_id', '=', tenantId),
    eb('submitted_at', '<', cutoff),
    eb.or([eb('comment', 'is not', null), eb('dossier_code', 'is not', null), eb('origin_hash', 'is not', null)]),
  ]);
}

/** Phone numbers of cases opened before the cut-off (case_contacts as cc joined to cases as c): what applyRetention deletes. */
const contactsPastRetention = (tenantId: number, cutoff: Date) =>
  sql`c.id = cc.case_id and c.tenant_id = ${tenantId} and c.created_at < ${cutoff}`;

/**
 * What applyRetention would remove for this cut-off, counted and left in place: the answers whose
 * free text, dossier code and hashes would go, and the phone numbers that would be deleted.
 */
export async function countPastRetention(db: Kysely<Database>, tenantId: number, cutoff: Date) {
  const [responses, contacts] = await Promise.all([
    db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => responsesPastRetention(eb, tenantId, cutoff))
      .executeTakeFirstOrThrow(),
    sql<{ n: number }>`select count(*)::int as n from case_contacts cc join cases c on ${contactsPastRetention(tenantId, cutoff)}`.execute(
      db,
    ),
  ]);
  return { responses: Number(responses.n), contacts: contacts.rows[0]?.n ?? 0 };
}

/**
 * A person asks for their data to be deleted: the free text, dossier code and hashes of their
 * answer, and any phone number kept for its case. The ratings stay, anonymous.
 */
export async function eraseResponse(db: Kysely<Database>, tenantId: number, responseId: number, unitPath?: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('responses as r')
      .set({ comment: null, dossier_code: null, device_hash: null, origin_hash: null })
      .where('r.tenant_id', '=', tenantId)
      .where('r.id', '=', responseId)
      .$if(unitPath !== undefined, (q) =>
        q.where('r.unit_id', 'in', (eb) => eb.selectFrom('units').select('id').where('path', 'like', likePrefix(unitPath!))),
      )
      .returning('r.id')
      .executeTakeFirst();
    if (!row) return false;
    await trx.updateTable('response_keys').set({ dossier_code: null }).where('response_id', '=', responseId).execute();
    await sql`delete from case_contacts cc using cases c where c.id = cc.case_id and c.response_id = ${responseId}`.execute(trx);
    return true;
  });
}

export async function tenantRetentionMonths(db: Kysely<Database>, tenantId: number): Promise<number> {
  const row = await db.selectFrom('tenants').select('retention_months').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return row.retention_months;
}

export async function setTenantRetentionMonths(db: Kysely<Database>, tenantId: number, months: number) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('tenants').set({ retention_months: months }).where('id', '=', tenantId).execute();
    await announceCounterChange(trx, tenantId, '*');
  });
  // The citizen page states the retention period.
  noteCounterChange();
}

export async function listTenantIds(db: Kysely<Database>): Promise<number[]> {
  return (await db.selectFrom('tenants').select('id').execute()).map((t) => t.id);
}
