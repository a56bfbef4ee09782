import { describe, expect, it } from 'vitest';
import { weightedRate, yamaneSampleSize } from '../../surveys/statistics';
import { stratifiedRate } from '../../surveys/stratified-rate';

// A wave with three strata (hand-worked):
//   A: N = 1000, 50 interviews, 40 satisfied → w = 20
//   B: N =  500, 50 interviews, 45 satisfied → w = 10
//   C: N =  200, 40 interviews, 30 satisfied → w =  5
// Σw·sat = 800 + 450 + 150 = 1400;  Σw = 1000 + 500 + 200 = 1700;  rate = 1400 / 1700 = 82.353 %
// Σw²   = 400·50 + 100·50 + 25·40 = 26000;  n_eff = 1700² / 26000 = 111.154
// Unweighted it would be 115 / 140 = 82.143 %.
// Design variance (surveys/stratified-variance.ts; W_h = N_h/1700, s_h² with n_h − 1):
//   A: (10/17)²·(1 − 50/1000)·(8/49)/50 = 76/70805     s_A² = 40·(10/50)/49 = 8/49
//   B: (5/17)² ·(1 − 50/500) ·(9/98)/50 = 81/566440    s_B² = 45·(5/50)/49  = 9/98
//   C: (2/17)² ·(1 − 40/200) ·(5/26)/40 = 1/18785      s_C² = 30·(10/40)/39 = 5/26
//   Var = 9349/7363720 = 0.00126960; design n = (14/17)(3/17)/Var = 1070160/9349 = 114.468
//   Wilson at p = 14/17 on 114.468: 74.353 % – 88.252 % (on n_eff 111.154 it was 74.221 % – 88.323 %)
// R (see test/unit/stratified-variance.test.ts for the script): svymean gives SE 0.0356315.
const strata = [
  { population: 1000, interviews: 50, valid: 50, satisfied: 40 },
  { population: 500, interviews: 50, valid: 50, satisfied: 45 },
  { population: 200, interviews: 40, valid: 40, satisfied: 30 },
];

describe('a survey wave with three strata', () => {
  it('needs the Yamane sample size per stratum at e = 5 %', () => {
    // 1000 / (1 + 1000·0.0025) = 285.7 → 286; 500 / 2.25 = 222.2 → 223; 200 / 1.5 = 133.3 → 134
    expect(strata.map((s) => yamaneSampleSize(s.population))).toEqual([286, 223, 134]);
  });

  it('is rated with weights N_h / n_h and an interval on the design effective sample size', () => {
    const r = stratifiedRate(strata);
    expect(r.rate).toBeCloseTo(82.3529, 3);
    expect(r.sumWeights).toBe(1700);
    expect(r.nEff).toBeCloseTo(111.1538, 3);
    expect(r.nDesign).toBeCloseTo(1070160 / 9349, 9);
    expect(r.standardError).toBeCloseTo(3.56315, 4);
    expect(r.n).toBe(140);
    expect(r.interval!.low).toBeCloseTo(74.35327, 4);
    expect(r.interval!.high).toBeCloseTo(88.25164, 4);
    // the rate and n_eff are the same as weighting every interview one by one
    const items = strata.flatMap((s) =>
      Array.from({ length: s.valid }, (_, i) => ({ weight: s.population / s.interviews, satisfied: i < s.satisfied })),
    );
    const oneByOne = weightedRate(items);
    expect(r.rate).toBeCloseTo(oneByOne.rate!, 9);
    expect(r.nEff).toBeCloseTo(oneByOne.nEff, 9);
  });

  it('leaves out strata without interviews, and has no rate with none at all', () => {
    expect(stratifiedRate([...strata, { population: 900, interviews: 0, valid: 0, satisfied: 0 }]).rate).toBeCloseTo(82.3529, 3);
    expect(stratifiedRate([{ population: 900, interviews: 0, valid: 0, satisfied: 0 }])).toMatchObject({ rate: null, nEff: 0 });
  });
});
