import { rate, wilsonInterval, type Interval } from './statistics';

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

export interface StratifiedRate {
  rate: number | null;
  interval: Interval | null;
  /** Effective sample size (Σw)² / Σw², the n the interval is computed with. */
  nEff: number;
  /** Valid interviews, unweighted. */
  n: number;
  sumWeights: number;
}

/**
 * The weighted rate of a wave (docs/domain.md §4): w = N_h / n_h for every interview of stratum h,
 * rate = Σ w·satisfied ÷ Σ w over valid answers, with a Wilson interval on n_eff. Computed from
 * per-stratum counts, since every interview of a stratum carries the same weight.
 */
export function stratifiedRate(strata: readonly StratumCounts[]): StratifiedRate {
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
  if (sumW <= 0) return { rate: null, interval: null, nEff: 0, n, sumWeights: 0 };
  const nEff = (sumW * sumW) / sumW2;
  const share = sumWSat / sumW;
  return { rate: rate(sumWSat, sumW), interval: wilsonInterval(share * nEff, nEff), nEff, n, sumWeights: sumW };
}
