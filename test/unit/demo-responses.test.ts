import { describe, expect, it } from 'vitest';
import type { ActiveCounter } from '../../db/counters';
import { demoResponses } from '../../server/bootstrap/demo-responses';
import { validateAnswers } from '../../surveys/answers-schema';
import { sipasCounterShort } from '../../surveys/instruments';
import { localDay } from '../../surveys/time';
import { scale3Survey } from '../support/scale3-survey';

const counter = (id: number, code: string, sectors: string[]): ActiveCounter => ({
  id,
  tenant_id: 1,
  unit_id: 3,
  code,
  name: code,
  kiosk: false,
  survey_id: 1,
  unit_name: 'Bộ phận Một cửa',
  tenant_name: 'Demo',
  retention_months: 24,
  sectors,
  surveyVersion: { id: 11, version: 1, definition: sipasCounterShort },
});
const COUNTERS = [counter(1, 'demo-land', ['land']), counter(2, 'demo-civil', ['civil_status', 'justice'])];

describe('demo answers: days up to now, never after it', () => {
  it('at 02:30 Vietnam time on a Wednesday, none is dated later than the clock, and none falls that day yet', () => {
    // 2026-04-15 is a Wednesday: every counter gets visits, all in office hours (07:30–17:00).
    const now = new Date('2026-04-15T02:30:00+07:00');
    const answers = [...demoResponses(COUNTERS, now, 3)];
    expect(answers.length).toBeGreaterThan(0);
    const late = answers.filter((r) => r.submitted_at.getTime() > now.getTime());
    expect(late.map((r) => r.submitted_at.toISOString())).toEqual([]);
    expect(answers.filter((r) => localDay(r.submitted_at) === '2026-04-15')).toEqual([]);
    expect(new Set(answers.map((r) => localDay(r.submitted_at)))).toEqual(new Set(['2026-04-13', '2026-04-14']));
  });

  it('at 12:00 keeps that morning’s answers and none of the afternoon’s; the same clock gives the same answers', () => {
    const now = new Date('2026-04-15T12:00:00+07:00');
    const answers = [...demoResponses(COUNTERS, now, 1)];
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((r) => r.submitted_at.getTime() <= now.getTime())).toBe(true);
    // the full day (seen from the evening) has afternoon answers that the noon clock left out
    const evening = [...demoResponses(COUNTERS, new Date('2026-04-15T23:00:00+07:00'), 1)];
    expect(evening.length).toBeGreaterThan(answers.length);
    const keys = new Set(evening.map((r) => r.client_key));
    expect(answers.every((r) => keys.has(r.client_key))).toBe(true);
    expect([...demoResponses(COUNTERS, now, 1)]).toEqual(answers);
  });

  it('a window of days gives answers on those days only, and days more than a year back about half the visits', () => {
    const now = new Date('2026-04-15T23:00:00+07:00');
    const week = [...demoResponses(COUNTERS, now, { from: '2026-04-06', to: '2026-04-10' })];
    expect(new Set(week.map((r) => localDay(r.submitted_at)))).toEqual(
      new Set(['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10']),
    );
    // a window reaching past now stops at now
    const late = [...demoResponses(COUNTERS, new Date('2026-04-15T12:00:00+07:00'), { from: '2026-04-14', to: '2026-04-20' })];
    expect(new Set(late.map((r) => localDay(r.submitted_at)))).toEqual(new Set(['2026-04-14', '2026-04-15']));
    // four working weeks each (Monday to Friday, Saturdays alike): one from 2025, one recent
    const old = [...demoResponses(COUNTERS, now, { from: '2025-03-03', to: '2025-03-29' })].length;
    const recent = [...demoResponses(COUNTERS, now, { from: '2026-03-02', to: '2026-03-28' })].length;
    expect(old).toBeGreaterThan(0.35 * recent);
    expect(old).toBeLessThan(0.7 * recent);
  });

  it('the former An Tảo ward’s counter is a little less satisfied than Hiến Nam’s, so their blend differs from each', () => {
    const wards = [counter(2, 'demo-civil', ['civil_status', 'justice']), counter(3, 'demo-an-tao', ['civil_status', 'justice'])];
    const answers = [...demoResponses(wards, new Date('2026-04-15T23:00:00+07:00'), 365)];
    const share = (id: number) => {
      const of = answers.filter((r) => r.counter_id === id);
      return of.filter((r) => r.satisfied).length / of.length;
    };
    expect(share(2) - share(3)).toBeGreaterThan(0.03);
    expect(share(2) - share(3)).toBeLessThan(0.1);
    expect(share(3)).toBeGreaterThan(0.75);
  });
});

describe('demo answers for a survey with the designer’s question types', () => {
  const c3: ActiveCounter = {
    ...counter(3, 'demo-ks3', ['civil_status']),
    surveyVersion: { id: 12, version: 1, definition: scale3Survey },
  };
  const answers = [...demoResponses([c3], new Date('2026-04-15T18:00:00+07:00'), 30)];

  it('gives answers the survey accepts: 3 levels, sorted ticks, short texts, nothing for a question not asked', () => {
    expect(answers.length).toBeGreaterThan(100);
    const refused = answers.map((r) => validateAnswers(scale3Survey, r.answers)).filter((v) => !v.ok);
    expect(refused).toEqual([]);
    for (const r of answers) {
      expect([1, 2, 3]).toContain(r.answers.overall);
      if (r.answers.pick !== 1) expect(r.answers).not.toHaveProperty('many');
      const many = r.answers.many;
      if (many !== undefined) expect(many).toEqual([...(many as number[])].sort((a, b) => a - b));
    }
    expect(answers.some((r) => Array.isArray(r.answers.many) && r.answers.many.length > 1)).toBe(true);
    expect(answers.some((r) => typeof r.answers.say === 'string')).toBe(true);
  });

  it('scores the 3-level overall question: satisfied exactly when it is Hài lòng or Rất hài lòng', () => {
    for (const r of answers) expect(r.satisfied).toBe(r.answers.overall === 2 || r.answers.overall === 3);
    const levels = new Set(answers.map((r) => r.answers.overall));
    expect(levels).toEqual(new Set([1, 2, 3]));
  });
});
