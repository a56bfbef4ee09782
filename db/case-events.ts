import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WebhookEvent } from '../surveys/webhook-events';
import type { Database } from './types';
import { NEW_MESSAGE_ID } from './webhooks';

/** A timestamp as JavaScript's toISOString writes it (UTC, milliseconds), as every payload carries times. */
const iso = (column: RawBuilder<unknown>) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The outbox rows of a case event: one per enabled endpoint of the case's tenant that takes the
 * event, for each case of `cases` (a relation with the cases table's columns, aliased `c`). Only
 * ids, the unit, the state and the times: never the phone, the comment or the answer text.
 * A statement of its own, or a CTE of the statement that changed the cases.
 */
export function caseEventDeliveries(cases: RawBuilder<unknown>, event: WebhookEvent, at: Date) {
  return sql`insert into webhook_deliveries (tenant_id, endpoint_id, message_id, event, payload, next_attempt_at)
    select c.tenant_id, e.id, ${NEW_MESSAGE_ID}, ${event},
           jsonb_build_object('type', ${event}::text, 'timestamp', ${at.toISOString()}::text, 'data', jsonb_build_object(
             'caseId', c.id, 'unitId', c.unit_id, 'unitName', u.name, 'assignedUnitId', c.assigned_unit_id, 'state', c.status,
             'openedAt', ${iso(sql`c.created_at`)}, 'dueAt', ${iso(sql`c.due_at`)}, 'closedAt', ${iso(sql`c.closed_at`)})),
           ${at}
    from ${cases}
    join units u on u.id = c.unit_id
    join webhook_endpoints e on e.tenant_id = c.tenant_id and e.disabled_at is null and ${event} = any(e.events)
    order by c.id, e.id`;
}

/** A case's webhook event, put in the outbox in the transaction that changed the case. */
export async function emitCaseEvents(trx: Kysely<Database>, tenantId: number, caseIds: readonly number[], event: WebhookEvent, at: Date) {
  if (caseIds.length === 0) return;
  await caseEventDeliveries(
    sql`(select * from cases where tenant_id = ${tenantId} and id = any(${[...caseIds]}::int[])) c`,
    event,
    at,
  ).execute(trx);
}
