import { rate, wilsonIntervalOfShare, type Interval } from './statistics';
import { DEFAULT_LONELY_STRATUM, stratifiedVariance, type LonelyStratum } from './stratified-variance';

/** One stratum of a survey wave: its population and what its interviews gave. */
export interface StratumCounts {
  /** N_h: transactions (or people) in the stratum over the period. */
  population: number;
  /** n_h: interviews in the stratum; each weighs N_h / n_h. */
  interviews: number;
  /** Interviews with a satisfied / not satisfied verdict. */
  valid: number;
  satisfied: number;
}

/**
 * The sample size the interval was computed on:
 * - 'design': the design effective n = p(1−p) / Var(p̂), Var from the strata and their populations;
 * - 'census': every stratum was interviewed completely, so there is no sampling error and the
 *   interval is the rate itself;
 * - 'kish': the design variance is 0 without a census (every answer alike, p = 0 or 1, or every
 *   sampled stratum answered alike), which gives no effective n: Kish's n_eff stands in, so a
 *   wave of 30 satisfied answers still shows how little 30 answers prove.
 */
export type IntervalBasis = 'design' | 'census' | 'kish';

export interface StratifiedRate {
  rate: number | null;
  interval: Interval | null;
  /** Valid interviews, unweighted: what the minimum-sample rule counts. */
  n: number;
  /** Kish effective sample size (Σw)² / Σw²: the cost of unequal weights alone. */
  nEff: number;
  /** Design effective n p(1−p)/Var(p̂) (strata and finite-population correction); null when undefined (basis not 'design'). */
  nDesign: number | null;
  /** √Var(p̂) in percentage points: the standard error R's survey prints. */
  standardError: number | null;
  intervalBasis: IntervalBasis | null;
  sumWeights: number;
}

/**
 * The weighted rate of a wave (docs/domain.md §4): w = N_h / n_h for every interview of stratum h,
 * rate = Σ w·satisfied ÷ Σ w over valid answers. Its 95 % interval is Wilson on the design
 * effective n, from the stratified variance with finite-population correction
 * (surveys/stratified-variance.ts). Computed from per-stratum counts, since every interview of a
 * stratum carries the same weight.
 */
export function stratifiedRate(strata: readonly StratumCounts[], lonely: LonelyStratum = DEFAULT_LONELY_STRATUM): StratifiedRate {
  let sumW = 0;
  let sumWSat = 0;
  let sumW2 = 0;
  let n = 0;
  for (const s of strata) {
    if (s.interviews <= 0 || s.valid <= 0) continue;
    const w = s.population / s.interviews;
    sumW += w * s.valid;
    sumWSat += w * s.satisfied;
    sumW2 += w * w * s.valid;
    n += s.valid;
  }
  if (sumW <= 0) {
    return { rate: null, interval: null, n, nEff: 0, nDesign: null, standardError: null, intervalBasis: null, sumWeights: 0 };
  }
  const nEff = (sumW * sumW) / sumW2;
  const share = sumWSat / sumW;
  const r = rate(sumWSat, sumW)!;
  const { variance, census } = stratifiedVariance(strata, share, lonely);
  const common = { rate: r, n, nEff, standardError: Math.sqrt(variance) * 100, sumWeights: sumW };
  if (census) return { ...common, interval: { low: r, high: r }, nDesign: null, intervalBasis: 'census' };
  if (variance > 0) {
    const nDesign = (share * (1 - share)) / variance;
    return { ...common, interval: wilsonIntervalOfShare(share, nDesign), nDesign, intervalBasis: 'design' };
  }
  return { ...common, interval: wilsonIntervalOfShare(share, nEff), nDesign: null, intervalBasis: 'kish' };
}
