import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../surveys/answers-schema';
import { checkDefinition } from '../../surveys/definition-problems';
import { formFieldsToSubmission, optionField } from '../../surveys/form-fields';
import { isAsked, surveyDefinitionSchema, type SurveyDefinition } from '../../surveys/instrument-schema';
import { factorIndices, factorScores, itemRates, respondentSatisfied } from '../../surveys/scoring';

// Every question type of the designer: what the schema takes, how answers are checked and stored,
// and how each type scores.
const raw = {
  key: 'ks',
  version: 1,
  kind: 'custom',
  form: 'short',
  title: { vi: 'Khảo sát' },
  intro: { vi: 'Giới thiệu', en: 'Intro' },
  satisfactionRule: 'overall_question',
  overall: { key: 'overall', type: 'scale3', required: true, allowNoOpinion: false, text: { vi: 'Nhìn chung' } },
  factors: [
    {
      key: 'f1',
      label: { vi: 'Nhóm 1' },
      items: [
        { key: 'a5', type: 'scale5', text: { vi: 'Năm mức' } },
        { key: 'a3', type: 'scale3', text: { vi: 'Ba mức' } },
      ],
    },
    {
      key: 'f2',
      label: { vi: 'Nhóm 2' },
      items: [
        {
          key: 'pick',
          type: 'choice',
          text: { vi: 'Chọn một' },
          options: [
            { code: 1, label: { vi: 'Có' } },
            { code: 2, label: { vi: 'Không' } },
          ],
        },
        {
          key: 'many',
          type: 'multi',
          required: true,
          text: { vi: 'Chọn nhiều' },
          options: [1, 2, 3].map((code) => ({ code, label: { vi: `PA ${code}` } })),
          showIf: { question: 'pick', in: [1] },
        },
      ],
    },
  ],
  extras: [
    { key: 'say', type: 'text', maxLength: 10, text: { vi: 'Ghi ngắn' } },
    { key: 'pct', type: 'percent', text: { vi: 'Phần trăm' } },
  ],
  comment: { label: { vi: 'Góp ý' }, maxLength: 100 },
};
const def: SurveyDefinition = surveyDefinitionSchema.parse(raw);

function problemsOf(change: (d: typeof raw) => void) {
  const copy = structuredClone(raw);
  change(copy);
  const check = checkDefinition(copy);
  return check.ok ? [] : check.problems;
}

describe('the schema of a designed survey', () => {
  it('takes every type, and shows the Vietnamese where English is left out', () => {
    expect(def.title).toEqual({ vi: 'Khảo sát', en: 'Khảo sát' });
    expect(def.intro).toEqual({ vi: 'Giới thiệu', en: 'Intro' });
    expect(def.factors[1]!.items[1]!.showIf).toEqual({ question: 'pick', in: [1] });
  });

  it('refuses a show-if that looks forward, at a text, or at a code the question lacks, naming the field', () => {
    const forward = problemsOf((d) => ((d.factors[0]!.items[0] as Record<string, unknown>).showIf = { question: 'pick', in: [1] }));
    expect(forward.map((p) => p.path)).toEqual(['factors.0.items.0.showIf']);
    expect(forward[0]!.message.vi).toMatch(/không đứng trước/);
    const atText = problemsOf((d) => ((d.extras[1] as Record<string, unknown>).showIf = { question: 'say', in: [1] }));
    expect(atText[0]!.message.en).toMatch(/not codes/);
    const badCode = problemsOf((d) => ((d.factors[1]!.items[1] as Record<string, unknown>).showIf = { question: 'pick', in: [7] }));
    expect(badCode[0]!.message.en).toMatch(/code 7/);
  });

  it('refuses options on a scale, a choice without options, a repeated key, an overall question that is not a scale', () => {
    expect(
      problemsOf((d) => ((d.factors[0]!.items[0] as Record<string, unknown>).options = [{ code: 1, label: { vi: 'x' } }])).map(
        (p) => p.path,
      ),
    ).toEqual(['factors.0.items.0.options']);
    // The show-if on its options then has no code to look at either.
    expect(problemsOf((d) => ((d.factors[1]!.items[0] as Record<string, unknown>).options = [])).map((p) => p.path)).toEqual([
      'factors.1.items.0.options',
      'factors.1.items.1.showIf',
    ]);
    expect(problemsOf((d) => (d.extras[0]!.key = 'a5')).map((p) => p.path)).toEqual(['extras.0.key']);
    expect(problemsOf((d) => (d.overall.type = 'choice')).map((p) => p.path)).toContain('overall.type');
    expect(problemsOf((d) => (d.title.vi = ' ')).map((p) => [p.path, p.message.vi])).toEqual([['title.vi', 'Cần có nội dung tiếng Việt.']]);
  });
});

