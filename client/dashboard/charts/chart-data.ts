import type { Verdict } from '../../../surveys/statistics';
import type { Interval, StatsRow } from '../../app/api-types';
import { VERDICT_COLOUR } from '../../app/verdict';
import type { Distribution, Reorganisation, Trend } from '../dashboard-types';

/** What the charts need, worked out without chart.js so it can be tested with plain data. */
export interface SectorBars {
  labels: string[];
  /** Percent; null draws no bar (no valid answers). */
  rates: (number | null)[];
  targets: number[];
  intervals: (Interval | null)[];
  colours: string[];
  verdicts: Verdict[];
  counts: number[];
}

export function sectorBars(rows: readonly StatsRow[], labelOf: (row: StatsRow) => string): SectorBars {
  return {
    labels: rows.map(labelOf),
    rates: rows.map((r) => r.rate),
    targets: rows.map((r) => r.target),
    intervals: rows.map((r) => r.interval),
    colours: rows.map((r) => VERDICT_COLOUR[r.verdict]),
    verdicts: rows.map((r) => r.verdict),
    counts: rows.map((r) => r.n),
  };
}

export interface VersionMark {
  /** Index of the month on the x axis where the new version first appears. */
  index: number;
  label: string;
}

/**
 * Version changes (and reorganisations of units) as marks on the month axis. Several changes in
 * one month share one mark; a change in a month outside the chart is left out rather than drawn
 * at an edge.
 */
export function versionMarks(
  trend: Trend,
  labelOf: (change: Trend['versionChanges'][number]) => string,
  reorganisationLabel?: (r: Reorganisation) => string,
): VersionMark[] {
  const months = trend.rows.map((r) => r.key);
  const byMonth = new Map<number, string[]>();
  const mark = (index: number, label: string) => {
    if (index >= 0) byMonth.set(index, [...(byMonth.get(index) ?? []), label]);
  };
  for (const change of trend.versionChanges) mark(months.indexOf(change.month), labelOf(change));
  // A reorganisation is a break too: the units behind the line changed. A month without answers
  // has no point, so the mark goes on the first month shown from the event on.
  if (reorganisationLabel) {
    for (const r of trend.reorganisations ?? [])
      mark(
        months.findIndex((m) => m >= r.month),
        reorganisationLabel(r),
      );
  }
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([index, labels]) => ({ index, label: labels.join('; ') }));
}

/**
 * Each level's share of a row's answers, in percent, for the 100 % stacked bars, per count key
 * ('1'…'5', or '1'…'3' on the 3-level scale). The shares are for drawing only; the table shows the
 * API's counts.
 */
export function levelShares(rows: Distribution['rows'], levels: readonly string[] = ['1', '2', '3', '4', '5']): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(levels.map((l) => [l, []]));
  for (const row of rows) for (const level of levels) out[level]!.push(row.total > 0 ? (100 * (row.counts[level] ?? 0)) / row.total : 0);
  return out;
}
