import type { StratumCounts } from './stratified-rate';

/**
 * What a stratum with a single interview (n_h = 1) adds to the variance, where the within-stratum
 * variance s_h² has no n_h − 1 to divide by. Named after R survey's `options(survey.lonely.psu)`:
 * - 'adjust' (the default): the interview is centred at the wave's rate instead of its stratum's
 *   mean, (1 − 1/N_h)·(w_h·(y − p̂) / Σw)². It keeps the stratum's uncertainty in the interval
 *   (roughly what a second interview unlike the first would add), so the interval never narrows
 *   because a stratum was hardly surveyed.
 * - 'certainty': the stratum adds nothing, as if it had been surveyed completely. Narrower, and
 *   only right when the stratum really is (nearly) a census.
 * ('remove' is 'certainty' for a one-stage design; 'average' and 'fail' are not offered.)
 */
export type LonelyStratum = 'adjust' | 'certainty';
export const DEFAULT_LONELY_STRATUM: LonelyStratum = 'adjust';

export interface StratifiedVariance {
  /** Var(p̂) of the weighted share (0..1 scale, not percent). */
  variance: number;
  /** Every stratum with valid answers was interviewed completely (n_h ≥ N_h): no sampling error. */
  census: boolean;
}

/**
 * Var(p̂) of a wave's weighted share under stratified simple random sampling without replacement,
 * with the finite-population correction: what R's survey gives for
 * `svymean(~sat, svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N_h), na.rm = TRUE)`.
 *
 * When every interview is valid this is Σ_h W_h² (1 − n_h/N_h) s_h² / n_h with W_h = N_h / N and
 * s_h² the within-stratum variance of the 0/1 satisfied indicator (n_h − 1 denominator). Answers
 * without a verdict (no opinion) make the valid answers a domain; the same linearisation then
 * gives each interview x = w_h·(y − p̂) / Σw over valid answers and 0 for the others, and the
 * variance is Σ_h (1 − f_h)·n_h/(n_h − 1)·Σ_i (x_i − x̄_h)², over all n_h interviews.
 *
 * A stratum interviewed completely (n_h = N_h) adds 0; one with more interviews than its stated
 * population is treated the same (f_h capped at 1) rather than adding a negative variance.
 * Strata without interviews are not in the sample and add nothing.
 */
export function stratifiedVariance(
  strata: readonly StratumCounts[],
  share: number,
  lonely: LonelyStratum = DEFAULT_LONELY_STRATUM,
): StratifiedVariance {
  let sumW = 0;
  for (const s of strata) if (s.interviews > 0) sumW += (s.population / s.interviews) * s.valid;
  let variance = 0;
  let census = true;
  for (const s of strata) {
    if (s.interviews <= 0) continue;
    const unsampled = Math.max(0, 1 - s.interviews / s.population);
    if (s.valid > 0 && unsampled > 0) census = false;
    if (unsampled === 0 || s.valid <= 0) continue;
    const w = s.population / s.interviews;
    const xSatisfied = (w * (1 - share)) / sumW;
    const xNotSatisfied = (w * (0 - share)) / sumW;
    const notSatisfied = s.valid - s.satisfied;
    if (s.interviews === 1) {
      if (lonely === 'adjust') variance += unsampled * (s.satisfied > 0 ? xSatisfied : xNotSatisfied) ** 2;
      continue;
    }
    const mean = (s.satisfied * xSatisfied + notSatisfied * xNotSatisfied) / s.interviews;
    const squares =
      s.satisfied * (xSatisfied - mean) ** 2 + notSatisfied * (xNotSatisfied - mean) ** 2 + (s.interviews - s.valid) * mean ** 2;
    variance += (unsampled * s.interviews * squares) / (s.interviews - 1);
  }
  return { variance, census };
}
