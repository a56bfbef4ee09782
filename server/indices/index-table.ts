import type { Kysely } from 'kysely';
import { dossierCountsFromRollups, openDossiers, type IndexFilter, type IndexGroupBy } from '../../db/dossier-index';
import type { Database } from '../../db/types';
import { addCounts, DOSSIER_COUNTS, zeroCounts, type DossierCounts } from '../../surveys/dossier-outcome';
import { index766, type Index766 } from '../../surveys/index-766';
import { inPlanOrder, OVERALL_KEY, sectorName } from '../../surveys/sectors';
import { labelsFor } from '../stats/group-labels';

export type IndexRow = Index766 & { key: string; label: string };

export interface IndexTable {
  overall: IndexRow;
  rows: IndexRow[];
  /** Received, not finished yet: in no ratio until finished; how many are past their due time now. */
  open: { open: number; pastDue: number };
}

const countsOf = (row: DossierCounts): DossierCounts => {
  const c = zeroCounts();
  for (const k of DOSSIER_COUNTS) c[k] = Number(row[k]);
  return c;
};

/**
 * The Decision 766 satisfaction group for a filter, grouped: the one computation behind
 * /api/indices/766, the dashboard, the reports and reconciliation, so they agree.
 */
export async function indexTable(db: Kysely<Database>, filter: IndexFilter, groupBy: IndexGroupBy, now = new Date()): Promise<IndexTable> {
  const [groups, labels, open] = await Promise.all([
    dossierCountsFromRollups(db, filter, groupBy),
    groupBy === 'sector' || groupBy === 'unit' ? labelsFor(db, filter.tenantId, groupBy) : undefined,
    openDossiers(db, filter, now),
  ]);
  const total = zeroCounts();
  const rows = groups.map((g) => {
    const counts = countsOf(g);
    addCounts(total, counts);
    return { key: g.key, label: labels?.get(g.key) ?? g.key, ...index766(counts) };
  });
  return {
    overall: {
      key: OVERALL_KEY,
      label: filter.sector ? (labels?.get(filter.sector) ?? sectorName(filter.sector, 'vi')) : sectorName(OVERALL_KEY, 'vi'),
      ...index766(total),
    },
    rows: groupBy === 'sector' ? inPlanOrder(rows, (r) => r.key) : rows,
    open,
  };
}
