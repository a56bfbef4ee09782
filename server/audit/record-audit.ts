/**
 * recordAudit: the one way routes write to the audit log (db/audit-log.ts holds the chain itself).
 *
 *   await recordAudit(db, actor, action, subject, details?)
 *
 * - db: the `db` of AppDeps (its dbWrite is used), or a Kysely transaction, to record inside it so
 *   the change and its entry commit together (then call it last in the transaction: it takes the
 *   audit lock until the commit).
 * - actor: who did it. In a route, `c.get('user')`. For a login attempt, the account found (or only
 *   the name tried): `{ id: null, username: tried, tenant_id: null }`. For the system itself acting
 *   on a tenant (a scheduled job), `systemActor(tenantId)`. For a machine client, `apiKeyActor(c.get('apiKey'))`. The entry belongs to actor.tenant_id.
 * - action: an AuditAction ('role_changed', 'case_changed', …); add new ones to surveys/audit-actions.ts.
 * - subject: what was acted on, short, 'kind:key': 'user:12', 'counter:demo-land', 'case:45',
 *   'response:812', or a file name for downloads ('responses.csv'). null when the actor is the subject.
 * - details: plain JSON facts an administrator needs later: before/after values, the filter, counts.
 *   Never a password, token, session id, phone number or answer text: the log is kept for ever.
 *
 * Examples:
 *   await recordAudit(db, c.get('user'), 'role_changed', `user:${u.id}`, { username: u.username, from: 'analyst', to: 'admin' });
 *   await recordAudit(trx, c.get('user'), 'case_changed', `case:${id}`, { status: { from: 'received', to: 'assigned' } });
 *
 * It throws if the entry cannot be written, so an action is never silently left out of the log.
 */
import type { Kysely } from 'kysely';
import { appendAudit, type AuditAction } from '../../db/audit-log';
import type { DbHandle } from '../../db/create-db';
import type { Database } from '../../db/types';

export interface AuditActor {
  id: number | null;
  username: string | null;
  tenant_id: number | null;
}

export type { AuditAction };

/** The application itself acting for a tenant, with no person behind it. */
export const systemActor = (tenantId: number | null): AuditActor => ({ id: null, username: null, tenant_id: tenantId });

/** A machine client acting with an API key: no account, named by the key's prefix (`api-key:1a2b3c4d`). */
export const apiKeyActor = (key: { tenantId: number; prefix: string }): AuditActor => ({
  id: null,
  username: `api-key:${key.prefix}`,
  tenant_id: key.tenantId,
});

export async function recordAudit(
  db: DbHandle | Kysely<Database>,
  actor: AuditActor | null,
  action: AuditAction,
  subject: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const writer = 'dbWrite' in db ? db.dbWrite : db;
  await appendAudit(writer, {
    tenant_id: actor?.tenant_id ?? null,
    actor_user_id: actor?.id ?? null,
    actor_username: actor?.username ?? null,
    action,
    subject,
    details,
  });
}
