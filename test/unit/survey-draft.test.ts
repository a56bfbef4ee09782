import { describe, expect, it } from 'vitest';
import { draftFromDefinition, draftToDefinition } from '../../client/surveys/draft-json';
import type { Draft } from '../../client/surveys/draft-model';
import {
  describePath,
  fieldIdOf,
  pathAndParents,
  problemsOfBody,
  problemsOfCard,
  QUESTION_FIELDS,
} from '../../client/surveys/draft-problems';
import { suggestKey, withoutMarks } from '../../client/surveys/question-key';
import { showIfCandidates, showIfWarning } from '../../client/surveys/show-if-candidates';
import {
  addFactor,
  addQuestion,
  moveFactor,
  moveQuestion,
  moveQuestionTo,
  moveWithin,
  placeOf,
  questionKeys,
  removeQuestion,
  setRule,
  updateQuestion,
} from '../../client/surveys/survey-draft';
import { surveyDefinitionSchema } from '../../surveys/instrument-schema';
import { sipasCounterShort } from '../../surveys/instruments';

const SAVED = {
  key: 'tiep-dan',
  version: 1,
  kind: 'custom',
  form: 'short',
  title: { vi: 'Phiếu tiếp dân', en: 'Citizen reception' },
  intro: { vi: 'Xin ý kiến', en: 'Your view' },
  satisfactionRule: 'factor_mean',
  factors: [
    {
      key: 'thai_do',
      label: { vi: 'Thái độ', en: 'Attitude' },
      items: [
        { key: 'lich_su', type: 'scale5', text: { vi: 'Cán bộ lịch sự' }, required: true, allowNoOpinion: false },
        {
          key: 'kenh',
          type: 'choice',
          text: { vi: 'Kênh' },
          options: [
            { code: 1, label: { vi: 'Trực tiếp' } },
            { code: 2, label: { vi: 'Mạng' } },
          ],
        },
      ],
    },
  ],
  extras: [{ key: 'vi_sao', type: 'text', text: { vi: 'Vì sao?' }, maxLength: 120, showIf: { question: 'lich_su', in: [1, 2] } }],
  comment: { label: { vi: 'Góp ý', en: 'Comment' }, maxLength: 1000 },
};

const draft = (): Draft => draftFromDefinition(structuredClone(SAVED));
const idOf = (d: Draft, key: string) => [...d.factors.flatMap((f) => f.items), ...d.extras].find((q) => q.key === key)!.id;

describe('a saved definition read into the designer and written back', () => {
  it('round-trips a definition: the server would parse the same survey', () => {
    const back = draftToDefinition(draft());
    expect(surveyDefinitionSchema.parse(back)).toEqual(surveyDefinitionSchema.parse(SAVED));
  });

  it('round-trips a built-in instrument (English repeated as Vietnamese is read as no translation)', () => {
    const back = draftToDefinition(draftFromDefinition(JSON.parse(JSON.stringify(sipasCounterShort))));
    expect(surveyDefinitionSchema.parse(back)).toEqual(sipasCounterShort);
  });

  it('reads an incomplete draft without throwing and keeps the fields it does not edit', () => {
    const d = draftFromDefinition({ key: 'x', version: 3, factors: [{ items: [{ type: 'weird' }] }], respondent: { vi: 'Người dân' } });
    expect(d.factors[0]!.items[0]!.type).toBe('scale5');
    expect(d.title).toEqual({ vi: '', en: '' });
    expect(draftToDefinition(d)).toMatchObject({ key: 'x', version: 3, respondent: { vi: 'Người dân' } });
  });

  it('sends options only for choices and a length only for short texts', () => {
    let d = draft();
    d = updateQuestion(d, idOf(d, 'kenh'), { type: 'scale3' });
    d = updateQuestion(d, idOf(d, 'vi_sao'), { type: 'percent' });
    const def = draftToDefinition(d) as { factors: { items: Record<string, unknown>[] }[]; extras: Record<string, unknown>[] };
    expect(def.factors[0]!.items[1]).not.toHaveProperty('options');
    expect(def.extras[0]).not.toHaveProperty('maxLength');
  });
});

