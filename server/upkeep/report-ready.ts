import type { Kysely } from 'kysely';
import { listTenantIds, raiseAlert } from '../../db/notifications';
import type { Database } from '../../db/types';
import { enqueueWebhookEvent } from '../../db/webhooks';
import { addMonths, localMonth } from '../../surveys/time';

/** The monthly report of the month just ended is ready: told once per tenant and month (raised_alerts keeps the identity). */
export async function emitReportReady(db: Kysely<Database>, now: Date): Promise<void> {
  const month = addMonths(localMonth(now), -1);
  for (const tenantId of await listTenantIds(db)) {
    await db.transaction().execute(async (trx) => {
      if (!(await raiseAlert(trx, tenantId, `report.ready|monthly|${month}`, now))) return;
      await enqueueWebhookEvent(trx, tenantId, 'report.ready', { period: 'monthly', month, closedAt: now.toISOString() }, now);
    });
  }
}
