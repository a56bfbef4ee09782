import type { Kysely } from 'kysely';
import type { Database } from './types';

/** What the audit log says of one reveal of a case's phone: who, when, and why. */
export interface ContactReveal {
  at: Date;
  username: string | null;
  reason: string;
}

/**
 * The reveals of a case's phone, oldest first, read from the audit log (the one record of them;
 * server/cases/contact-reveal.ts writes them there). Never the number: the log never holds it.
 */
export async function listContactReveals(db: Kysely<Database>, tenantId: number, caseId: number): Promise<ContactReveal[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_username', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('subject', '=', `case:${caseId}`)
    .where('action', '=', 'contact_revealed')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: r.at, username: r.actor_username, reason: typeof r.details.reason === 'string' ? r.details.reason : '' }));
}
