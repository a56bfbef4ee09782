import { describe, expect, it } from 'vitest';
import { allQuestionsOf, surveyDefinitionSchema } from '../../surveys/instrument-schema';
import {
  DEFAULT_INSTRUMENT_FOR_SECTOR,
  INSTRUMENTS,
  educationSurvey,
  healthOutpatient,
  instrumentByKey,
  sipasCounterLong,
  sipasCounterShort,
} from '../../surveys/instruments';

describe('every instrument', () => {
  it.each(INSTRUMENTS.map((i) => [i.key, i] as const))('%s parses, is bilingual, 5-level, comment ≤ 1000', (_key, def) => {
    expect(surveyDefinitionSchema.safeParse(JSON.parse(JSON.stringify(def))).success).toBe(true);
    expect(def.comment.maxLength).toBe(1000);
    for (const f of def.factors) {
      for (const q of f.items) expect(q.type).toBe('scale5');
    }
    if (def.overall) expect(def.overall).toMatchObject({ type: 'scale5', required: true, allowNoOpinion: false });
    for (const q of allQuestionsOf(def)) {
      expect(q.text.vi).not.toBe(q.text.en);
      // Vietnamese text carries diacritics (catches an English string pasted into vi)
      expect(q.text.vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });

  it('keys are unique and found by key', () => {
    const keys = INSTRUMENTS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(['education', 'health-outpatient', 'sipas-counter', 'sipas-counter-short']);
    expect(instrumentByKey('sipas-counter')).toBe(sipasCounterLong);
    expect(instrumentByKey('nope')).toBeUndefined();
  });

  it('is frozen: an answered version must not change under anyone', () => {
    expect(Object.isFrozen(sipasCounterLong)).toBe(true);
    expect(Object.isFrozen(sipasCounterLong.factors[0]!.items[0]!.text)).toBe(true);
  });
});

describe('SIPAS counter, long form', () => {
  it('has 22 items in 5 factors (4/5/6/3/4) plus the overall question', () => {
    expect(sipasCounterLong).toMatchObject({
      key: 'sipas-counter',
      form: 'long',
      version: 1,
      kind: 'counter',
      satisfactionRule: 'overall_question',
    });
    expect(sipasCounterLong.factors.map((f) => [f.key, f.items.length])).toEqual([
      ['access', 4],
      ['procedure', 5],
      ['civil_servant', 6],
      ['result', 3],
      ['feedback', 4],
    ]);
    expect(sipasCounterLong.factors.flatMap((f) => f.items)).toHaveLength(22);
    for (const f of sipasCounterLong.factors) {
      expect(f.items.map((q) => q.key)).toEqual(f.items.map((_, i) => `${f.key}_${i + 1}`));
    }
    expect(sipasCounterLong.overall!.key).toBe('overall');
    expect(sipasCounterLong.overall!.text.vi).toBe('Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?');
  });
});

describe('SIPAS counter, short form', () => {
  it('has the same overall question and one <factor>_q item per long-form factor', () => {
    expect(sipasCounterShort).toMatchObject({
      key: 'sipas-counter-short',
      form: 'short',
      kind: 'counter',
      satisfactionRule: 'overall_question',
    });
    expect(sipasCounterShort.overall).toEqual(sipasCounterLong.overall);
    expect(sipasCounterShort.factors.map((f) => f.key)).toEqual(sipasCounterLong.factors.map((f) => f.key));
    for (const f of sipasCounterShort.factors) expect(f.items.map((q) => q.key)).toEqual([`${f.key}_q`]);
  });
});

describe('health and education', () => {
  it('health has groups A–E, overall, expectations_met (percent) and come_back (choice)', () => {
    expect(healthOutpatient.kind).toBe('health');
    expect(healthOutpatient.factors.map((f) => f.label.vi.slice(0, 2))).toEqual(['A.', 'B.', 'C.', 'D.', 'E.']);
    expect(healthOutpatient.overall?.key).toBe('overall');
    const extras = Object.fromEntries(healthOutpatient.extras.map((q) => [q.key, q]));
    expect(extras.expectations_met?.type).toBe('percent');
    expect(extras.come_back?.type).toBe('choice');
    expect(extras.come_back?.options?.map((o) => o.code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('education scores by factor mean and has no overall question', () => {
    expect(educationSurvey).toMatchObject({ kind: 'education', satisfactionRule: 'factor_mean' });
    expect(educationSurvey.overall).toBeUndefined();
    expect(educationSurvey.factors.map((f) => f.key)).toEqual([
      'access',
      'facilities',
      'environment',
      'activities',
      'development',
      'overall_satisfaction',
    ]);
  });
});

describe('DEFAULT_INSTRUMENT_FOR_SECTOR', () => {
  it('health and education get their own; others the short counter form', () => {
    expect(DEFAULT_INSTRUMENT_FOR_SECTOR('health')).toBe(healthOutpatient);
    expect(DEFAULT_INSTRUMENT_FOR_SECTOR('education')).toBe(educationSurvey);
    expect(DEFAULT_INSTRUMENT_FOR_SECTOR('land')).toBe(sipasCounterShort);
    expect(DEFAULT_INSTRUMENT_FOR_SECTOR('other')).toBe(sipasCounterShort);
  });
});

describe('surveyDefinitionSchema guards', () => {
  const minimal = {
    key: 'x',
    version: 1,
    kind: 'counter',
    form: 'short',
    title: { vi: 'Thử', en: 'Test' },
    intro: { vi: 'Thử', en: 'Test' },
    satisfactionRule: 'factor_mean',
    factors: [{ key: 'f', label: { vi: 'Nhóm', en: 'Group' }, items: [{ key: 'f_1', text: { vi: 'Câu', en: 'Item' } }] }],
    comment: { label: { vi: 'Góp ý', en: 'Comment' }, maxLength: 1000 },
  };

  it('accepts a minimal definition and fills defaults', () => {
    const d = surveyDefinitionSchema.parse(minimal);
    expect(d.extras).toEqual([]);
    expect(d.factors[0]!.items[0]).toMatchObject({ type: 'scale5', required: false, allowNoOpinion: true });
  });

  it('rejects the overall rule without an overall question, duplicate keys, and choice without options', () => {
    expect(surveyDefinitionSchema.safeParse({ ...minimal, satisfactionRule: 'overall_question' }).success).toBe(false);
    expect(surveyDefinitionSchema.safeParse({ ...minimal, extras: [{ key: 'f_1', text: { vi: 'Câu', en: 'Item' } }] }).success).toBe(false);
    expect(
      surveyDefinitionSchema.safeParse({
        ...minimal,
        factors: [minimal.factors[0], { ...minimal.factors[0], items: [{ key: 'g', text: { vi: 'a', en: 'b' } }] }],
      }).success,
    ).toBe(false);
    expect(
      surveyDefinitionSchema.safeParse({ ...minimal, extras: [{ key: 'c', type: 'choice', text: { vi: 'Chọn', en: 'Pick' } }] }).success,
    ).toBe(false);
  });
});
