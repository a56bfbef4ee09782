import type { StratumProgress } from '../../db/waves';
import { summarize, verdictOf, yamaneSampleSize } from '../../surveys/statistics';
import { stratifiedRate } from '../../surveys/stratified-rate';

/**
 * A wave's fieldwork and result: per stratum the Yamane sample size and how far it is from it,
 * then the weighted rate (never mixed with counter QR rates) beside the unweighted one. The weighted
 * rate's interval is on the design (strata, finite-population correction); Kish's n_eff and the
 * design effective n are shown beside the valid interviews.
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
      nDesign: weighted.nDesign,
      intervalBasis: weighted.intervalBasis,
      standardError: weighted.standardError,
      rate: weighted.rate,
      interval: weighted.interval,
      target,
      // The minimum sample counts valid interviews, as the sample plan does (docs/domain.md §4);
      // what weighting costs in precision is in the interval, not in this count.
      ...verdictOf({ rate: weighted.rate, interval: weighted.interval, valid: weighted.n, target }),
    },
    unweighted: summarize({ satisfied, valid, target }),
  };
}
