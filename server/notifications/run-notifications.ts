import type { Kysely } from 'kysely';
import { listTenantIds, listUnsent, markUnsent, queueAlertForSubscribers, raiseAlert, takeUnsent } from '../../db/notifications';
import type { Database } from '../../db/types';
import { enqueueWebhookEvent } from '../../db/webhooks';
import { digestDue, inQuietHours } from '../../surveys/quiet-hours';
import { alertMail, type AlertSummary } from './alert-mail';
import { findAlerts } from './find-alerts';
import type { Mailer } from './mailer';

export interface NotificationDeps {
  db: Kysely<Database>;
  mailer?: Mailer | undefined;
}

/**
 * One pass: finds every tenant's alerts, raises the new ones (a webhook event, a row per
 * subscriber: each alert identity once), then sends what is due: immediate ones now, digests once
 * a day, nothing inside a subscriber's quiet hours (held until they end). Returns e-mails sent.
 */
export async function runNotifications(deps: NotificationDeps, now: Date = new Date()): Promise<number> {
  for (const tenantId of await listTenantIds(deps.db)) {
    for (const alert of await findAlerts(deps.db, tenantId, now)) {
      await deps.db.transaction().execute(async (trx) => {
        if (await raiseAlert(trx, tenantId, alert.key, now)) {
          await enqueueWebhookEvent(trx, tenantId, alert.webhook.event, alert.webhook.data, now);
        }
        await queueAlertForSubscribers(trx, {
          tenantId,
          key: alert.key,
          kind: alert.summary.kind,
          unitId: alert.unitId,
          unitPath: alert.unitPath,
          summary: alert.summary,
          at: now,
        });
      });
    }
  }
  return deps.mailer ? sendDue(deps.db, deps.mailer, now) : 0;
}

async function sendDue(db: Kysely<Database>, mailer: Mailer, now: Date): Promise<number> {
  const bySubscriber = new Map<number, Awaited<ReturnType<typeof listUnsent>>>();
  for (const row of await listUnsent(db)) bySubscriber.set(row.subscription_id, [...(bySubscriber.get(row.subscription_id) ?? []), row]);
  let sent = 0;
  for (const rows of bySubscriber.values()) {
    const first = rows[0]!;
    if (inQuietHours(now, first.quiet_from, first.quiet_to)) continue;
    const oldest = rows.reduce((d, r) => (new Date(r.found_at) < d ? new Date(r.found_at) : d), new Date(rows[0]!.found_at));
    if (first.mode === 'digest' && !digestDue(now, oldest)) continue;
    const batches = first.mode === 'digest' ? [rows] : rows.map((r) => [r]);
    for (const listed of batches) {
      // Taken before sending: a second sender finds them taken and sends nothing. Only what this
      // pass took goes out (another process may have taken part of a digest a moment before).
      const ids = await takeUnsent(
        db,
        listed.map((r) => r.id),
        now,
      );
      if (ids.length === 0) continue;
      const batch = listed.filter((r) => ids.includes(r.id));
      try {
        await mailer.send({ to: first.email, ...alertMail(batch.map((r) => r.summary as AlertSummary)) });
        sent++;
      } catch (error) {
        await markUnsent(db, ids);
        console.error('alert mail:', error);
      }
    }
  }
  return sent;
}
