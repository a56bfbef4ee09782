import { describe, expect, it } from 'vitest';
import { dossierInputSchema } from '../../surveys/dossier-input';
import { dossierOutcome, isUnsatisfiedRating } from '../../surveys/dossier-outcome';
import { parseDossierTime } from '../../surveys/dossier-time';
import { index766 } from '../../surveys/index-766';
import { dossierJson } from '../support/dossier-facts';

describe('dossier times', () => {
  it('reads ISO with an offset, Vietnam-local times and dates, and refuses the rest', () => {
    expect(parseDossierTime('2026-03-02T08:15:00+07:00')?.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(parseDossierTime('2026-03-02 08:15')?.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(parseDossierTime('2026-03-02T08:15')?.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(parseDossierTime('02/03/2026 08:15:30')?.toISOString()).toBe('2026-03-02T01:15:30.000Z');
    expect(parseDossierTime('2/3/2026')?.toISOString()).toBe('2026-03-01T17:00:00.000Z');
    // A due date alone means by the end of that day.
    expect(parseDossierTime('05/03/2026', 'end')?.toISOString()).toBe('2026-03-05T16:59:59.999Z');
    for (const bad of ['', '2026-02-30', '31/02/2026', '2026-03-02 25:00', 'hôm qua', '2026-03-02T08:15+7']) {
      expect(parseDossierTime(bad)).toBeNull();
    }
  });
});

describe('dossier input', () => {
  it('normalises the code and refuses one that is not a dossier code, in both languages', () => {
    expect(dossierInputSchema.parse(dossierJson(1, { code: ' 000.00.17.h31-260302-0001 ' })).code).toBe('000.00.17.H31-260302-0001');
    const bad = dossierInputSchema.safeParse(dossierJson(1, { code: 'HS-123' }));
    expect(bad.success).toBe(false);
    const issue = bad.error!.issues[0] as { path: unknown[]; params?: { vi?: string } };
    expect(issue.path).toEqual(['code']);
    expect(issue.params?.vi).toMatch(/mã hồ sơ/);
  });

  it('refuses a rating without its scale or outside it, a complaint without a due time, times out of order', () => {
    const problems = (over: Record<string, unknown>) =>
      dossierInputSchema.safeParse(dossierJson(1, over)).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(problems({ rating: 2 })).toEqual(['ratingScale']);
    expect(problems({ rating: 4, ratingScale: 3 })).toEqual(['rating']);
    expect(problems({ complained: true })).toEqual(['complaintDueAt']);
    expect(problems({ complaintAnsweredAt: '2026-03-10 08:00' })).toEqual(['complained']);
    expect(problems({ dueAt: '2026-03-01 08:00' })).toEqual(['dueAt']);
    expect(problems({ finishedAt: '2026-03-01 08:00' })).toEqual(['finishedAt']);
    expect(problems({ channel: 'post' })).toEqual(['channel']);
    expect(problems({ rating: 5, ratingScale: 5 })).toEqual([]);
  });
});

describe('the index rules', () => {
  const facts = dossierInputSchema.parse(dossierJson(1));

  it('calls 1 of 3 and 1–2 of 5 "không hài lòng"', () => {
    expect([1, 2, 3].map((r) => isUnsatisfiedRating(r, 3))).toEqual([true, false, false]);
    expect([1, 2, 3, 4, 5].map((r) => isUnsatisfiedRating(r, 5))).toEqual([true, true, false, false, false]);
  });

  it('counts a dossier on its finishing day in Vietnam, and an unfinished one nowhere', () => {
    expect(dossierOutcome({ ...facts, finishedAt: new Date('2026-03-09T17:30:00Z') })?.day).toBe('2026-03-10');
    expect(dossierOutcome({ ...facts, finishedAt: null })).toBeNull();
  });

  it('fails R2 once for a complaint both late and unsatisfying', () => {
    const o = dossierOutcome({
      ...facts,
      complained: true,
      complaintDueAt: new Date('2026-03-10T00:00:00Z'),
      complaintAnsweredAt: new Date('2026-03-11T00:00:00Z'),
      complaintSatisfied: false,
    })!;
    expect(o.counts).toMatchObject({ complaints: 1, complaints_on_time: 0, complaints_unsatisfied: 1, r2_failed: 1, r3_failed: 1 });
    const ratios = index766(o.counts);
    expect(ratios.r2).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(ratios.r1.value).toBe(0);
  });

  it('has no value where nothing was counted', () => {
    const none = index766(dossierOutcome({ ...facts })!.counts);
    expect(none.r1).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(none.r3).toEqual({ numerator: 1, denominator: 1, value: 100 });
  });
});
