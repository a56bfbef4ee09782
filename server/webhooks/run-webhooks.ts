import type { Kysely } from 'kysely';
import { listTenantAdminEmails } from '../../db/notifications';
import type { Database } from '../../db/types';
import {
  claimDueDeliveries,
  disableEndpoint,
  endpointFailures,
  firstFailureSince,
  lastSuccessAt,
  recordAttempt,
  releaseStaleDeliveries,
  type ClaimedDelivery,
} from '../../db/webhooks';
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, DISABLE_AFTER_FAILING_HOURS, nextAttemptAt } from '../../surveys/webhook-events';
import type { Mailer } from '../notifications/mailer';
import { endpointDisabledMail } from './webhook-mail';
import { signWebhook } from './webhook-signature';

export interface WebhookDeps {
  db: Kysely<Database>;
  mailer?: Mailer | undefined;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs?: number;
}

const BATCH = 20;
const SHORT_BODY = 500;
/** A row still 'sending' after this long belongs to a process that stopped mid-send. */
const STALE_SENDING_MS = 2 * 60_000;

/** One pass over the due deliveries: sends each, records the answer, schedules retries, disables dead endpoints. */
export async function runWebhookDeliveries(deps: WebhookDeps, now: Date = new Date()): Promise<number> {
  await releaseStaleDeliveries(deps.db, new Date(now.getTime() - STALE_SENDING_MS));
  const claimed = await claimDueDeliveries(deps.db, now, BATCH);
  await Promise.all(claimed.map((d) => deliverOne(deps, d, now)));
  return claimed.length;
}

async function deliverOne(deps: WebhookDeps, d: ClaimedDelivery, now: Date): Promise<void> {
  const body = JSON.stringify(d.payload);
  const headers = { 'content-type': 'application/json', ...signWebhook(d.secret, d.message_id, Math.floor(now.getTime() / 1000), body) };
  let status: number | null = null;
  let text: string | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
    status = res.status;
    text = (await res.text()).slice(0, SHORT_BODY);
  } catch (e) {
    error = (e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)).slice(0, SHORT_BODY);
  }
  const ok = status !== null && status >= 200 && status < 300;
  await recordAttempt(deps.db, d, { at: now, status, body: text, error, ok, retryAt: ok ? undefined : nextAttemptAt(d.attempts, now) });
  if (!ok) await disableIfDead(deps, d.endpoint_id, now);
}

/** Off after N failures in a row, or when every attempt for a whole day has failed; the tenant's administrators are told. */
async function disableIfDead(deps: WebhookDeps, endpointId: number, now: Date): Promise<void> {
  const e = await endpointFailures(deps.db, endpointId);
  if (e.disabled_at !== null) return;
  let reason: string | undefined;
  if (e.consecutive_failures >= DISABLE_AFTER_CONSECUTIVE_FAILURES) reason = `${e.consecutive_failures} consecutive failures`;
  else {
    const firstFailure = await firstFailureSince(deps.db, endpointId, await lastSuccessAt(deps.db, endpointId));
    if (firstFailure && now.getTime() - firstFailure.getTime() >= DISABLE_AFTER_FAILING_HOURS * 3600_000)
      reason = `failing for ${DISABLE_AFTER_FAILING_HOURS} h`;
  }
  if (!reason || !(await disableEndpoint(deps.db, endpointId, reason, now))) return;
  if (!deps.mailer) return;
  for (const to of await listTenantAdminEmails(deps.db, e.tenant_id)) {
    await deps.mailer.send({ to, ...endpointDisabledMail(e.url, reason) }).catch((err: unknown) => console.error('webhook mail:', err));
  }
}
