import { describe, expect, it } from 'vitest';
import { analystCaseReason, autoCaseReason } from '../../server/cases/case-opening';
import { dueDateRefusal } from '../../server/cases/case-workflow';
import { educationSurvey, sipasCounterShort } from '../../surveys/instruments';

describe('analystCaseReason: what an analyst may open a case for', () => {
  it('a low rating (1–2) on any 5-level question, before a comment', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 2 }, null)).toBe('low_rating');
    expect(analystCaseReason(sipasCounterShort, { overall: 5, access_q: 1 }, 'Chờ lâu')).toBe('low_rating');
    expect(analystCaseReason(educationSurvey, { access_1: 2 }, null)).toBe('low_rating');
  });

  it('a comment when no rating is low', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 3, access_q: 4 }, 'Cần thêm ghế')).toBe('comment');
  });

  it('nothing: ratings of 3 or more, no-opinion answers, and no comment (an empty one is none)', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 3, access_q: null }, null)).toBeNull();
    expect(analystCaseReason(sipasCounterShort, { overall: 4 }, '')).toBeNull();
  });
});

describe('autoCaseReason: what opens a case by itself, unlike an analyst', () => {
  it('a comment alone waits for an analyst; with a call-back request it opens one', () => {
    expect(autoCaseReason(sipasCounterShort, { overall: 4 }, { comment: 'Cần thêm ghế', contact: false })).toBeNull();
    expect(autoCaseReason(sipasCounterShort, { overall: 4 }, { comment: 'Cần thêm ghế', contact: true })).toBe('contact_request');
    expect(autoCaseReason(sipasCounterShort, { overall: 1 }, { comment: null, contact: false })).toBe('low_rating');
  });
});

describe('dueDateRefusal', () => {
  const opened = new Date('2026-04-15T03:00:00Z');

  it('refuses a due date before the case was received, in both languages', () => {
    expect(dueDateRefusal(opened, new Date('2026-04-15T02:59:59.999Z'))).toEqual({
      vi: 'Hạn xử lý không được trước ngày tiếp nhận phản ánh.',
      en: 'The due date cannot be before the case was received.',
    });
  });

  it('takes the moment it was received, any later one, or none at all', () => {
    expect(dueDateRefusal(opened, opened)).toBeNull();
    expect(dueDateRefusal(opened, new Date('2026-04-30T16:59:59.999Z'))).toBeNull();
    expect(dueDateRefusal(opened, undefined)).toBeNull();
  });
});
