import type { Kysely } from 'kysely';
import { countFlagged } from '../../db/flagged-responses';
import { sectorCountsFromRollups, type GroupBy, type SectorCount, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { rowTarget, type TargetBasis } from '../../surveys/row-target';
import { inPlanOrder, OVERALL_KEY, sectorName } from '../../surveys/sectors';
import { summarize, type RateSummary } from '../../surveys/statistics';
import { labelsFor } from './group-labels';
import { targetLookup } from './target-lookup';

/** One sector's share of a row that mixes sectors: its own rate against its own target. */
export type SectorPart = RateSummary & { sector: string; label: string };

export type RateRow = RateSummary & {
  key: string;
  label: string;
  /** Why this target: the one sector of the row's answers, the overall target for a row of several sectors ('mixed'), or for none. */
  targetBasis: TargetBasis;
  /** For a row of several sectors: each sector against its own target, in plan order. */
  sectors?: SectorPart[];
};

export interface RateTable {
  overall: RateRow;
  rows: RateRow[];
  /** Flagged answers in the filter, left out of every figure above. */
  excluded: { flagged: number };
}

/**
 * Rates with intervals and verdicts for a filter, grouped, each row against the target of the
 * sectors its answers belong to (surveys/row-target.ts): the one computation behind /api/stats,
 * the periodic reports and the Excel export, so they agree.
 */
export async function rateTable(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<RateTable> {
  const bySectorNames = groupBy === 'unit' || groupBy === 'counter';
  const [counts, labels, targets, flagged, named] = await Promise.all([
    sectorCountsFromRollups(db, filter, groupBy),
    labelsFor(db, filter.tenantId, groupBy),
    targetLookup(db, filter),
    countFlagged(db, filter),
    bySectorNames ? labelsFor(db, filter.tenantId, 'sector') : undefined,
  ]);
  // The tenant's sector names (other groupings' labels are those names already): a sector it added has no built-in one.
  const sectorLabels = named ?? labels;
  const sectorLabel = (code: string) =>
    code === OVERALL_KEY ? sectorName(code, 'vi') : (sectorLabels.get(code) ?? sectorName(code, 'vi'));
  const endYear = Number(filter.to.slice(0, 4));
  const yearOf = (key: string) => (groupBy === 'day' || groupBy === 'month' ? Number(key.slice(0, 4)) : endYear);
  const row = (key: string, label: string, parts: SectorCount[], year: number): RateRow => {
    const targetIn = (sector: string | null) => targets(sector, year);
    const satisfied = parts.reduce((sum, p) => sum + p.satisfied, 0);
    const valid = parts.reduce((sum, p) => sum + p.valid, 0);
    const judged = rowTarget(
      parts.map((p) => p.sector),
      targetIn,
    );
    const sectors =
      judged.basis === 'mixed'
        ? sectorParts(parts).map((p) => ({
            sector: p.sector,
            label: sectorLabel(p.sector),
            ...summarize({ satisfied: p.satisfied, valid: p.valid, target: targetIn(p.sector) }),
          }))
        : undefined;
    return {
      key,
      label,
      ...summarize({ satisfied, valid, target: judged.target }),
      targetBasis: judged.basis,
      ...(sectors ? { sectors } : {}),
    };
  };
  const byKey = new Map<string, SectorCount[]>();
  for (const c of counts) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const keys = [...byKey.keys()].sort();
  return {
    // Every rollup row falls in exactly one group, so the groups add up to the whole.
    overall: row(OVERALL_KEY, sectorLabel(filter.sector ?? OVERALL_KEY), counts, endYear),
    rows: (groupBy === 'sector' ? inPlanOrder(keys, (k) => k) : keys).map((k) => row(k, labels.get(k) ?? k, byKey.get(k)!, yearOf(k))),
    excluded: { flagged },
  };
}

/** A group's counts summed per sector, in plan order. */
function sectorParts(parts: SectorCount[]): SectorCount[] {
  const bySector = new Map<string, SectorCount>();
  for (const p of parts) {
    const seen = bySector.get(p.sector);
    bySector.set(p.sector, seen ? { ...seen, satisfied: seen.satisfied + p.satisfied, valid: seen.valid + p.valid } : { ...p });
  }
  return inPlanOrder([...bySector.values()], (p) => p.sector);
}
