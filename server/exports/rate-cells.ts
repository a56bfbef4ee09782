import type { RateSummary } from '../../surveys/statistics';
import { CONFIDENCE_WORDS, VERDICT_WORDS } from '../../surveys/verdict-words';

/** A rate as spreadsheet cells: n, satisfied, rate, interval, target, verdict and confidence in words. */
export function rateCells(r: RateSummary): (number | string | null)[] {
  return [
    r.n,
    r.satisfied,
    r.rate,
    r.interval?.low ?? null,
    r.interval?.high ?? null,
    r.target,
    VERDICT_WORDS[r.verdict].vi,
    r.confidence === null ? null : CONFIDENCE_WORDS[r.confidence].vi,
  ];
}
