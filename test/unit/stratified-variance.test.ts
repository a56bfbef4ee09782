import { describe, expect, it } from 'vitest';
import { wilsonIntervalOfShare } from '../../surveys/statistics';
import { stratifiedRate } from '../../surveys/stratified-rate';
import { stratifiedVariance } from '../../surveys/stratified-variance';

// The reference wave, four strata with small numbers so every step is an exact fraction.
//   h   N_h  n_h  sat  w = N_h/n_h  W_h = N_h/N  p_h   s_h² = sat·(1 − p_h)/(n_h − 1)   1 − n_h/N_h
//   A   40   5    4    8            2/5          4/5   4·(1/5)/4 = 1/5                 7/8
//   B   20   4    2    5            1/5          1/2   2·(1/2)/3 = 1/3                 4/5
//   C   30   6    5    5            3/10         5/6   5·(1/6)/5 = 1/6                 4/5
//   D   10   5    3    2            1/10         3/5   3·(2/5)/4 = 3/10                1/2
// N = 100, n = 20.  p̂ = Σ W_h p_h = 8/25 + 1/10 + 1/4 + 3/50 = 73/100 (= Σw·sat / Σw = 73/100).
// Var(p̂) = Σ W_h² (1 − n_h/N_h) s_h² / n_h
//   A: (4/25)·(7/8)·(1/5)/5   = 7/1250   = 168/30000
//   B: (1/25)·(4/5)·(1/3)/4   = 1/375    =  80/30000
//   C: (9/100)·(4/5)·(1/6)/6  = 1/500    =  60/30000
//   D: (1/100)·(1/2)·(3/10)/5 = 3/10000  =   9/30000
//   Var = 317/30000 = 0.0105667, SE = √Var = 0.102794 → 10.2794 percentage points
// Design effective n = p̂(1 − p̂)/Var = (73/100)(27/100)/(317/30000) = 5913/317 = 18.652997
// Kish: Σw = 100, Σw² = 5·64 + 4·25 + 6·25 + 5·4 = 590, n_eff = 100²/590 = 1000/59 = 16.949153
// Wilson at p = 0.73 on n = 18.652997 (z = 1.959963984540054, z² = 3.841458820694):
//   denom = 1 + z²/n = 1.205943;  centre = (0.73 + z²/2n)/denom = 0.690722
//   half = z·√(p(1−p)/n + z²/4n²)/denom = 0.187623  →  50.30995 % – 87.83446 %
//   (on Kish's n_eff it would be 49.199 % – 88.301 %: wider, it ignores strata and fpc)
// survey's deff compares Var with SRS without replacement of the same n,
//   p̂(1 − p̂)(1 − n/N)/(n − 1) = 0.1971·0.8/19 → deff = (317/30000)/(0.15768/19) = 30115/23652 = 1.273254
//
// R cannot run on this machine; this script reproduces the figures (survey package):
//   library(survey)
//   d <- data.frame(stratum = rep(c("A", "B", "C", "D"), c(5, 4, 6, 5)),
//                   N = rep(c(40, 20, 30, 10), c(5, 4, 6, 5)),
//                   sat = c(1, 1, 1, 1, 0,  1, 1, 0, 0,  1, 1, 1, 1, 1, 0,  1, 1, 1, 0, 0))
//   d$w <- d$N / ave(d$sat, d$stratum, FUN = length)
//   options(survey.lonely.psu = "adjust")
//   des <- svydesign(ids = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = d)
//   m <- svymean(~sat, des, deff = TRUE)
//   coef(m)                          # 0.73
//   SE(m)                            # 0.1027943
//   deff(m)                          # 1.273254
//   coef(m) * (1 - coef(m)) / SE(m)^2  # 18.653  (design effective n)
const reference = [
  { population: 40, interviews: 5, valid: 5, satisfied: 4 },
  { population: 20, interviews: 4, valid: 4, satisfied: 2 },
  { population: 30, interviews: 6, valid: 6, satisfied: 5 },
  { population: 10, interviews: 5, valid: 5, satisfied: 3 },
];

