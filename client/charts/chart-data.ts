import type { Verdict } from '../../surveys/statistics';
import type { StatsRow } from '../api-types';
import { VERDICT_COLOUR } from '../verdict';

/** What the bar chart needs, worked out without chart.js so it can be tested with plain data. */
export interface SectorBars {
  labels: string[];
  /** Percent; null draws no bar (no valid answers). */
  rates: (number | null)[];
  targets: number[];
  colours: string[];
  verdicts: Verdict[];
  counts: number[];
}

export function sectorBars(rows: readonly StatsRow[], labelOf: (row: StatsRow) => string): SectorBars {
  return {
    labels: rows.map(labelOf),
    rates: rows.map((r) => r.rate),
    targets: rows.map((r) => r.target),
    colours: rows.map((r) => VERDICT_COLOUR[r.verdict]),
    verdicts: rows.map((r) => r.verdict),
    counts: rows.map((r) => r.n),
  };
}
