import type { Kysely } from 'kysely';
import type { IndexFilter } from '../../db/dossier-index';
import { reasonCounts, type ReasonCounts } from '../../db/dossier-reasons';
import { listPortalFigures } from '../../db/portal-figures';
import type { Database } from '../../db/types';
import { ratio, type Ratio } from '../../surveys/index-766';
import {
  comparison,
  ratioOf,
  RECONCILIATION_REASONS,
  type Comparison,
  type PortalIndicator,
  type ReconciliationReason,
} from '../../surveys/portal-figures';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { resolveFilter } from '../http/stats-filter';
import { indexTable } from './index-table';

export interface ReconciliationRow {
  id: number;
  unit: { id: number; code: string; name: string };
  indicator: PortalIndicator;
  from: string;
  to: string;
  portal: number;
  note: string;
  enteredAt: Date;
  hailong: Ratio;
  /** hailong − portal, percentage points; null when hailong has no dossiers to count. */
  difference: number | null;
  explanation: {
    /** The online rate is explained by online dossiers only. */
    dossierChannel: 'online' | null;
    counts: Record<ReconciliationReason, number>;
    /** Failed dossiers by hailong's count and as the portal's figure implies them. */
    failed: Comparison['failed'];
    /** R3 (or the online rate) over rated dossiers only: what a portal counting only rated ones would show. */
    ratedOnly: Ratio | null;
  };
}

/**
 * The filter /api/indices/766 builds for this unit and period (today's tree), so both agree; a
 * unit whose figures today's tree counts for its successors is seen in the tree of the period's end.
 */
export async function figureFilter(
  db: Kysely<Database>,
  user: SessionUser,
  unitId: number,
  from: string,
  to: string,
): Promise<IndexFilter> {
  try {
    return await resolveFilter(db, user, { from, to, unit: unitId });
  } catch (error) {
    if (!(error instanceof RequestError) || error.status !== 400) throw error;
    return resolveFilter(db, user, { from, to, unit: unitId, view: 'asOf', asOf: to });
  }
}

const countsOnly = (c: ReasonCounts) =>
  Object.fromEntries(RECONCILIATION_REASONS.map((r) => [r, c[r]])) as Record<ReconciliationReason, number>;

/**
 * Each figure entered in the user's scope whose period lies within [from, to], beside hailong's
 * value for exactly that unit subtree and period (the computation behind /api/indices/766), the
 * difference, and the counts of the dossiers that explain it.
 */
export async function reconciliation(
  db: Kysely<Database>,
  user: SessionUser,
  q: { path: string | undefined; from: string | undefined; to: string | undefined },
): Promise<ReconciliationRow[]> {
  const figures = await listPortalFigures(db, { tenantId: user.tenant_id, path: q.path, from: q.from, to: q.to });
  const rows: ReconciliationRow[] = [];
  for (const f of figures) {
    const base = await figureFilter(db, user, f.unit_id, f.period_from, f.period_to);
    const online = f.indicator === 'online';
    const filter: IndexFilter = online ? { ...base, dossierChannel: 'online' } : base;
    const [table, counts] = await Promise.all([indexTable(db, base, 'none'), reasonCounts(db, filter)]);
    const hailong = ratioOf(table.overall, f.indicator);
    const compared = comparison(f.value, hailong);
    const complaintRatio = f.indicator === 'r1' || f.indicator === 'r2';
    rows.push({
      id: f.id,
      unit: { id: f.unit_id, code: f.unit_code, name: f.unit_name },
      indicator: f.indicator,
      from: f.period_from,
      to: f.period_to,
      portal: f.value,
      note: f.note,
      enteredAt: f.entered_at,
      hailong,
      difference: compared.difference,
      explanation: {
        dossierChannel: online ? 'online' : null,
        counts: countsOnly(counts),
        failed: compared.failed,
        ratedOnly: complaintRatio ? null : ratio(counts.rated - counts.rated_failed, counts.rated),
      },
    });
  }
  return rows;
}
