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
 * n may be fractional: weighted rates pass the effective sample size.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | null {
  if (!(n > 0) || !Number.isFinite(n)) return null;
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp: at p = 0 or 1 the bounds are exactly 0 or 1 in theory but can drift by an ulp.
  return { low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/** Satisfied share in percent; multiplying before dividing keeps 17/20 at exactly 85, not 85.00000000000001. */
export function rate(satisfied: number, valid: number): number | null {
  if (!(valid > 0)) return null;
  return (satisfied * 100) / valid;
}

export interface WeightedRate {
  rate: number | null;
  sumWeights: number;
  /** Kish effective sample size (Σw)² / Σw²: what the interval is computed with. */
  nEff: number;
  /** Responses that carry weight (w > 0). */
  n: number;
  interval: Interval | null;
}

/**
 * Design-weighted rate for sociological waves: w = N_h / n_h per stratum, rate = Σw·sat / Σw.
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
    rate: (sumWSat * 100) / sumW,
    sumWeights: sumW,
    nEff,
    n,
    interval: wilsonInterval(p * nEff, nEff),
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
