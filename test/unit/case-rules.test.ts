import { describe, expect, it } from 'vitest';
import { analystCaseReason, autoCaseReason } from '../../server/cases/case-opening';
import { dueDateRefusal } from '../../server/cases/case-workflow';
import { importedFollowUp } from '../../server/cases/imported-case-opening';
import { assigneeRefusal } from '../../server/cases/case-assignee';
import { mayRevealContact, revealRefusal } from '../../server/cases/contact-reveal';
import type { CaseRow } from '../../db/cases';
import type { SessionUser } from '../../server/http/context';
import { educationSurvey, sipasCounterShort } from '../../surveys/instruments';
import { DESIGNER_SURVEY } from '../support/designer-survey';
import { scale3Survey } from '../support/scale3-survey';

describe('analystCaseReason: what an analyst may open a case for', () => {
  it('a low rating (1–2) on any 5-level question, before a comment', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 2 }, null)).toBe('low_rating');
    expect(analystCaseReason(sipasCounterShort, { overall: 5, access_q: 1 }, 'Chờ lâu')).toBe('low_rating');
    expect(analystCaseReason(educationSurvey, { access_1: 2 }, null)).toBe('low_rating');
  });

  it('a designer survey: Không hài lòng on a 3-level question is low; ticks, codes and texts never are', () => {
    expect(analystCaseReason(DESIGNER_SURVEY, { overall: 1 }, null)).toBe('low_rating');
    expect(analystCaseReason(DESIGNER_SURVEY, { overall: 3, staff: 1 }, null)).toBe('low_rating');
    expect(analystCaseReason(DESIGNER_SURVEY, { overall: 2, staff: null, channel_used: 1, suggestion: '1' }, null)).toBeNull();
    expect(analystCaseReason(DESIGNER_SURVEY, { overall: 2, problems: [1, 2] }, null)).toBeNull();
    expect(autoCaseReason(DESIGNER_SURVEY, { overall: 1, problems: [1] }, { comment: null, contact: false })).toBe('low_rating');
  });

  it('a comment when no rating is low', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 3, access_q: 4 }, 'Cần thêm ghế')).toBe('comment');
  });

  it('nothing: ratings of 3 or more, no-opinion answers, and no comment (an empty one is none)', () => {
    expect(analystCaseReason(sipasCounterShort, { overall: 3, access_q: null }, null)).toBeNull();
    expect(analystCaseReason(sipasCounterShort, { overall: 4 }, '')).toBeNull();
  });
});

describe('a low rating on the 3-level scale is 1 Không hài lòng', () => {
  it('opens a case from the overall question or a 3-level item, by itself and for an analyst', () => {
    expect(autoCaseReason(scale3Survey, { overall: 1 }, { comment: null, contact: false })).toBe('low_rating');
    expect(autoCaseReason(scale3Survey, { overall: 3, a3: 1 }, { comment: null, contact: false })).toBe('low_rating');
    expect(analystCaseReason(scale3Survey, { overall: 1 }, null)).toBe('low_rating');
  });

  it('2 Hài lòng is not low, though it is a 2; a 5-level item of the same survey keeps 1–2', () => {
    expect(autoCaseReason(scale3Survey, { overall: 2, a3: 2 }, { comment: null, contact: false })).toBeNull();
    expect(analystCaseReason(scale3Survey, { overall: 2, a3: 2 }, 'Cần thêm ghế')).toBe('comment');
    expect(autoCaseReason(scale3Survey, { overall: 3, a5: 2 }, { comment: null, contact: false })).toBe('low_rating');
    expect(autoCaseReason(scale3Survey, { overall: 3, a5: 3 }, { comment: null, contact: false })).toBeNull();
  });

  it('a choice or multi code 1 is no rating: it opens nothing', () => {
    expect(autoCaseReason(scale3Survey, { overall: 3, pick: 1, many: [1] }, { comment: null, contact: false })).toBeNull();
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

describe('assigneeRefusal: who may be given a case handled by a unit', () => {
  const person = {
    id: 4,
    username: 'xu-ly',
    role: 'analyst' as const,
    unit_id: 2,
    disabled_at: null,
    email: null,
    unit_path: '/1/2/',
    unit_name: 'Một cửa',
  };

  it('an active analyst or admin whose units hold the handling unit; an account of no unit holds them all', () => {
    expect(assigneeRefusal(person, '/1/2/')).toBeNull();
    expect(assigneeRefusal(person, '/1/2/7/')).toBeNull();
    expect(assigneeRefusal({ ...person, role: 'admin', unit_id: null, unit_path: null }, '/1/9/')).toBeNull();
  });

  it('no one unknown, disabled, of a role that does not work cases, or whose units do not hold it', () => {
    expect(assigneeRefusal(undefined, '/1/2/')?.en).toMatch(/not found/);
    expect(assigneeRefusal({ ...person, disabled_at: new Date() }, '/1/2/')?.en).toMatch(/disabled/);
    expect(assigneeRefusal({ ...person, role: 'officer' }, '/1/2/')?.en).toMatch(/role/);
    expect(assigneeRefusal({ ...person, role: 'interviewer' }, '/1/2/')?.en).toMatch(/role/);
    expect(assigneeRefusal(person, '/1/')?.vi).toMatch(/ngoài phạm vi/);
    expect(assigneeRefusal({ ...person, unit_path: null }, '/1/2/')?.vi).toMatch(/ngoài phạm vi/);
  });
});

describe('revealRefusal: the phone in clear, only for the assignee, with a reason', () => {
  const row = { contact_phone: '0912345678', assigned_user_id: 4 } as CaseRow;
  const user = (id: number, role: SessionUser['role'] = 'analyst') => ({ id, role }) as SessionUser;

  it('the assignee with a reason of at least 10 characters', () => {
    expect(revealRefusal(row, user(4), 'Gọi lại hẹn')).toBeNull();
    expect(mayRevealContact(row, user(4))).toBe(true);
    expect(revealRefusal(row, user(4), 'Gọi lại h')).toMatchObject({ status: 422 });
  });

  it('not an administrator who is not the assignee, nobody when unassigned, 404 without a phone', () => {
    expect(revealRefusal(row, user(1, 'admin'), 'Gọi lại hẹn ngày')).toMatchObject({ status: 403 });
    expect(mayRevealContact(row, user(1, 'admin'))).toBe(false);
    expect(revealRefusal({ ...row, assigned_user_id: null }, user(4), 'Gọi lại hẹn ngày')).toMatchObject({ status: 403 });
    expect(revealRefusal({ ...row, contact_phone: null }, user(4), 'Gọi lại hẹn ngày')).toMatchObject({ status: 404 });
    expect(mayRevealContact({ ...row, contact_phone: null }, user(4))).toBe(false);
  });
});
