import { describe, expect, it } from 'vitest';
import type { Answers } from '../../surveys/instrument-schema';
import { educationSurvey } from '../../surveys/instruments/education';
import { healthOutpatient } from '../../surveys/instruments/health-outpatient';
import { sipasCounterLong } from '../../surveys/instruments/sipas-counter-long';
import { sipasCounterShort } from '../../surveys/instruments/sipas-counter-short';
import { factorIndices, factorOf, factorScores, itemRates, respondentSatisfied, sipasIndex } from '../../surveys/scoring';

describe('factorOf', () => {
  it('finds the factor of an item, null for overall, extras and unknown keys', () => {
    expect(factorOf(sipasCounterLong, 'civil_servant_5')).toBe('civil_servant');
    expect(factorOf(sipasCounterShort, 'feedback_q')).toBe('feedback');
    expect(factorOf(sipasCounterLong, 'overall')).toBeNull();
    expect(factorOf(healthOutpatient, 'expectations_met')).toBeNull();
    expect(factorOf(sipasCounterLong, 'nope')).toBeNull();
  });
});

describe('respondentSatisfied — overall_question rule', () => {
  it('4 and 5 are satisfied, 1–3 are not', () => {
    expect(respondentSatisfied(sipasCounterShort, { overall: 5 })).toBe(true);
    expect(respondentSatisfied(sipasCounterShort, { overall: 4 })).toBe(true);
    expect(respondentSatisfied(sipasCounterShort, { overall: 3 })).toBe(false);
    expect(respondentSatisfied(sipasCounterShort, { overall: 1 })).toBe(false);
  });

  it('no opinion or no answer leaves the respondent out (null)', () => {
    expect(respondentSatisfied(sipasCounterShort, { overall: null })).toBeNull();
    expect(respondentSatisfied(sipasCounterShort, { access_q: 5 })).toBeNull();
    expect(respondentSatisfied(sipasCounterShort, { overall: 7 })).toBeNull();
  });

  it('only the overall answer counts, not the items', () => {
    expect(
      respondentSatisfied(sipasCounterShort, { overall: 2, access_q: 5, procedure_q: 5, civil_servant_q: 5, result_q: 5, feedback_q: 5 }),
    ).toBe(false);
    expect(respondentSatisfied(healthOutpatient, { overall: 4, a1: 1, expectations_met: 10, come_back: 1 })).toBe(true);
  });

  it('short and long counter forms score the same overall answer the same way', () => {
    for (const v of [1, 2, 3, 4, 5, null]) {
      expect(respondentSatisfied(sipasCounterShort, { overall: v })).toBe(respondentSatisfied(sipasCounterLong, { overall: v }));
    }
  });
});

describe('respondentSatisfied — factor_mean rule (education)', () => {
  // Factor scores: access (5+4)/2 = 4.5 (access_3 "no opinion" left out); facilities 3;
  // environment none → left out; activities (4+4+5)/3 = 4.3333; development (4+3)/2 = 3.5;
  // overall_satisfaction 5.  Mean of 5 valid scores = (4.5+3+4.3333+3.5+5)/5 = 20.3333/5 = 4.0667 ≥ 4
  const base: Answers = {
    access_1: 5,
    access_2: 4,
    access_3: null,
    facilities_1: 3,
    activities_1: 4,
    activities_2: 4,
    activities_3: 5,
    development_1: 4,
    development_2: 3,
    overall_satisfaction_1: 5,
    respondent_type: 2,
  };

  it('factor scores', () => {
    const s = factorScores(educationSurvey, base);
    expect(s.access).toBe(4.5);
    expect(s.facilities).toBe(3);
    expect(s.environment).toBeNull();
    expect(s.activities).toBeCloseTo(13 / 3, 12);
    expect(s.development).toBe(3.5);
    expect(s.overall_satisfaction).toBe(5);
  });

  it('mean of factor scores ≥ 4 → satisfied', () => {
    expect(respondentSatisfied(educationSurvey, base)).toBe(true);
  });

  it('mean < 4 → not satisfied', () => {
    // overall_satisfaction 4 instead of 5: (4.5+3+4.3333+3.5+4)/5 = 19.3333/5 = 3.8667 < 4
    expect(respondentSatisfied(educationSurvey, { ...base, overall_satisfaction_1: 4 })).toBe(false);
  });

  it('factors are averaged as factors, not items pooled', () => {
    // access 5 → 5; facilities 3,3,3 → 3. Mean of factor scores (5+3)/2 = 4 → satisfied.
    // Pooling the 4 items instead would give (5+3+3+3)/4 = 3.5 → not satisfied.
    expect(respondentSatisfied(educationSurvey, { access_1: 5, facilities_1: 3, facilities_2: 3, facilities_3: 3 })).toBe(true);
  });

  it('a mean of exactly 4 that floating point computes as 3.9999999999999996 still counts', () => {
    // access 4; facilities (4+4+5)/3 = 13/3; environment (4+4+3)/3 = 11/3.
    // Exactly: (4 + 13/3 + 11/3)/3 = 12/3 = 4. In doubles: (4 + 4.333… + 3.666…)/3 = 3.9999999999999996.
    expect(
      respondentSatisfied(educationSurvey, {
        access_1: 4,
        facilities_1: 4,
        facilities_2: 4,
        facilities_3: 5,
        environment_1: 4,
        environment_2: 4,
        environment_3: 3,
      }),
    ).toBe(true);
  });

  it('a mean of exactly 4 built from thirds counts as satisfied', () => {
    // access (4+4+3)/3 = 11/3, activities (4+4+5)/3 = 13/3; mean = (24/3)/2 = 4
    expect(
      respondentSatisfied(educationSurvey, {
        access_1: 4,
        access_2: 4,
        access_3: 3,
        activities_1: 4,
        activities_2: 4,
        activities_3: 5,
      }),
    ).toBe(true);
  });

  it('no valid factor → null (all "no opinion", nothing, or only non-scale extras)', () => {
    expect(respondentSatisfied(educationSurvey, { access_1: null, facilities_1: null })).toBeNull();
    expect(respondentSatisfied(educationSurvey, {})).toBeNull();
    expect(respondentSatisfied(educationSurvey, { respondent_type: 1 })).toBeNull();
  });
});

