import type { Kysely } from 'kysely';
import type { WebhookEvent } from '../surveys/webhook-events';
import type { Database } from './types';
import { enqueueWebhookEvent } from './webhooks';

/**
 * A case's webhook event, put in the outbox in the transaction that changed the case. Only ids,
 * the unit, the state and the times: never the phone, the comment or the answer text.
 */
export async function emitCaseEvents(trx: Kysely<Database>, tenantId: number, caseIds: readonly number[], event: WebhookEvent, at: Date) {
  if (caseIds.length === 0) return;
  const hasEndpoint = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!hasEndpoint) return;
  const rows = await trx
    .selectFrom('cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.status', 'c.unit_id', 'u.name as unit_name', 'c.assigned_unit_id', 'c.created_at', 'c.due_at', 'c.closed_at'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', 'in', [...caseIds])
    .execute();
  for (const c of rows) {
    await enqueueWebhookEvent(
      trx,
      tenantId,
      event,
      {
        caseId: c.id,
        unitId: c.unit_id,
        unitName: c.unit_name,
        assignedUnitId: c.assigned_unit_id,
        state: c.status,
        openedAt: c.created_at,
        dueAt: c.due_at,
        closedAt: c.closed_at,
      },
      at,
    );
  }
}
