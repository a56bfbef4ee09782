/**
 * Rates, intervals, weights, verdicts and sample sizes (docs/domain.md §4). Every rate and interval
 * bound here is a PERCENT (0..100), because that is the unit targets are set in.
 */

export const DEFAULT_MIN_SAMPLE = 30;

/** z for a two-sided 95% interval, to full double precision (1.96 is a rounding of it). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval, in percent. Chosen over the textbook p ± z·√(p(1−p)/n) because rates near
 * 100% are normal here and the textbook interval collapses to zero width (or passes 100%) there.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | null {
  if (!(n > 0) || !Number.isFinite(n)) return null;
  return wilsonIntervalOfShare(successes / n, n, z);
}

/**
 * The Wilson interval of a share p (0..1) on a sample size n that may be fractional: weighted rates
 * pass an effective sample size. At p = 0 the low bound is exactly 0 and at p = 1 the high bound is
 * exactly 100: in theory they are, but the formula drifts an ulp inside (99.99999999999999), which
 * would put a rate of 100 outside its own interval.
 */
export function wilsonIntervalOfShare(share: number, n: number, z: number = Z_95): Interval | null {
  if (!(n > 0) || !Number.isFinite(n) || Number.isNaN(share)) return null;
  const p = Math.min(1, Math.max(0, share));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return {
    low: p === 0 ? 0 : Math.max(0, centre - half) * 100,
    high: p === 1 ? 100 : Math.min(1, centre + half) * 100,
  };
}

/**
 * Satisfied share in percent; multiplying before dividing keeps 17/20 at exactly 85, not 85.00000000000001.
 * All satisfied is exactly 100 even for weighted sums, where (x·100)/x can round to 99.99999999999999.
 */
export function rate(satisfied: number, valid: number): number | null {
  if (!(valid > 0)) return null;
  if (satisfied === valid) return 100;
  return (satisfied * 100) / valid;
}

export interface WeightedRate {
  rate: number | null;
  sumWeights: number;
  /** Kish effective sample size (Σw)² / Σw²: what the interval is computed with (weights alone say no more). */
  nEff: number;
  /** Responses that carry weight (w > 0). */
  n: number;
  interval: Interval | null;
}

/**
 * Weighted rate of answers that carry nothing but a weight: rate = Σw·sat / Σw, its interval Wilson
 * on Kish's n_eff. A wave knows its strata and their populations, so its rate is computed with
 * stratifiedRate (surveys/stratified-rate.ts) and an interval on the design instead.
 * Zero weights (a stratum with no transactions) add nothing to any sum or count.
 */
export function weightedRate(items: readonly { weight: number; satisfied: boolean }[]): WeightedRate {
  let sumW = 0;
  let sumW2 = 0;
  let sumWSat = 0;
  let n = 0;
  for (const { weight, satisfied } of items) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`design weights must be finite and ≥ 0, got ${weight}`);
    }
    if (weight === 0) continue;
    n += 1;
    sumW += weight;
    sumW2 += weight * weight;
    if (satisfied) sumWSat += weight;
  }
  if (sumW === 0) return { rate: null, sumWeights: 0, nEff: 0, n: 0, interval: null };
  const nEff = (sumW * sumW) / sumW2;
  const p = sumWSat / sumW;
  return {
    rate: rate(sumWSat, sumW),
    sumWeights: sumW,
    nEff,
    n,
    interval: wilsonIntervalOfShare(p, nEff),
  };
}

export type Verdict = 'met' | 'not_met' | 'too_few';
export type Confidence = 'confident' | 'not_conclusive';

// Rates arrive from divisions and sums; rounding to 1e-9 keeps "exactly at target" from
// becoming "not met" through a last-bit error.
const round9 = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The side of the target a rate is on: met when at or above it (docs/domain.md §4), to the 9th decimal. */
export function meetsTarget(rate: number, target: number): boolean {
  return round9(rate) >= round9(target);
}

export function verdictOf(args: { rate: number | null; interval: Interval | null; valid: number; target: number; minSample?: number }): {
  verdict: Verdict;
  confidence: Confidence | null;
} {
  const { rate: r, interval, valid, target, minSample = DEFAULT_MIN_SAMPLE } = args;
  if (valid < minSample || r === null) return { verdict: 'too_few', confidence: null };
  const t = round9(target);
  const met = meetsTarget(r, target);
  const confident = interval !== null && (met ? round9(interval.low) >= t : round9(interval.high) < t);
  return { verdict: met ? 'met' : 'not_met', confidence: confident ? 'confident' : 'not_conclusive' };
}

export interface RateSummary {
  /** Valid answers (no-opinion answers are not in it). */
  n: number;
  satisfied: number;
  rate: number | null;
  interval: Interval | null;
  target: number;
  verdict: Verdict;
  confidence: Confidence | null;
}

/** The shape every stats row uses: the rate with its interval and verdict against the target. */
export function summarize(args: { satisfied: number; valid: number; target: number; minSample?: number }): RateSummary {
  const { satisfied, valid, target, minSample } = args;
  const r = rate(satisfied, valid);
  const interval = wilsonInterval(satisfied, valid);
  const v = verdictOf({ rate: r, interval, valid, target, ...(minSample === undefined ? {} : { minSample }) });
  return { n: valid, satisfied, rate: r, interval, target, ...v };
}

/**
 * Yamane sample size n = N / (1 + N·e²) (MoHA guidance for survey waves). The tiny epsilon stops
 * float noise (0.05² is 0.0025000000000000005) from pushing an exact quotient up by one.
 */
export function yamaneSampleSize(N: number, e = 0.05): number {
  if (!(N > 0)) return 0;
  return Math.ceil(N / (1 + N * e * e) - 1e-9);
}

/** How many more answers a unit needs to reach its sample size (0 when it has enough). */
export function sampleShortfall(required: number, collected: number): number {
  return Math.max(0, required - collected);
}
