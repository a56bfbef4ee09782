import { TARGET_BASIS_WORDS, type TargetBasis } from '../../surveys/row-target';
import type { RateSummary } from '../../surveys/statistics';
import { CONFIDENCE_WORDS, VERDICT_WORDS } from '../../surveys/verdict-words';

/** A rate as spreadsheet cells: n, satisfied, rate, interval, target, verdict and confidence in words, then the target's basis. */
export function rateCells(r: RateSummary & { targetBasis?: TargetBasis }): (number | string | null)[] {
  return [
    r.n,
    r.satisfied,
    r.rate,
    r.interval?.low ?? null,
    r.interval?.high ?? null,
    r.target,
    VERDICT_WORDS[r.verdict].vi,
    r.confidence === null ? null : CONFIDENCE_WORDS[r.confidence].vi,
    r.targetBasis ? TARGET_BASIS_WORDS[r.targetBasis].vi : null,
  ];
}
