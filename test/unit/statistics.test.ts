import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_SAMPLE,
  rate,
  sampleShortfall,
  summarize,
  verdictOf,
  weightedRate,
  wilsonInterval,
  yamaneSampleSize,
} from '../../surveys/statistics';

// Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
describe('wilsonInterval', () => {
  it('45 of 50 with z = 1.96', () => {
    // p = 0.9, z² = 3.8416, denom = 1 + 3.8416/50 = 1.076832
    // centre = (0.9 + 3.8416/100) / 1.076832 = 0.938416 / 1.076832 = 0.871460
    // half = 1.96 · √(0.09/50 + 3.8416/10000) / 1.076832 = 1.96 · √0.00218416 / 1.076832
    //      = 1.96 · 0.0467350 / 1.076832 = 0.0916006 / 1.076832 = 0.0850649
    // low = 0.786395 → 78.640 %, high = 0.956525 → 95.652 %
    const ci = wilsonInterval(45, 50, 1.96);
    expect(ci).not.toBeNull();
    expect(ci!.low).toBeCloseTo(78.64, 3);
    expect(ci!.high).toBeCloseTo(95.652, 3);
  });

  it('uses the exact 95% z by default (differs from 1.96 only in the 5th decimal)', () => {
    const ci = wilsonInterval(45, 50)!;
    expect(ci.low).toBeCloseTo(78.64, 3);
    expect(ci.high).toBeCloseTo(95.652, 3);
  });

  it('0 of 0 has no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, -3)).toBeNull();
  });

  it('n = 1', () => {
    // 1 of 1: denom = 1 + 3.8416 = 4.8416; centre = (1 + 1.9208)/4.8416; half = 1.96·√(3.8416/4)/4.8416 = 1.9208/4.8416
    // low = (2.9208 − 1.9208)/4.8416 = 1/4.8416 = 0.206543 → 20.654 %, high = 4.8416/4.8416 = 100 %
    const one = wilsonInterval(1, 1, 1.96)!;
    expect(one.low).toBeCloseTo(20.654, 3);
    expect(one.high).toBe(100);
    // 0 of 1 mirrors it: low 0, high = 3.8416/4.8416 = 0.793457 → 79.346 %
    const zero = wilsonInterval(0, 1, 1.96)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(79.346, 3);
  });

  it('all successes: high is exactly 100, low = n/(n + z²)', () => {
    // 30 of 30: low = 30 / (30 + 3.8416) = 30 / 33.8416 = 0.886483 → 88.648 %
    const ci = wilsonInterval(30, 30, 1.96)!;
    expect(ci.high).toBe(100);
    expect(ci.low).toBeCloseTo(88.648, 3);
  });

  it('no successes: low is exactly 0, never a hair below', () => {
    // 0 of 30: high = z²/(n + z²) = 3.8416/33.8416 = 0.113517 → 11.352 %
    const ci = wilsonInterval(0, 30, 1.96)!;
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(11.352, 3);
  });

  it('every rate lies within its own interval, n = 1…200, x = 0…n; the ends are exactly 0 and 100', () => {
    // Wilson's bounds at x = 0 and x = n are 0 and 1 in theory; the formula drifts an ulp inside
    // (10 of 10 gave a high of 99.99999999999999, 0 of 3 a low of 5.6e-15: the rate outside its interval).
    const outside: string[] = [];
    for (let n = 1; n <= 200; n++) {
      for (let x = 0; x <= n; x++) {
        const r = rate(x, n)!;
        const ci = wilsonInterval(x, n)!;
        if (!(ci.low <= r && r <= ci.high)) outside.push(`${x}/${n}: ${r} not in [${ci.low}, ${ci.high}]`);
        if (x === 0 && ci.low !== 0) outside.push(`0/${n}: low ${ci.low}`);
        if (x === n && ci.high !== 100) outside.push(`${n}/${n}: high ${ci.high}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('accepts a fractional n (effective sample size)', () => {
    const ci = wilsonInterval(0.9 * 12.5, 12.5);
    expect(ci).not.toBeNull();
    expect(ci!.low).toBeLessThan(90);
    expect(ci!.high).toBeGreaterThan(90);
  });
});

describe('rate', () => {
  it('is a percent without float error', () => {
    // 17/20 = 0.85, and 0.85·100 in floating point is not 85; 17·100/20 = 1700/20 = 85 exactly.
    expect(rate(17, 20)).toBe(85);
    // (57/100)·100 = 56.99999999999999 in floating point; 5700/100 = 57.
    expect(rate(57, 100)).toBe(57);
    expect(rate(1, 3)).toBeCloseTo(33.333333, 5);
  });

  it('is null with no valid answers', () => {
    expect(rate(0, 0)).toBeNull();
  });
});

describe('verdictOf / summarize', () => {
  it('a rate exactly at the target is met (17 of 20 = 85 % vs 85)', () => {
    const s = summarize({ satisfied: 17, valid: 20, target: 85, minSample: 20 });
    expect(s.rate).toBe(85);
    expect(s.verdict).toBe('met');
    // interval low < 85 (the rate is the centre-ish), so it cannot be confident
    expect(s.confidence).toBe('not_conclusive');
  });

  it('85 of 100 vs target 85 is met with the default minimum sample', () => {
    // Wilson (z = 1.96): low 76.716 %, high 90.694 %
    const s = summarize({ satisfied: 85, valid: 100, target: 85 });
    expect(s).toMatchObject({ n: 100, satisfied: 85, rate: 85, target: 85, verdict: 'met', confidence: 'not_conclusive' });
    expect(s.interval!.low).toBeCloseTo(76.716, 2);
    expect(s.interval!.high).toBeCloseTo(90.694, 2);
  });

  it('float noise just under the target still counts as met', () => {
    const v = verdictOf({ rate: 84.99999999999999, interval: { low: 80, high: 89 }, valid: 100, target: 85 });
    expect(v.verdict).toBe('met');
    const under = verdictOf({ rate: 84.9, interval: { low: 80, high: 89 }, valid: 100, target: 85 });
    expect(under.verdict).toBe('not_met');
  });

  it('no answers at all, or only "no opinion" (valid 0): too few, no rate', () => {
    const s = summarize({ satisfied: 0, valid: 0, target: 90 });
    expect(s).toEqual({ n: 0, satisfied: 0, rate: null, interval: null, target: 90, verdict: 'too_few', confidence: null });
  });

  it('below 30 valid answers says too few; at 30 gives a verdict', () => {
    expect(DEFAULT_MIN_SAMPLE).toBe(30);
    // 29 of 29 satisfied is 100 %, but still too few to judge
    expect(summarize({ satisfied: 29, valid: 29, target: 90 })).toMatchObject({ rate: 100, verdict: 'too_few', confidence: null });
    // 30 of 30: low = 88.648 % < 90 → met but not conclusive
    expect(summarize({ satisfied: 30, valid: 30, target: 90 })).toMatchObject({ verdict: 'met', confidence: 'not_conclusive' });
    // a custom minimum
    expect(summarize({ satisfied: 5, valid: 10, target: 90, minSample: 5 }).verdict).toBe('not_met');
  });

  it('met and confident: 45 of 50 vs 75 (low 78.640 ≥ 75)', () => {
    expect(summarize({ satisfied: 45, valid: 50, target: 75 })).toMatchObject({ rate: 90, verdict: 'met', confidence: 'confident' });
  });

  it('met but not conclusive: 45 of 50 vs 85 (90 ≥ 85, low 78.640 < 85)', () => {
    expect(summarize({ satisfied: 45, valid: 50, target: 85 })).toMatchObject({ verdict: 'met', confidence: 'not_conclusive' });
  });

  it('not met and confident: 30 of 50 vs 85', () => {
    // p = 0.6: denom 1.076832, centre (0.6 + 0.038416)/1.076832 = 0.592865,
    // half 1.96·√(0.24/50 + 0.00038416)/1.076832 = 1.96·√0.00518416/1.076832 = 0.131053
    // high = 0.723918 → 72.392 % < 85
    const s = summarize({ satisfied: 30, valid: 50, target: 85 });
    expect(s.interval!.high).toBeCloseTo(72.392, 2);
    expect(s).toMatchObject({ rate: 60, verdict: 'not_met', confidence: 'confident' });
  });

  it('not met, not conclusive: 40 of 50 vs 85 (high 88.756 ≥ 85)', () => {
    const s = summarize({ satisfied: 40, valid: 50, target: 85 });
    expect(s.interval!.high).toBeCloseTo(88.756, 2);
    expect(s).toMatchObject({ rate: 80, verdict: 'not_met', confidence: 'not_conclusive' });
  });

  it('interval edge exactly at target counts as confident for met, not for not met', () => {
    expect(verdictOf({ rate: 95, interval: { low: 90, high: 99 }, valid: 100, target: 90 }).confidence).toBe('confident');
    expect(verdictOf({ rate: 85, interval: { low: 80, high: 90 }, valid: 100, target: 90 }).confidence).toBe('not_conclusive');
  });
});

describe('weightedRate', () => {
  // Three strata of a wave, w = N_h / n_h:
  //   A: N 1000 transactions, n 50 answers, 45 satisfied → w = 20
  //   B: N  300,              n 30,          24 satisfied → w = 10
  //   C: N  200,              n 40,          20 satisfied → w = 5
  // Σw    = 50·20 + 30·10 + 40·5 = 1000 + 300 + 200 = 1500 (= ΣN, as it must)
  // Σw·s  = 45·20 + 24·10 + 20·5 = 900 + 240 + 100 = 1240  → rate = 1240/1500 = 82.6667 %
  // Σw²   = 50·400 + 30·100 + 40·25 = 20000 + 3000 + 1000 = 24000
  // n_eff = 1500² / 24000 = 2 250 000 / 24000 = 93.75
  // (unweighted it would be 89/120 = 74.17 %: the weights matter)
  // Wilson with p = 0.826667, n = 93.75, z = 1.96: denom = 1 + 3.8416/93.75 = 1.040977
  //   centre = (0.826667 + 3.8416/187.5)/1.040977 = 0.847155/1.040977 = 0.813808
  //   half = 1.96·√(0.826667·0.173333/93.75 + 3.8416/35156.25)/1.040977
  //        = 1.96·√(0.00152841 + 0.00010927)/1.040977 = 1.96·0.0404683/1.040977 = 0.0761957
  //   low 73.761 %, high 89.000 %
  const stratum = (w: number, n: number, sat: number) => Array.from({ length: n }, (_, i) => ({ weight: w, satisfied: i < sat }));
  const items = [...stratum(1000 / 50, 50, 45), ...stratum(300 / 30, 30, 24), ...stratum(200 / 40, 40, 20)];

  it('three strata', () => {
    const r = weightedRate(items);
    expect(r.sumWeights).toBe(1500);
    expect(r.rate).toBeCloseTo(82.6667, 4);
    expect(r.nEff).toBeCloseTo(93.75, 10);
    expect(r.n).toBe(120);
    expect(r.interval!.low).toBeCloseTo(73.761, 2);
    expect(r.interval!.high).toBeCloseTo(89.0, 2);
  });

  it('equal weights reduce to the plain rate with n_eff = n', () => {
    const r = weightedRate(stratum(3, 20, 17));
    expect(r.rate).toBe(85);
    expect(r.nEff).toBeCloseTo(20, 10);
    expect(r.interval!.low).toBeCloseTo(wilsonInterval(17, 20)!.low, 10);
  });

  it('zero weights contribute nothing', () => {
    // Σw = 2 + 2 = 4, Σw·s = 2 → 50 %; Σw² = 8 → n_eff = 16/8 = 2; the weight-0 satisfied answer is ignored
    const r = weightedRate([
      { weight: 0, satisfied: true },
      { weight: 2, satisfied: false },
      { weight: 2, satisfied: true },
    ]);
    expect(r).toMatchObject({ rate: 50, sumWeights: 4, nEff: 2, n: 2 });
  });

  it('all-zero weights (or no items) give no rate', () => {
    const none = { rate: null, sumWeights: 0, nEff: 0, n: 0, interval: null };
    expect(weightedRate([{ weight: 0, satisfied: true }])).toEqual(none);
    expect(weightedRate([])).toEqual(none);
  });

  it('at p = 0 and 1 the interval ends exactly at 0 and 100, whatever the weights', () => {
    const outside: string[] = [];
    for (let a = 1; a <= 60; a++) {
      for (const w of [1, 1.5, 7, 20, 333.3]) {
        for (const all of [true, false]) {
          const r = weightedRate([...stratum(w, a, all ? a : 0), ...stratum(3, 7, all ? 7 : 0)]);
          const ok = all ? r.rate === 100 && r.interval!.high === 100 : r.rate === 0 && r.interval!.low === 0;
          if (!ok || r.interval!.low > r.rate! || r.interval!.high < r.rate!) outside.push(`${a}×${w} ${all}: ${JSON.stringify(r)}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('rejects negative or non-finite weights', () => {
    expect(() => weightedRate([{ weight: -1, satisfied: true }])).toThrow(RangeError);
    expect(() => weightedRate([{ weight: Number.NaN, satisfied: true }])).toThrow(RangeError);
  });
});

describe('yamaneSampleSize', () => {
  it('matches hand-worked values', () => {
    // 1000 / (1 + 1000·0.0025) = 1000 / 3.5 = 285.71 → 286
    expect(yamaneSampleSize(1000)).toBe(286);
    // 100 / (1 + 0.25) = 80 exactly: an exact quotient must not be rounded up to 81
    expect(yamaneSampleSize(100)).toBe(80);
    // 400 / (1 + 1) = 200 exactly
    expect(yamaneSampleSize(400)).toBe(200);
    // 10000 / 26 = 384.6 → 385
    expect(yamaneSampleSize(10000)).toBe(385);
    // e = 10 %: 500 / (1 + 5) = 83.3 → 84
    expect(yamaneSampleSize(500, 0.1)).toBe(84);
    expect(yamaneSampleSize(0)).toBe(0);
    // a unit with 1 transaction needs 1 answer: 1/1.0025 = 0.9975 → 1
    expect(yamaneSampleSize(1)).toBe(1);
  });

  it('shortfall', () => {
    expect(sampleShortfall(286, 200)).toBe(86);
    expect(sampleShortfall(80, 95)).toBe(0);
  });
});