describe('the interval of a wave is on its design: strata and finite-population correction', () => {
  it('gives the stratified variance Σ W_h² (1 − n_h/N_h) s_h²/n_h of the reference wave', () => {
    expect(stratifiedVariance(reference, 0.73).variance).toBeCloseTo(317 / 30000, 15);
  });

  it('rates the reference wave 73 % with Wilson on the design effective n 5913/317, beside Kish n_eff 1000/59', () => {
    const r = stratifiedRate(reference);
    expect(r.rate).toBe(73);
    expect(r.n).toBe(20);
    expect(r.nEff).toBeCloseTo(1000 / 59, 10);
    expect(r.nDesign).toBeCloseTo(5913 / 317, 10);
    expect(r.standardError).toBeCloseTo(10.27943, 4);
    expect(r.intervalBasis).toBe('design');
    expect(r.interval!.low).toBeCloseTo(50.30995, 4);
    expect(r.interval!.high).toBeCloseTo(87.83446, 4);
  });

  it('a census stratum (n_h = N_h) adds no variance', () => {
    // D interviewed completely: N 10, n 10, 3 satisfied. p̂ = 8/25 + 1/10 + 1/4 + (1/10)(3/10) = 7/10.
    // Var = 168/30000 + 80/30000 + 60/30000 + 0 = 308/30000 = 77/7500
    // (R: fpc = N = n for stratum D gives it a zero contribution.)
    const withCensus = [...reference.slice(0, 3), { population: 10, interviews: 10, valid: 10, satisfied: 3 }];
    const v = stratifiedVariance(withCensus, 0.7);
    expect(v.variance).toBeCloseTo(77 / 7500, 15);
    expect(v.census).toBe(false);
    const r = stratifiedRate(withCensus);
    expect(r.rate).toBeCloseTo(70, 12);
    expect(r.nDesign).toBeCloseTo((0.7 * 0.3) / (77 / 7500), 9); // 225/11 = 20.4545
  });

  it('a wave interviewed completely has no sampling error: the interval is the rate itself', () => {
    const census = [
      { population: 6, interviews: 6, valid: 6, satisfied: 4 },
      { population: 3, interviews: 3, valid: 3, satisfied: 1 },
    ];
    const r = stratifiedRate(census);
    // p̂ = (4 + 1)/9 = 55.56 %, Var = 0
    expect(r.intervalBasis).toBe('census');
    expect(r.standardError).toBe(0);
    expect(r.nDesign).toBeNull();
    expect(r.interval).toEqual({ low: r.rate, high: r.rate });
  });

  it('treats a stratum with more interviews than its stated population as a census, never a negative variance', () => {
    const over = [reference[0]!, { population: 3, interviews: 4, valid: 4, satisfied: 2 }];
    // Only A adds variance: W_A = 40/43 (Σw = 40 + 3), p̂ = (32 + 1.5)/43
    const p = 33.5 / 43;
    // A's linearised values: x = 8·(y − p̂)/43 over 5 interviews, 4 satisfied:
    //   Σ(x − x̄)² = (8/43)²·Σ(y − ȳ)² = (8/43)²·(4·1/5) → (7/8)·(5/4)·(64/1849)·(4/5) = 56/1849
    expect(stratifiedVariance(over, p).variance).toBeCloseTo(56 / 1849, 15);
  });

  describe('a stratum with one interview (R survey: lonely PSU)', () => {
    // A as above (N 40, n 5, 4 satisfied) and E: N 10, n 1, not satisfied.
    // N = 50, W_A = 4/5, W_E = 1/5; p̂ = (4/5)(4/5) + 0 = 16/25 = 0.64
    // A: (16/25)·(7/8)·(1/5)/5 = 14/625 = 0.0224
    // E has no s_h². 'adjust' centres its interview at p̂: (1 − 1/10)·W_E²·(0 − p̂)²
    //   = (9/10)·(1/25)·(256/625) = 1152/78125 = 0.0147456 → Var = 2902/78125 = 0.0371456
    // 'certainty' lets E add nothing: Var = 14/625.
    // R: options(survey.lonely.psu = "adjust") or "certainty", then svymean as above with
    //   d <- data.frame(stratum = c(rep("A", 5), "E"), N = c(rep(40, 5), 10), sat = c(1, 1, 1, 1, 0, 0))
    //   "adjust": SE 0.1927319; "certainty": SE 0.1496663
    const lonely = [reference[0]!, { population: 10, interviews: 1, valid: 1, satisfied: 0 }];

    it('by default (adjust) keeps its uncertainty, centred at the wave rate', () => {
      expect(stratifiedVariance(lonely, 0.64).variance).toBeCloseTo(2902 / 78125, 15);
      const r = stratifiedRate(lonely);
      expect(r.standardError).toBeCloseTo(19.27319, 4);
      expect(r.nDesign).toBeCloseTo(9000 / 1451, 9); // 0.64·0.36/(2902/78125)
    });

    it('with certainty adds nothing', () => {
      expect(stratifiedVariance(lonely, 0.64, 'certainty').variance).toBeCloseTo(14 / 625, 15);
      expect(stratifiedRate(lonely, 'certainty').standardError).toBeCloseTo(14.96663, 4);
    });

    it('a lonely interview in a stratum of one person is a census and adds nothing either way', () => {
      const one = [reference[0]!, { population: 1, interviews: 1, valid: 1, satisfied: 0 }];
      const p = 32 / 41;
      expect(stratifiedVariance(one, p, 'adjust').variance).toBe(stratifiedVariance(one, p, 'certainty').variance);
    });
  });

  it('treats valid answers as a domain when some interviews have no verdict (no opinion)', () => {
    // A: N 40, 5 interviews (w = 8), 4 valid, 3 satisfied; B: N 20, 4 interviews (w = 5), 4 valid, 2 satisfied.
    // Σw over valid = 32 + 20 = 52, p̂ = (24 + 10)/52 = 17/26.
    // x = w(y − p̂)/52 for valid answers, 0 for the no-opinion one:
    //   A: x_sat = 8(9/26)/52 = 18/338, x_not = 8(−17/26)/52 = −34/338, x_none = 0
    //      x̄ = (3·18 − 34)/(5·338) = 4/338; Σ(x − x̄)² = (3·14² + 38² + 4²)/338² = 2048/338²
    //      → (1 − 5/40)·(5/4)·2048/338² = 2240/114244
    //   B: x_sat = 5(9/26)/52 = 11.25/338, x_not = 5(−17/26)/52 = −21.25/338, x̄ = −5/338
    //      Σ(x − x̄)² = (2·16.25² + 2·16.25²)/338² = 1056.25/338²
    //      → (1 − 4/20)·(4/3)·1056.25/338² = 1126.6667/114244
    //   Var = (2240 + 3380/3)/114244 = (10100/3)/114244 = 2525/85683 = 0.0294691
    // R: the same svydesign over all nine interviews with sat = NA for the no-opinion one, then
    //   svymean(~sat, des, na.rm = TRUE): SE 0.1716656.
    const domain = [
      { population: 40, interviews: 5, valid: 4, satisfied: 3 },
      { population: 20, interviews: 4, valid: 4, satisfied: 2 },
    ];
    expect(stratifiedVariance(domain, 17 / 26).variance).toBeCloseTo(2525 / 85683, 15);
    const r = stratifiedRate(domain);
    expect(r.rate).toBeCloseTo((17 / 26) * 100, 12);
    expect(r.n).toBe(8);
  });

  describe('at p = 0 or 1 the design variance is 0 and gives no effective n', () => {
    it('the interval then stands on Kish n_eff, and ends exactly at 100 % (or 0 %)', () => {
      const all = reference.map((s) => ({ ...s, satisfied: s.valid }));
      const r = stratifiedRate(all);
      expect(r.rate).toBe(100);
      expect(r.standardError).toBe(0);
      expect(r.intervalBasis).toBe('kish');
      expect(r.nDesign).toBeNull();
      expect(r.interval!.high).toBe(100);
      expect(r.interval!.low).toBe(wilsonIntervalOfShare(1, r.nEff)!.low);
      const none = stratifiedRate(reference.map((s) => ({ ...s, satisfied: 0 })));
      expect(none.rate).toBe(0);
      expect(none.interval!.low).toBe(0);
      expect(none.interval!.high).toBe(wilsonIntervalOfShare(0, none.nEff)!.high);
    });

    it('every weighted rate lies within its interval at p = 0 and 1, whatever the strata', () => {
      const outside: string[] = [];
      for (let a = 1; a <= 40; a++) {
        for (const populationA of [a, a + 1, 3 * a + 7, 1000, 3333.3]) {
          for (const b of [1, 2, 5, 17]) {
            for (const all of [true, false]) {
              const strata = [
                { population: populationA, interviews: a, valid: a, satisfied: all ? a : 0 },
                { population: 97, interviews: b, valid: b, satisfied: all ? b : 0 },
              ];
              const r = stratifiedRate(strata);
              const ok = all ? r.rate === 100 && r.interval!.high === 100 : r.rate === 0 && r.interval!.low === 0;
              if (!ok || r.interval!.low > r.rate! || r.interval!.high < r.rate!) outside.push(JSON.stringify({ strata, r }));
            }
          }
        }
      }
      expect(outside).toEqual([]);
    });
  });
});
