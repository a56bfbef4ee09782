import { describe, expect, it } from 'vitest';
import { analystCaseReason, autoCaseReason } from '../../server/cases/case-opening';
import { dueDateRefusal } from '../../server/cases/case-workflow';
import { importedFollowUp } from '../../server/cases/imported-case-opening';
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

describe('importedFollowUp: which imported rows open a case by themselves', () => {
  const now = new Date('2026-04-15T03:00:00Z');
  const row = {
    tenantId: 1,
    unitId: 5,
    waveId: null,
    definition: sipasCounterShort,
    answers: { overall: 2 },
    submittedAt: new Date('2026-04-10T05:00:00Z'),
  };

  it('a counter form rated 1–2 within the due days, due that many days after the day on the form', () => {
    expect(importedFollowUp(row, now, 7)).toEqual({
      item: {
        tenant_id: 1,
        unit_id: 5,
        opened_by: 'auto',
        reason: 'low_rating',
        created_at: now,
        due_at: new Date('2026-04-17T05:00:00Z'),
      },
    });
    expect(importedFollowUp({ ...row, answers: { overall: 4, access_q: 1 } }, now, 7)?.item.reason).toBe('low_rating');
    // exactly `dueDays` old still opens one, due now
    expect(importedFollowUp({ ...row, submittedAt: new Date('2026-04-08T03:00:00Z') }, now, 7)?.item.due_at).toEqual(now);
  });

  it('none for an older form, a wave interview, or a form without a low rating (a comment alone waits)', () => {
    expect(importedFollowUp({ ...row, submittedAt: new Date('2026-04-08T02:59:59Z') }, now, 7)).toBeUndefined();
    expect(importedFollowUp({ ...row, submittedAt: new Date('2026-04-08T02:59:59Z') }, now, 30)).toBeDefined();
    expect(importedFollowUp({ ...row, waveId: 3 }, now, 7)).toBeUndefined();
    expect(importedFollowUp({ ...row, answers: { overall: 3, access_q: null } }, now, 7)).toBeUndefined();
  });
});
