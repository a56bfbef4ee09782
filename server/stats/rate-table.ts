import type { Kysely } from 'kysely';
import { countFlagged } from '../../db/flagged-responses';
import { satisfiedCountsFromRollups, type GroupBy, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { inPlanOrder, OVERALL_KEY, sectorName } from '../../surveys/sectors';
import { summarize, type RateSummary } from '../../surveys/statistics';
import { labelsFor } from './group-labels';
import { targetLookup } from './target-lookup';

export type RateRow = RateSummary & { key: string; label: string };

export interface RateTable {
  overall: RateRow;
  rows: RateRow[];
  /** Flagged answers in the filter, left out of every figure above. */
  excluded: { flagged: number };
}

/**
 * Rates with intervals and verdicts for a filter, grouped, each against the target in force:
 * the one computation behind /api/stats, the periodic reports and the Excel export, so they agree.
 */
export async function rateTable(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<RateTable> {
  const [rows, labels, targets, flagged] = await Promise.all([
    satisfiedCountsFromRollups(db, filter, groupBy),
    labelsFor(db, filter.tenantId, groupBy),
    targetLookup(db, filter),
    countFlagged(db, filter),
  ]);
  // Every rollup row falls in exactly one group, so the groups add up to the whole.
  const overall = rows.reduce((sum, r) => ({ satisfied: sum.satisfied + r.satisfied, valid: sum.valid + r.valid }), {
    satisfied: 0,
    valid: 0,
  });
  const endYear = Number(filter.to.slice(0, 4));
  // A sector row is judged by its sector's target; any other row by the filtered sector's, or overall.
  const targetOf = (key: string) =>
    targets(
      groupBy === 'sector' ? key : (filter.sector ?? null),
      groupBy === 'day' || groupBy === 'month' ? Number(key.slice(0, 4)) : endYear,
    );
  return {
    overall: {
      key: OVERALL_KEY,
      label: sectorName(filter.sector ?? OVERALL_KEY, 'vi'),
      ...summarize({ satisfied: overall.satisfied, valid: overall.valid, target: targets(filter.sector ?? null, endYear) }),
    },
    rows: (groupBy === 'sector' ? inPlanOrder(rows, (r) => r.key) : rows).map((r) => ({
      key: r.key,
      label: labels.get(r.key) ?? r.key,
      ...summarize({ satisfied: r.satisfied, valid: r.valid, target: targetOf(r.key) }),
    })),
    excluded: { flagged },
  };
}
