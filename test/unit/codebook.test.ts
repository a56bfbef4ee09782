import { describe, expect, it } from 'vitest';
import { buildCodebook, exportedAnswer, MAX_STRING_BYTES, noOpinionCode, variableAsks } from '../../surveys/codebook';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import { educationSurvey, healthOutpatient, sipasCounterLong, sipasCounterShort } from '../../surveys/instruments';
import { DESIGNER_SURVEY } from '../support/designer-survey';

const SIPAS_OVERALL = 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?';
const HEALTH_OVERALL = 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ khám bệnh tại cơ sở y tế này?';

describe('the export codebook', () => {
  const codebook = buildCodebook([{ definition: sipasCounterShort }, { definition: healthOutpatient }]);
  const byName = new Map(codebook.map((v) => [v.name, v]));

  it('lists fixed variables, each question once in form order, then the free text', () => {
    const names = codebook.map((v) => v.name);
    expect(names.slice(0, 3)).toEqual(['id', 'submitted_at', 'unit_code']);
    expect(names.indexOf('sipas_access_q')).toBeLessThan(names.indexOf('sipas_feedback_q'));
    expect(names.indexOf('sipas_feedback_q')).toBeLessThan(names.indexOf('health_overall'));
    expect(names.slice(-3)).toEqual(['comment', 'dossier_code', 'flags']);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives each instrument’s question a variable of its own: one variable, one question', () => {
    // Both surveys key their overall question `overall`, in different words.
    expect(byName.has('overall')).toBe(false);
    expect(byName.get('sipas_overall')).toMatchObject({
      label: { vi: SIPAS_OVERALL },
      surveys: [{ key: 'sipas-counter-short', version: 1 }],
      question: { key: 'overall' },
    });
    expect(byName.get('health_overall')).toMatchObject({
      label: { vi: HEALTH_OVERALL },
      surveys: [{ key: 'health-outpatient', version: 1 }],
      question: { key: 'overall' },
    });
    expect(byName.get('health_a1')!.surveys).toEqual([{ key: 'health-outpatient', version: 1, title: healthOutpatient.title }]);
    expect(variableAsks(byName.get('sipas_overall')!, { key: 'health-outpatient', version: 1 })).toBe(false);
    expect(variableAsks(byName.get('sipas_overall')!, { key: 'sipas-counter-short', version: 1 })).toBe(true);
    expect(variableAsks(byName.get('unit_code')!, { key: 'health-outpatient', version: 1 })).toBe(true);
  });

  it('shares a variable only between versions that ask the question in the same words', () => {
    const all = buildCodebook(
      [sipasCounterShort, sipasCounterLong, healthOutpatient, educationSurvey].map((definition) => ({ definition })),
    );
    const named = new Map(all.map((v) => [v.name, v]));
    // The short and the long counter form share their overall question word for word.
    expect(named.get('sipas_overall')!.surveys!.map((s) => `${s.key} v${s.version}`)).toEqual([
      'sipas-counter-short v1',
      'sipas-counter v1',
    ]);
    // The long counter form and the education survey both have an `access_1`, asking different things.
    expect(named.get('sipas_access_1')!.label.vi).toBe(sipasCounterLong.factors[0]!.items[0]!.text.vi);
    expect(named.get('edu_access_1')!.label.vi).toBe(educationSurvey.factors[0]!.items[0]!.text.vi);
    // No two survey versions under one variable word it differently.
    for (const v of all.filter((x) => x.question)) {
      const defs = v.surveys!.map((s) =>
        [sipasCounterShort, sipasCounterLong, healthOutpatient, educationSurvey].find((d) => d.key === s.key)!,
      );
      const texts = defs.map(
        (d) => [d.overall, ...d.factors.flatMap((f) => f.items), ...d.extras].find((q) => q?.key === v.question!.key)!.text.vi,
      );
      expect(new Set(texts)).toEqual(new Set([v.label.vi]));
    }
  });

  it('gives a reworded question of a later version its own variable, and keeps names within SPSS’s 64 bytes', () => {
    const reworded: SurveyDefinition = {
      ...sipasCounterShort,
      version: 2,
      overall: {
        ...sipasCounterShort.overall!,
        text: { vi: 'Ông/Bà hài lòng với lần giao dịch này không?', en: 'Were you satisfied with this visit?' },
      },
    };
    const long = 'q'.repeat(70);
    const longKeyed: SurveyDefinition = {
      ...healthOutpatient,
      extras: [
        { key: long, type: 'scale5', required: false, allowNoOpinion: true, text: { vi: 'Một', en: 'One' } },
        { key: `${long}x`, type: 'scale5', required: false, allowNoOpinion: true, text: { vi: 'Hai', en: 'Two' } },
      ],
    };
    const cb = buildCodebook([{ definition: sipasCounterShort }, { definition: reworded }, { definition: longKeyed }]);
    const named = new Map(cb.map((v) => [v.name, v]));
    expect(named.get('sipas_overall')).toMatchObject({
      label: { vi: SIPAS_OVERALL },
      surveys: [{ key: 'sipas-counter-short', version: 1 }],
    });
    expect(named.get('sipas_overall_v2')).toMatchObject({
      label: { vi: 'Ông/Bà hài lòng với lần giao dịch này không?' },
      surveys: [{ key: 'sipas-counter-short', version: 2 }],
    });
    // Unchanged questions of the two versions stay one variable.
    expect(named.get('sipas_access_q')!.surveys).toHaveLength(2);
    const extras = cb.filter((v) => v.question?.key.startsWith('qqq'));
    expect(extras.map((v) => v.name)).toEqual([`health_${'q'.repeat(57)}`, `health_${'q'.repeat(55)}_2`]);
    for (const v of cb) expect(Buffer.byteLength(v.name)).toBeLessThanOrEqual(64);
  });

  it('labels the 5 levels and declares the no-opinion code as missing, outside the valid range', () => {
    const access = byName.get('sipas_access_q')!;
    expect(access.values!.map((v) => [v.code, v.label.vi])).toEqual([
      [1, 'Rất không hài lòng'],
      [2, 'Không hài lòng'],
      [3, 'Bình thường'],
      [4, 'Hài lòng'],
      [5, 'Rất hài lòng'],
    ]);
    expect(access.missing).toEqual([{ code: 9, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    // the overall question has no "no opinion"
    expect(byName.get('sipas_overall')!.missing).toBeUndefined();
    const percent = byName.get('health_expectations_met')!;
    expect(noOpinionCode(percent.question!)).toBe(999);
    expect(percent.missing).toEqual([{ code: 999, label: { vi: 'Không ý kiến', en: 'No opinion' } }]);
    expect(percent.values).toBeUndefined();
  });

  it('writes answers as values, no opinion as its code, unasked as empty', () => {
    const access = byName.get('sipas_access_q')!;
    expect(exportedAnswer(access, 4)).toBe(4);
    expect(exportedAnswer(access, null)).toBe(9);
    expect(exportedAnswer(access, undefined)).toBeNull();
  });
});

describe('the codebook of a designer survey', () => {
  const codebook = buildCodebook([{ definition: DESIGNER_SURVEY }]);
  const byName = new Map(codebook.map((v) => [v.name, v]));

  it('labels the 3 levels with their words and declares no opinion as missing 9', () => {
    expect(byName.get('ks_2026_overall')).toMatchObject({
      type: 'numeric',
      label: { vi: 'Ông/Bà có hài lòng không?' },
      values: [
        { code: 1, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
        { code: 2, label: { vi: 'Hài lòng', en: 'Satisfied' } },
        { code: 3, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
      ],
      missing: [{ code: 9, label: { vi: 'Không ý kiến' } }],
      question: { key: 'overall', type: 'scale3' },
    });
    expect(byName.get('ks_2026_staff')!.values!.map((v) => v.code)).toEqual([1, 2, 3]);
  });

  it('labels a single choice by its options, with no missing code when no opinion is not offered', () => {
    const v = byName.get('ks_2026_channel_used')!;
    expect(v.values!.map((x) => [x.code, x.label.vi])).toEqual([
      [1, 'Trực tiếp'],
      [2, 'Trực tuyến'],
      [3, 'Bưu chính'],
    ]);
    expect(v.missing).toBeUndefined();
  });

  it('gives a multiple choice one 0/1 variable per option, named by its code, in both languages', () => {
    const names = codebook.map((v) => v.name);
    expect(names.filter((n) => n.startsWith('ks_2026_problems'))).toEqual([
      'ks_2026_problems_1',
      'ks_2026_problems_2',
      'ks_2026_problems_4',
    ]);
    expect(byName.has('ks_2026_problems')).toBe(false);
    expect(byName.get('ks_2026_problems_2')).toMatchObject({
      type: 'numeric',
      label: { vi: 'Ông/Bà gặp vấn đề gì? — Thiếu hướng dẫn', en: 'What went wrong? — Poor guidance' },
      values: [
        { code: 0, label: { vi: 'Không chọn', en: 'Not ticked' } },
        { code: 1, label: { vi: 'Có chọn', en: 'Ticked' } },
      ],
      missing: [{ code: 9, label: { vi: 'Không ý kiến' } }],
      question: { key: 'problems', type: 'multi', option: 2 },
    });
    const one = byName.get('ks_2026_problems_1')!;
    const four = byName.get('ks_2026_problems_4')!;
    expect([exportedAnswer(one, [1, 4]), exportedAnswer(byName.get('ks_2026_problems_2')!, [1, 4]), exportedAnswer(four, [1, 4])]).toEqual([
      1, 0, 1,
    ]);
    expect(exportedAnswer(four, null)).toBe(9);
    // Not asked (show-if) or skipped: system missing, not "not ticked".
    expect(exportedAnswer(four, undefined)).toBeNull();
    expect(exportedAnswer(four, 'x')).toBeNull();
  });

  it('makes a short text a string variable 4 bytes per character wide, with its question', () => {
    expect(byName.get('ks_2026_suggestion')).toEqual({
      name: 'ks_2026_suggestion',
      label: { vi: 'Góp ý ngắn', en: 'Short suggestion' },
      type: 'string',
      width: 480,
      surveys: [{ key: 'ks-2026', version: 1, title: DESIGNER_SURVEY.title }],
      question: { key: 'suggestion', type: 'text', maxLength: 120 },
    });
    const v = byName.get('ks_2026_suggestion')!;
    expect(exportedAnswer(v, 'Nên mở thêm quầy')).toBe('Nên mở thêm quầy');
    expect([exportedAnswer(v, null), exportedAnswer(v, undefined), exportedAnswer(v, 3)]).toEqual([null, null, null]);
    const long = buildCodebook([{ definition: withExtras([{ ...DESIGNER_SURVEY.extras[2]!, maxLength: undefined }]) }]);
    expect(long.find((x) => x.name === 'ks_2026_suggestion')!.width).toBe(800);
    for (const x of buildCodebook([{ definition: DESIGNER_SURVEY }]).filter((x) => x.type === 'string')) {
      expect(x.width).toBeLessThanOrEqual(MAX_STRING_BYTES);
    }
  });

  it('gives a reworded later version its own _v variables, for every option of a multiple choice', () => {
    const problems = DESIGNER_SURVEY.extras[1]!;
    const v2 = {
      ...withExtras([
        DESIGNER_SURVEY.extras[0]!,
        { ...problems, text: { vi: 'Ông/Bà đã gặp vấn đề gì?', en: 'What went wrong?' } },
        DESIGNER_SURVEY.extras[2]!,
      ]),
      version: 2,
    };
    const v3 = { ...v2, version: 3, extras: [v2.extras[0]!, v2.extras[1]!, { ...v2.extras[2]!, maxLength: 300 }] };
    const book = buildCodebook([{ definition: DESIGNER_SURVEY }, { definition: v2 }, { definition: v3 }]);
    const names = book.map((v) => v.name);
    expect(names.filter((n) => n.startsWith('ks_2026_problems'))).toEqual([
      'ks_2026_problems_1',
      'ks_2026_problems_2',
      'ks_2026_problems_4',
      'ks_2026_problems_v2_1',
      'ks_2026_problems_v2_2',
      'ks_2026_problems_v2_4',
    ]);
    expect(book.find((v) => v.name === 'ks_2026_problems_v2_4')!.surveys!.map((s) => s.version)).toEqual([2, 3]);
    // A text that only grows longer stays one variable, as wide as its widest version.
    const text = book.filter((v) => v.question?.key === 'suggestion');
    expect(text.map((v) => [v.name, v.width, v.surveys!.map((s) => s.version)])).toEqual([['ks_2026_suggestion', 1200, [1, 2, 3]]]);
  });
});

function withExtras(extras: SurveyDefinition['extras']): SurveyDefinition {
  return { ...DESIGNER_SURVEY, extras };
}