describe('question keys suggested from the text', () => {
  it('strips Vietnamese marks, including đ', () => {
    expect(withoutMarks('Đánh giá thái độ phục vụ')).toBe('Danh gia thai do phuc vu');
  });

  it('uses the English when there is some, else the Vietnamese, first four words', () => {
    expect(suggestKey({ vi: 'Cán bộ có lịch sự không?', en: '' }, new Set())).toBe('can_bo_co_lich');
    expect(suggestKey({ vi: 'Cán bộ lịch sự', en: 'Polite staff' }, new Set())).toBe('polite_staff');
  });

  it('numbers a key that is taken, and numbers "q" when there is no text', () => {
    expect(suggestKey({ vi: 'Thời gian', en: '' }, new Set(['thoi_gian', 'thoi_gian_2']))).toBe('thoi_gian_3');
    expect(suggestKey({ vi: '', en: '' }, new Set(['q1']))).toBe('q2');
    expect(suggestKey({ vi: '3 ngày', en: '' }, new Set())).toBe('q_3_ngay');
  });

  it('a new question follows its text until a key is typed; a saved key never moves', () => {
    let d = draft();
    const added = addQuestion(d, 'extras');
    d = updateQuestion(added.draft, added.id, { text: { vi: 'Thời gian chờ', en: '' } });
    expect(questionKeys(d)).toContain('thoi_gian_cho');
    d = updateQuestion(d, added.id, { key: 'cho' });
    d = updateQuestion(d, added.id, { text: { vi: 'Thời gian chờ đợi', en: '' } });
    expect(questionKeys(d)).toContain('cho');
    d = updateQuestion(d, idOf(d, 'lich_su'), { text: { vi: 'Khác hẳn', en: '' } });
    expect(questionKeys(d)).toContain('lich_su');
  });

  it('renaming a key carries the show-ifs that named it', () => {
    let d = draft();
    d = updateQuestion(d, idOf(d, 'lich_su'), { key: 'polite' });
    expect(d.extras[0]!.showIf).toEqual({ question: 'polite', in: [1, 2] });
  });
});

