import { sql, type Kysely } from 'kysely';
import type { WebhookEvent } from '../surveys/webhook-events';
import type { Database } from './types';

export interface NewEndpoint {
  tenant_id: number;
  url: string;
  events: string[];
  secret: string;
  description: string;
  created_by: number | null;
}

export async function insertEndpoint(db: Kysely<Database>, e: NewEndpoint) {
  return db.insertInto('webhook_endpoints').values(e).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

const ENDPOINT_VIEW = [
  'id',
  'url',
  'events',
  'description',
  'disabled_at',
  'disabled_reason',
  'consecutive_failures',
  'created_at',
] as const;

export async function listEndpoints(db: Kysely<Database>, tenantId: number) {
  return db.selectFrom('webhook_endpoints').select(ENDPOINT_VIEW).where('tenant_id', '=', tenantId).orderBy('id').execute();
}

export async function findEndpoint(db: Kysely<Database>, tenantId: number, id: number) {
  return db.selectFrom('webhook_endpoints').select(ENDPOINT_VIEW).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function updateEndpoint(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  change: { url?: string | undefined; events?: string[] | undefined; description?: string | undefined; enabled?: boolean | undefined },
): Promise<boolean> {
  const set = {
    ...(change.url !== undefined ? { url: change.url } : {}),
    ...(change.events !== undefined ? { events: change.events } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.enabled === true ? { disabled_at: null, disabled_reason: null, consecutive_failures: 0 } : {}),
    ...(change.enabled === false ? { disabled_at: new Date(), disabled_reason: 'manual' } : {}),
  };
  if (Object.keys(set).length === 0) return (await findEndpoint(db, tenantId, id)) !== undefined;
  const row = await db
    .updateTable('webhook_endpoints')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteEndpoint(db: Kysely<Database>, tenantId: number, id: number): Promise<boolean> {
  const row = await db
    .deleteFrom('webhook_endpoints')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A delivery's message id (the receiver's key for spotting a delivery sent twice), drawn in SQL. */
export const NEW_MESSAGE_ID = sql`'msg_' || gen_random_uuid()`;

/**
 * Puts an event in the outbox of every enabled endpoint of the tenant that listens for it. Called
 * inside the transaction that makes the change, so the event exists exactly when the change does.
 */
export async function enqueueWebhookEvent(
  trx: Kysely<Database>,
  tenantId: number,
  event: WebhookEvent,
  data: Record<string, unknown>,
  at: Date,
): Promise<number> {
  const result = await sql`insert into webhook_deliveries (tenant_id, endpoint_id, message_id, event, payload, next_attempt_at)
    select e.tenant_id, e.id, ${NEW_MESSAGE_ID}, ${event}, ${JSON.stringify({ type: event, timestamp: at.toISOString(), data })}::jsonb, ${at}
    from webhook_endpoints e
    where e.tenant_id = ${tenantId} and e.disabled_at is null and ${event} = any(e.events)
    order by e.id`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface ClaimedDelivery {
  id: number;
  tenant_id: number;
  endpoint_id: number;
  message_id: string;
  payload: unknown;
  attempts: number;
  first_attempt_at: Date | null;
  url: string;
  secret: string;
}

/**
 * Takes up to `limit` due deliveries for sending: the attempt is counted and the row marked
 * 'sending' in the claiming transaction (rows another process holds are skipped), so a crash
 * mid-send leaves a row that `releaseStale` puts back rather than one sent twice by two senders.
 */
export async function claimDueDeliveries(db: Kysely<Database>, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('attempts', '+', 1),
        last_attempt_at: now,
        first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(now)),
      }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    return trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select([
        'd.id',
        'd.tenant_id',
        'd.endpoint_id',
        'd.message_id',
        'd.payload',
        'd.attempts',
        'd.first_attempt_at',
        'e.url',
        'e.secret',
      ])
      .where(
        'd.id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
  });
}

/** Rows left 'sending' by a process that stopped mid-send go back to the queue. */
export async function releaseStaleDeliveries(db: Kysely<Database>, olderThan: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending' })
    .where('status', '=', 'sending')
    .where('last_attempt_at', '<', olderThan)
    .execute();
}

export interface AttemptResult {
  at: Date;
  status: number | null;
  body: string | null;
  error: string | null;
  ok: boolean;
  /** When to try again; undefined: delivered, or failed for good. */
  retryAt: Date | undefined;
}

export async function recordAttempt(db: Kysely<Database>, d: ClaimedDelivery, r: AttemptResult): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({ delivery_id: d.id, endpoint_id: d.endpoint_id, attempted_at: r.at, status: r.status, body: r.body, error: r.error })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: r.ok ? 'delivered' : r.retryAt ? 'pending' : 'failed',
        ...(r.retryAt ? { next_attempt_at: r.retryAt } : {}),
        last_status: r.status,
        last_body: r.body,
        last_error: r.error,
      })
      .where('id', '=', d.id)
      .execute();
    await trx
      .updateTable('webhook_endpoints')
      .set((eb) => ({ consecutive_failures: r.ok ? 0 : eb('consecutive_failures', '+', 1) }))
      .where('id', '=', d.endpoint_id)
      .execute();
  });
}

/** Switches an endpoint off; true only for the call that did it (so its administrators hear once). */
export async function disableEndpoint(db: Kysely<Database>, id: number, reason: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: at, disabled_reason: reason })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function endpointFailures(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'tenant_id', 'url', 'consecutive_failures', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** When the endpoint's last success was, or undefined if none. */
export async function lastSuccessAt(db: Kysely<Database>, endpointId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('endpoint_id', '=', endpointId)
    .where('status', '>=', 200)
    .where('status', '<', 300)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

export async function firstFailureSince(db: Kysely<Database>, endpointId: number, since: Date | undefined): Promise<Date | undefined> {
  let q = db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.min('attempted_at').as('at'))
    .where('endpoint_id', '=', endpointId);
  if (since) q = q.where('attempted_at', '>', since);
  const row = await q.executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

export async function listDeliveries(db: Kysely<Database>, tenantId: number, endpointId: number, limit = 50) {
  const deliveries = await db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'message_id',
      'event',
      'status',
      'attempts',
      'next_attempt_at',
      'last_attempt_at',
      'last_status',
      'last_body',
      'last_error',
      'created_at',
    ])
    .where('tenant_id', '=', tenantId)
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const attempts = await db
    .selectFrom('webhook_attempts')
    .select(['delivery_id', 'attempted_at', 'status', 'body', 'error'])
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return { deliveries, attempts };
}

/** Puts a delivery back in the queue, due now, with a fresh set of attempts. */
export async function redeliver(db: Kysely<Database>, tenantId: number, endpointId: number, deliveryId: number, now: Date) {
  const row = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, first_attempt_at: null, next_attempt_at: now })
    .where('tenant_id', '=', tenantId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId)
    .where('status', '!=', 'sending')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
