import { describe, expect, it } from 'vitest';
import { answerLines } from '../../surveys/answer-lines';
import { healthOutpatient, sipasCounterShort } from '../../surveys/instruments';

describe('answerLines: a stored answer as an official reads it', () => {
  it('gives each question of the version its words and the answer its label, in form order, unanswered ones too', () => {
    const lines = answerLines(sipasCounterShort, { overall: 2, access_q: 4, procedure_q: null });
    expect(lines.map((l) => l.key)).toEqual(['overall', 'access_q', 'procedure_q', 'civil_servant_q', 'result_q', 'feedback_q']);
    expect(lines[0]).toEqual({
      key: 'overall',
      question: {
        vi: 'Nhìn chung, Ông/Bà hài lòng thế nào với dịch vụ hành chính công nhận được?',
        en: expect.stringMatching(/^Overall/),
      },
      value: 2,
      answer: { vi: '2 — Không hài lòng', en: '2 — Dissatisfied' },
    });
    expect(lines[1]).toMatchObject({
      question: { vi: 'Nơi ngồi chờ và trang thiết bị tại Bộ phận Một cửa' },
      answer: { vi: '4 — Hài lòng' },
    });
    expect(lines[2]).toMatchObject({ value: null, answer: { vi: 'Không ý kiến', en: 'No opinion' } });
    expect(lines[3]).toMatchObject({ value: undefined, answer: null });
  });

  it('words a percentage and a choice by the question, and keeps a key the version does not know', () => {
    const lines = answerLines(healthOutpatient, { expectations_met: 80, come_back: 2, old_key: 3 });
    expect(lines.find((l) => l.key === 'expectations_met')?.answer).toEqual({ vi: '80 %', en: '80 %' });
    expect(lines.find((l) => l.key === 'come_back')?.answer?.vi).toBe('2 — Không muốn quay lại nhưng có ít lựa chọn khác');
    expect(lines.at(-1)).toEqual({
      key: 'old_key',
      question: { vi: 'Câu hỏi không có trong phiên bản phiếu', en: 'Not a question of this survey version' },
      value: 3,
      answer: { vi: '3', en: '3' },
    });
  });
});