describe('answers of each type', () => {
  it('stores a multiple choice as sorted codes and a text cleaned, and refuses what does not fit', () => {
    const ok = validateAnswers(def, { overall: 2, a3: 3, pick: 1, many: [3, 1, 3], say: '  ghế\u0000 ' });
    expect(ok).toEqual({ ok: true, answers: { overall: 2, a3: 3, pick: 1, many: [1, 3], say: 'ghế' } });
    const bad = validateAnswers(def, { overall: 4, a3: 0, pick: 1, many: [4], say: 'quá mười ký tự rồi' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['a3', 'many', 'overall', 'say']);
  });

  it('drops the answer to a question not asked, and does not require it', () => {
    expect(validateAnswers(def, { overall: 1, pick: 2, many: [1] })).toEqual({ ok: true, answers: { overall: 1, pick: 2 } });
    const missing = validateAnswers(def, { overall: 1, pick: 1 });
    expect(missing.ok ? null : Object.keys(missing.errors)).toEqual(['many']);
    expect(isAsked(def.factors[1]!.items[1]!, { pick: 1 })).toBe(true);
    expect(isAsked({ showIf: { question: 'm', in: [2] } }, { m: [1, 2] })).toBe(true);
    expect(isAsked({ showIf: { question: 'm', in: [2] } }, { m: null })).toBe(false);
  });

  it('reads ticked boxes of a form without script into one list', () => {
    const { envelope } = formFieldsToSubmission({
      [optionField('many', 3)]: '1',
      [optionField('many', 1)]: '1',
      'q.say': 'chữ',
      'q.pick': '1',
    });
    expect(envelope.answers).toEqual({ many: [3, 1], say: 'chữ', pick: 1 });
  });
});

describe('scoring of each type', () => {
  it('counts Hài lòng and Rất hài lòng as satisfied on the 3-level scale', () => {
    expect([1, 2, 3].map((v) => respondentSatisfied(def, { overall: v }))).toEqual([false, true, true]);
    expect(respondentSatisfied(def, {})).toBeNull();
  });

  it('scores a 3-level answer as 2, 4 or 5 in a factor mean, and leaves other types out', () => {
    expect(factorScores(def, { a5: 3, a3: 3, pick: 1 })).toEqual({ f1: 4, f2: null });
    expect(factorScores(def, { a3: 1 })).toEqual({ f1: 2, f2: null });
    const mean = { ...def, satisfactionRule: 'factor_mean' as const, overall: undefined };
    expect(respondentSatisfied(mean, { a3: 2 })).toBe(true);
    expect(respondentSatisfied(mean, { a5: 3, a3: 2 })).toBe(false);
  });

  it('pools 5- and 3-level items in a factor index, each with its own satisfied levels', () => {
    const counts = { a5: { 3: 2, 4: 1, 5: 1 }, a3: { 1: 1, 2: 2, 3: 1 }, pick: { 1: 9 } };
    expect(factorIndices(def, counts)[0]).toEqual({ key: 'f1', satisfied: 5, valid: 8, index: 62.5 });
    expect(itemRates(def, counts).map((r) => [r.key, r.satisfied, r.valid])).toEqual([
      ['a5', 2, 4],
      ['a3', 3, 4],
    ]);
  });
});
