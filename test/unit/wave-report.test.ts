import { describe, expect, it } from 'vitest';
import { waveReport } from '../../server/waves/wave-report';

const stratum = (id: number, population: number, interviews: number, satisfied: number) => ({
  unit_id: id,
  unit_name: `Unit ${id}`,
  unit_path: `1.${id}`,
  population,
  interviews,
  valid: interviews,
  satisfied,
});

describe('waveReport: the weighted result of a wave', () => {
  // A: N 1000, 20 interviews (w = 50), 18 satisfied; B: N 10, 10 interviews (w = 1), 9 satisfied.
  // rate = (900 + 9)/1010 = 90 %; 30 valid interviews; Kish n_eff = 1010²/(20·2500 + 10) = 20.4.
  const strata = [stratum(1, 1000, 20, 18), stratum(2, 10, 10, 9)];

  it('counts valid interviews for the minimum sample, with n_eff and the design n beside it', () => {
    const { weighted } = waveReport(strata, 0.05, 85);
    expect(weighted.n).toBe(30);
    expect(weighted.nEff).toBeCloseTo(1020100 / 50010, 9);
    // 30 valid interviews meet the minimum of 30 though n_eff is 20.4: a verdict, not "too few".
    expect(weighted.verdict).toBe('met');
    expect(weighted.rate).toBeCloseTo(90, 12);
    // B is a census (n = N) and adds nothing; A: W = 1000/1010, s² = 18·0.1/19, 1 − f = 0.98:
    // Var = (1000/1010)²·0.98·(1.8/19)/20, design n = 0.9·0.1/Var
    const variance = (1000 / 1010) ** 2 * 0.98 * (1.8 / 19 / 20);
    expect(weighted.nDesign).toBeCloseTo(0.09 / variance, 9);
    expect(weighted.intervalBasis).toBe('design');
  });

  it('says too few below 30 valid interviews', () => {
    expect(waveReport([stratum(1, 1000, 29, 29)], 0.05, 85).weighted.verdict).toBe('too_few');
  });
});