describe('adding, moving and removing', () => {
  it('moves within a list, clamped at both ends', () => {
    expect(moveWithin(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveWithin(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveWithin(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves a question up and down inside its factor, and says where it is', () => {
    let d = draft();
    const kenh = idOf(d, 'kenh');
    d = moveQuestion(d, kenh, -1);
    expect(d.factors[0]!.items.map((q) => q.key)).toEqual(['kenh', 'lich_su']);
    expect(placeOf(d, kenh)).toEqual({ index: 0, count: 2 });
    expect(moveQuestion(d, kenh, -1).factors[0]!.items.map((q) => q.key)).toEqual(['kenh', 'lich_su']);
    d = moveQuestionTo(d, kenh, 1);
    expect(d.factors[0]!.items.map((q) => q.key)).toEqual(['lich_su', 'kenh']);
  });

  it('adds a factor with one item and a free key, and moves factors', () => {
    let d = draft();
    const { draft: withTwo, id } = addFactor(d);
    d = withTwo;
    expect(d.factors).toHaveLength(2);
    expect(d.factors[1]!.key).toBe('nhom_2');
    expect(d.factors[1]!.items).toHaveLength(1);
    d = moveFactor(d, id, -1);
    expect(d.factors[0]!.id).toBe(id);
  });

  it('a new choice question starts with two options; removing a question takes it out', () => {
    const { draft: d, id } = addQuestion(draft(), 'extras', 'multi');
    expect(d.extras.at(-1)!.options.map((o) => o.code)).toEqual([1, 2]);
    expect(removeQuestion(d, id).extras.map((q) => q.id)).not.toContain(id);
  });

  it('choosing the overall-question rule gives the survey a 5-level overall question', () => {
    const d = setRule(draft(), 'overall_question');
    expect(d.overall).toMatchObject({ key: 'overall', type: 'scale5' });
  });
});

describe('show-if candidates', () => {
  it('offers only coded questions asked before, with their codes', () => {
    const d = draft();
    const cands = showIfCandidates(d, idOf(d, 'vi_sao'));
    expect(cands.map((c) => c.key)).toEqual(['lich_su', 'kenh']);
    expect(cands[0]!.codes.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(cands[1]!.codes.map((c) => c.label.vi)).toEqual(['Trực tiếp', 'Mạng']);
    expect(showIfCandidates(d, idOf(d, 'lich_su'))).toEqual([]);
  });

  it('warns when the tested question no longer comes first, or a code is gone', () => {
    let d = draft();
    const q = () => d.extras[0]!;
    expect(showIfWarning(d, q())).toBeNull();
    d = updateQuestion(d, idOf(d, 'lich_su'), { type: 'scale3' });
    expect(showIfWarning(d, q())).toBeNull();
    d = updateQuestion(d, q().id, { showIf: { question: 'lich_su', in: [4] } });
    expect(showIfWarning(d, q())).toBe('codes');
    d = updateQuestion(d, q().id, { showIf: { question: 'vi_sao', in: [1] } });
    expect(showIfWarning(d, q())).toBe('notBefore');
  });
});

describe('problems put beside their fields', () => {
  const problems = [
    { path: 'factors.0.items.1.options', message: { vi: 'cần lựa chọn', en: 'needs options' } },
    { path: 'factors.0.items.1.options.0.code', message: { vi: 'trùng mã', en: 'repeated code' } },
    { path: 'factors.0.items.1.text.vi', message: { vi: 'thiếu', en: 'missing' } },
    { path: 'factors.0.items.10.key', message: { vi: 'khác', en: 'other' } },
  ];

  it('makes a field id from a path and lists the places a problem may go, nearest first', () => {
    expect(fieldIdOf('factors.0.items.2.text.vi')).toBe('field-factors-0-items-2-text-vi');
    expect(pathAndParents('factors.0.items')).toEqual(['factors.0.items', 'factors.0', 'factors']);
  });

  it('a card shows the problems its own fields do not', () => {
    expect(problemsOfCard(problems, 'factors.0.items.1', QUESTION_FIELDS).map((p) => p.message.en)).toEqual(['needs options']);
  });

  it('describes a path in words, in both languages', () => {
    const text = describePath('factors.0.items.2.text.vi', draft());
    expect(text.vi).toBe('Nhóm 1 (Thái độ) › Câu 3 › Nội dung › tiếng Việt');
    expect(text.en).toBe('Factor 1 (Attitude) › Question 3 › Text › Vietnamese');
  });

  it('reads the problems of a refusal and ignores what is not one', () => {
    expect(problemsOfBody({ problems: [...problems, { path: 1 }] })).toHaveLength(4);
    expect(problemsOfBody({ error: 'x' })).toBeNull();
  });
});

describe('a factor card and its questions', () => {
  it('leaves its questions’ problems to their cards and keeps its own', () => {
    const problems = [
      { path: 'factors.1.items', message: { vi: 'a', en: 'no items' } },
      { path: 'factors.1.items.0.text.vi', message: { vi: 'b', en: 'item text' } },
      { path: 'factors.1.items.0', message: { vi: 'c', en: 'item' } },
      { path: 'factors.1.label.vi', message: { vi: 'd', en: 'label' } },
    ];
    expect(problemsOfCard(problems, 'factors.1', ['key', 'label.vi', 'label.en', 'items.*.**']).map((p) => p.message.en)).toEqual([
      'no items',
    ]);
  });
});