describe('factorIndices / itemRates / sipasIndex from counts', () => {
  // Short form counts per value:
  //   access_q        1:2 2:3 3:5 4:20 5:10 → valid 40, satisfied 30 → 75 %
  //   procedure_q     4:9 5:1               → valid 10, satisfied 10 → 100 %
  //   civil_servant_q (nothing)             → valid 0 → null
  //   result_q        3:5 4:15              → valid 20, satisfied 15 → 75 %
  //   feedback_q      2:1 5:3 (+ a stray "null" bucket of 7, not a valid answer) → 3/4 = 75 %
  //   overall         is not a factor item and must not leak into any factor
  // SIPAS index = mean of the 4 non-null indices = (75 + 100 + 75 + 75)/4 = 81.25
  const counts = {
    overall: { 5: 100 },
    access_q: { 1: 2, 2: 3, 3: 5, 4: 20, 5: 10 },
    procedure_q: { 4: 9, 5: 1 },
    result_q: { 3: 5, 4: 15 },
    feedback_q: { null: 7, 2: 1, 5: 3 },
  };

  it('factor indices of the short form', () => {
    expect(factorIndices(sipasCounterShort, counts)).toEqual([
      { key: 'access', satisfied: 30, valid: 40, index: 75 },
      { key: 'procedure', satisfied: 10, valid: 10, index: 100 },
      { key: 'civil_servant', satisfied: 0, valid: 0, index: null },
      { key: 'result', satisfied: 15, valid: 20, index: 75 },
      { key: 'feedback', satisfied: 3, valid: 4, index: 75 },
    ]);
  });

  it('SIPAS index is the mean of the non-null factor indices', () => {
    expect(sipasIndex(factorIndices(sipasCounterShort, counts))).toBe(81.25);
    expect(sipasIndex([{ index: null }])).toBeNull();
    expect(sipasIndex([])).toBeNull();
  });

  it('a factor index pools item answers (long form)', () => {
    // access_1: 4:8 2:2 → 8/10 = 80 %;  access_2: 5:1 3:29 → 1/30 = 3.333 %
    // access factor = (8 + 1)/(10 + 30) = 9/40 = 22.5 %   (the mean of item rates would be 41.67 %)
    const long = { access_1: { 4: 8, 2: 2 }, access_2: { 5: 1, 3: 29 } };
    const access = factorIndices(sipasCounterLong, long).find((f) => f.key === 'access');
    expect(access).toEqual({ key: 'access', satisfied: 9, valid: 40, index: 22.5 });

    const items = itemRates(sipasCounterLong, long);
    expect(items).toHaveLength(22);
    expect(items.find((i) => i.key === 'access_1')).toEqual({ key: 'access_1', factor: 'access', satisfied: 8, valid: 10, rate: 80 });
    expect(items.find((i) => i.key === 'access_2')!.rate).toBeCloseTo(100 / 30, 10);
    expect(items.find((i) => i.key === 'result_3')).toEqual({ key: 'result_3', factor: 'result', satisfied: 0, valid: 0, rate: null });
  });

  it('non-scale extras are not items and do not enter factor indices', () => {
    const health = factorIndices(healthOutpatient, { expectations_met: { 80: 10 }, a1: { 4: 1, 3: 1 } });
    expect(health.map((f) => f.key)).toEqual(['access', 'transparency', 'facilities', 'staff', 'results']);
    expect(health[0]).toEqual({ key: 'access', satisfied: 1, valid: 2, index: 50 });
    expect(itemRates(healthOutpatient, {}).some((i) => i.key === 'expectations_met')).toBe(false);
  });
});
