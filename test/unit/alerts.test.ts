import { describe, expect, it } from 'vitest';
import { alertKinds } from '../../surveys/alerts';

describe('alerts on rolling 30-day windows', () => {
  it('raise below_target only with enough answers, and never exactly at the target', () => {
    // 40 of 50 = 80 % < 85 %
    expect(alertKinds({ current: { satisfied: 40, valid: 50 }, previous: { satisfied: 0, valid: 0 }, target: 85 })).toEqual([
      'below_target',
    ]);
    // 17 of 20 would be 85 %, but 20 answers are too few to say anything
    expect(alertKinds({ current: { satisfied: 10, valid: 20 }, previous: { satisfied: 0, valid: 0 }, target: 85 })).toEqual([]);
    // 34 of 40 = 85 % exactly: met
    expect(alertKinds({ current: { satisfied: 34, valid: 40 }, previous: { satisfied: 0, valid: 0 }, target: 85 })).toEqual([]);
  });

  it('raise dropped when the rate fell by more than 5 points with enough answers in both windows', () => {
    // 95 % (38/40) → 88 % (44/50): fell 7 points, still above 85 %
    expect(alertKinds({ current: { satisfied: 44, valid: 50 }, previous: { satisfied: 38, valid: 40 }, target: 85 })).toEqual(['dropped']);
    // 90 % (36/40) → 85 % (34/40): exactly 5 points is not more than 5
    expect(alertKinds({ current: { satisfied: 34, valid: 40 }, previous: { satisfied: 36, valid: 40 }, target: 80 })).toEqual([]);
    // previous window too small to compare
    expect(alertKinds({ current: { satisfied: 44, valid: 50 }, previous: { satisfied: 20, valid: 20 }, target: 85 })).toEqual([]);
    // both at once: 100 % (40/40) → 80 % (40/50)
    expect(alertKinds({ current: { satisfied: 40, valid: 50 }, previous: { satisfied: 40, valid: 40 }, target: 85 })).toEqual([
      'below_target',
      'dropped',
    ]);
  });
});
