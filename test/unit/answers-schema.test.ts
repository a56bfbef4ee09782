import { describe, expect, it } from 'vitest';
import { buildSubmissionSchema, normalizeComment, validateAnswers, validateSubmission } from '../../surveys/answers-schema';
import { educationSurvey } from '../../surveys/instruments/education';
import { healthOutpatient } from '../../surveys/instruments/health-outpatient';
import { sipasCounterShort } from '../../surveys/instruments/sipas-counter-short';

function errorsOf(r: ReturnType<typeof validateAnswers>) {
  if (r.ok) throw new Error('expected errors, got ok');
  return r.errors;
}

describe('validateAnswers', () => {
  it('accepts a proper answer set, keeping null as "no opinion"', () => {
    const r = validateAnswers(sipasCounterShort, { overall: 5, access_q: null, procedure_q: 4 });
    expect(r).toEqual({ ok: true, answers: { overall: 5, access_q: null, procedure_q: 4 } });
  });

  it('treats an explicit undefined as unanswered', () => {
    expect(validateAnswers(sipasCounterShort, { overall: 4, access_q: undefined })).toEqual({ ok: true, answers: { overall: 4 } });
  });

  it('rejects unknown question keys', () => {
    const e = errorsOf(validateAnswers(sipasCounterShort, { overall: 4, access_1: 5, __proto_x: 1 }));
    expect(Object.keys(e).sort()).toEqual(['__proto_x', 'access_1']);
  });

  it('rejects scale values that are not integers 1..5', () => {
    for (const bad of [0, 6, 4.5, -1, '4', Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      const e = errorsOf(validateAnswers(sipasCounterShort, { overall: 4, access_q: bad }));
      expect(Object.keys(e)).toEqual(['access_q']);
      expect(e.access_q!.vi).toContain('1');
      expect(e.access_q!.en).toContain('5');
    }
  });

  it('percent takes whole numbers 0..100', () => {
    for (const good of [0, 37, 100]) {
      expect(validateAnswers(healthOutpatient, { overall: 4, expectations_met: good }).ok).toBe(true);
    }
    for (const bad of [-1, 101, 50.5, '80']) {
      const e = errorsOf(validateAnswers(healthOutpatient, { overall: 4, expectations_met: bad }));
      expect(e.expectations_met!.en).toMatch(/0 to 100/);
    }
  });

  it('choice takes one of the option codes', () => {
    expect(validateAnswers(healthOutpatient, { overall: 4, come_back: 5 }).ok).toBe(true);
    for (const bad of [0, 6, 2.5]) {
      const e = errorsOf(validateAnswers(healthOutpatient, { overall: 4, come_back: bad }));
      // the message lists the choices so the person can pick one
      expect(e.come_back!.vi).toContain('Chắc chắn sẽ quay lại');
      expect(e.come_back!.en).toContain('Certainly not');
    }
  });

  it('rejects "no opinion" where the question does not allow it', () => {
    const e = errorsOf(validateAnswers(sipasCounterShort, { overall: null }));
    expect(e.overall!.vi).toContain('Không ý kiến');
    const edu = errorsOf(validateAnswers(educationSurvey, { respondent_type: null }));
    expect(Object.keys(edu)).toEqual(['respondent_type']);
  });

  it('reports missing required questions', () => {
    const e = errorsOf(validateAnswers(sipasCounterShort, { access_q: 4 }));
    expect(e).toEqual({ overall: { vi: 'Xin trả lời câu hỏi này.', en: 'Please answer this question.' } });
    // education has no required question: an empty set is valid (the scorer leaves it out)
    expect(validateAnswers(educationSurvey, {})).toEqual({ ok: true, answers: {} });
  });

  it('reports every problem at once', () => {
    const e = errorsOf(validateAnswers(healthOutpatient, { a1: 9, come_back: 7, zz: 1 }));
    expect(Object.keys(e).sort()).toEqual(['a1', 'come_back', 'overall', 'zz']);
  });

  it('rejects things that are not an answers object', () => {
    for (const raw of [null, undefined, [], 'overall=5', 5, new Date()]) {
      expect(Object.keys(errorsOf(validateAnswers(sipasCounterShort, raw)))).toEqual(['_form']);
    }
  });

  it('gives different Vietnamese and English messages, both non-empty', () => {
    const e = errorsOf(validateAnswers(healthOutpatient, { a1: 9, come_back: 7, zz: 1, expectations_met: 200 }));
    for (const m of Object.values(e)) {
      expect(m.vi.length).toBeGreaterThan(5);
      expect(m.en.length).toBeGreaterThan(5);
      expect(m.vi).not.toBe(m.en);
    }
  });
});

describe('normalizeComment', () => {
  it('NFC-normalises Vietnamese typed with combining marks', () => {
    const decomposed = 'Ho\u0300a'; // "Hòa" as o + combining grave
    expect(decomposed).not.toBe('Hòa');
    expect(normalizeComment(decomposed, 1000)).toBe('Hòa');
    expect(normalizeComment('Tiê\u0301ng Viê\u0323t', 1000)).toBe('Tiếng Việt');
  });

  it('strips control characters except newline and tab, and trims', () => {
    expect(normalizeComment('  a\u0000b\u0007c\r\nd\te\u001b[31m  \n', 1000)).toBe('abc\nd\te[31m');
    expect(normalizeComment('\u0085x\u007f', 1000)).toBe('x');
  });

  it('keeps emoji and cuts to maxLength without splitting a surrogate pair', () => {
    expect(normalizeComment('Tốt 😄', 1000)).toBe('Tốt 😄');
    // 'ab😄' is 4 UTF-16 units; a cut at 3 would leave half the emoji, so it drops it
    expect(normalizeComment('ab😄', 3)).toBe('ab');
    expect(normalizeComment('abcdef', 4)).toBe('abcd');
    expect(normalizeComment('x'.repeat(1500), 1000)).toHaveLength(1000);
  });

  it('replaces lone surrogates', () => {
    expect(normalizeComment('a\ud800b', 1000)).toBe('a\ufffdb');
  });
});

describe('submission schema', () => {
  it('parses a full submission, normalising comment and dossier code', () => {
    const r = buildSubmissionSchema(sipasCounterShort).parse({
      answers: { overall: 4 },
      comment: '  Cán bộ nhiệt tình\r\n ',
      sector: 'land',
      dossierCode: ' 000.00.17.h31-230101-0001 ',
    });
    expect(r).toEqual({
      answers: { overall: 4 },
      comment: 'Cán bộ nhiệt tình',
      sector: 'land',
      dossierCode: '000.00.17.H31-230101-0001',
    });
  });

  it('refuses a comment over the survey’s limit, counted after cleaning, instead of cutting it', () => {
    const max = sipasCounterShort.comment.maxLength;
    const over = validateSubmission(sipasCounterShort, { answers: { overall: 4 }, comment: 'x'.repeat(20_000) });
    expect(over).toEqual({
      ok: false,
      errors: {
        _comment: {
          vi: `Góp ý dài 20000 ký tự, quá giới hạn ${max} ký tự. Xin rút gọn rồi gửi lại.`,
          en: `The comment is 20000 characters long, over the limit of ${max}. Please shorten it and send again.`,
        },
      },
    });
    // At the limit after cleaning (CR LF counts once, surrounding spaces go): taken whole.
    const atLimit = `  ${'a\r\n'.repeat(max / 2 - 1)}ab  `;
    const ok = validateSubmission(sipasCounterShort, { answers: { overall: 4 }, comment: atLimit });
    expect(ok.ok && ok.submission.comment).toHaveLength(max);
    expect(validateSubmission(sipasCounterShort, { answers: { overall: 4 }, comment: 'x'.repeat(max + 1) }).ok).toBe(false);
  });

  it('an empty comment or dossier code becomes absent', () => {
    const r = buildSubmissionSchema(sipasCounterShort).parse({ answers: { overall: 4 }, comment: ' \n ', dossierCode: '' });
    expect(r.comment).toBeUndefined();
    expect(r.dossierCode).toBeUndefined();
  });

  it('maps every problem to a localised message keyed by question or _field', () => {
    const r = validateSubmission(sipasCounterShort, {
      answers: { overall: null, access_q: 9 },
      // Not shaped like a sector code (a code of the tenant's own is checked against the counter's sectors on the server).
      sector: 'Nông nghiệp',
      dossierCode: '000.00.17.H31-231301-0001', // month 13
      comment: 42,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['_comment', '_dossier_code', '_sector', 'access_q', 'overall']);
    expect(r.errors._sector!.vi).toContain('Lĩnh vực');
    expect(r.errors.overall!.en).toContain('No opinion');
  });

  it('a body that is not an object is a form error', () => {
    const r = validateSubmission(sipasCounterShort, 'nonsense');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['_form']);
  });

  it('missing answers object is a form error', () => {
    const r = validateSubmission(sipasCounterShort, { comment: 'hi' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['_form']);
  });
});

describe('hostile keys and text', () => {
  it('reports a "__proto__" answer key as unknown instead of assigning a prototype', async () => {
    const { validateAnswers } = await import('../../surveys/answers-schema');
    const { sipasCounterShort } = await import('../../surveys/instruments');
    const raw = JSON.parse('{"overall": 4, "__proto__": {"polluted": 1}}') as unknown;
    const result = validateAnswers(sipasCounterShort, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('removes bidirectional override characters from comments', async () => {
    const { normalizeComment } = await import('../../surveys/answers-schema');
    expect(normalizeComment('abc\u202edef\u2066g', 100)).toBe('abcdefg');
  });
});
