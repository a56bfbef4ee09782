import type { StratumProgress } from '../../db/waves';
import { summarize, yamaneSampleSize } from '../../surveys/statistics';
import { stratifiedRate } from '../../surveys/stratified-rate';
import { verdictOf } from '../../surveys/statistics';

/**
 * A wave's fieldwork and result: per stratum the Yamane sample size and how far it is from it,
 * then the weighted rate (never mixed with counter QR rates) beside the unweighted one.
 */
export function waveReport(strata: readonly StratumProgress[], margin: number, target: number) {
  const weighted = stratifiedRate(strata);
  const valid = strata.reduce((a, s) => a + s.valid, 0);
  const satisfied = strata.reduce((a, s) => a + s.satisfied, 0);
  return {
    strata: strata.map((s) => {
      const required = yamaneSampleSize(s.population, margin);
      return {
        unitId: s.unit_id,
        unitName: s.unit_name,
        population: s.population,
        required,
        collected: s.interviews,
        shortfall: Math.max(0, required - s.interviews),
        weight: s.interviews > 0 ? s.population / s.interviews : null,
        ...summarize({ satisfied: s.satisfied, valid: s.valid, target }),
      };
    }),
    weighted: {
      n: weighted.n,
      nEff: weighted.nEff,
      rate: weighted.rate,
      interval: weighted.interval,
      target,
      // Too few is judged on the effective sample size: weighting costs precision.
      ...verdictOf({ rate: weighted.rate, interval: weighted.interval, valid: weighted.nEff, target }),
    },
    unweighted: summarize({ satisfied, valid, target }),
  };
}
