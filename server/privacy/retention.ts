import type { Kysely } from 'kysely';
import { applyRetention, listTenantIds, tenantRetentionMonths } from '../../db/retention';
import type { Database } from '../../db/types';
import { recordAudit, systemActor } from '../audit/record-audit';

/** The moment before which free text is no longer kept: `months` calendar months ago. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Applies every tenant's retention period now; run at start and once a day. */
export async function applyAllRetention(db: Kysely<Database>, now = new Date()) {
  const results = [];
  for (const tenantId of await listTenantIds(db)) {
    const months = await tenantRetentionMonths(db, tenantId);
    const cutoff = retentionCutoff(now, months);
    const done = await applyRetention(db, tenantId, cutoff);
    if (done.responses > 0 || done.contacts > 0) {
      await recordAudit(db, systemActor(tenantId), 'retention_applied', null, { months, cutoff: cutoff.toISOString(), ...done });
    }
    results.push({ tenantId, months, ...done });
  }
  return results;
}
