import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import { ensureSurveyVersion } from '../../db/surveys';
import type { Answers } from '../../surveys/instrument-schema';
import { sipasCounterShort } from '../../surveys/instruments';
import { respondentSatisfied } from '../../surveys/scoring';
import { addDays, dayStartUtc, localDay } from '../../surveys/time';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let land: ActiveCounter;
let seq = 0;

function response(counter: ActiveCounter, at: string, answers: Answers, extra: Partial<NewResponse> = {}): NewResponse {
  const def = counter.surveyVersion.definition;
  return {
    tenant_id: counter.tenant_id,
    survey_version_id: counter.surveyVersion.id,
    counter_id: counter.id,
    unit_id: counter.unit_id,
    sector_code: counter.sectors[0]!,
    channel: 'qr',
    submitted_at: new Date(at),
    answers,
    comment: null,
    dossier_code: null,
    client_key: `analysis-${++seq}`,
    token_id: null,
    satisfied: respondentSatisfied(def, answers),
    ...extra,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
  // January 2026, survey version 1. 2026-01-05 is a Monday; 02:30 UTC is 09:30 in Vietnam.
  await storeResponses(t.db.dbWrite, [
    response(land, '2026-01-05T02:30:00Z', { overall: 5, access_q: 5, procedure_q: 4 }),
    response(land, '2026-01-05T02:45:00Z', { overall: 4, access_q: 2, procedure_q: null }),
    response(
      land,
      '2026-01-06T08:10:00Z',
      { overall: 2, access_q: 1, procedure_q: 2 },
      { comment: 'Chờ quá lâu <script>alert(1)</script>' },
    ),
    response(land, '2026-01-06T08:20:00Z', { overall: 3, access_q: 4 }, { comment: 'Cán bộ nhiệt tình' }),
  ]);
  // February 2026 under a new version of the short form: the trend must mark the break.
  const v2 = await ensureSurveyVersion(t.db.dbWrite, t.state.tenantId, { ...sipasCounterShort, version: 2 });
  const landV2 = { ...land, surveyVersion: { ...land.surveyVersion, id: v2.versionId, version: 2 } };
  await storeResponses(t.db.dbWrite, [
    response(landV2, '2026-02-02T03:00:00Z', { overall: 5, access_q: 5 }),
    response(landV2, '2026-02-02T03:05:00Z', { overall: 5, access_q: 3 }, { comment: 'Rất hài lòng, nhanh' }),
  ]);
});
afterAll(() => t.close());

const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const EARLY_2026 = 'from=2026-01-01&to=2026-02-28';

describe('GET /api/stats/trend', () => {
  it('gives each month its rate against the target and marks the month a new survey version began', async () => {
    const trend = await get<{
      rows: { key: string; n: number; satisfied: number; rate: number; target: number }[];
      versionChanges: unknown[];
    }>(`/api/stats/trend?${EARLY_2026}&sector=land`);
    expect(trend.rows.map((r) => [r.key, r.n, r.satisfied, r.rate, r.target])).toEqual([
      ['2026-01', 4, 2, 50, 85],
      ['2026-02', 2, 2, 100, 85],
    ]);
    expect(trend.versionChanges).toEqual([{ month: '2026-02', survey: 'sipas-counter-short', version: 2, title: sipasCounterShort.title }]);
  });
});

describe('GET /api/stats/factors', () => {
  it('computes factor indices and item rates from the answers, pooled over the versions', async () => {
    const report = await get<{
      surveys: {
        survey: string;
        n: number;
        rate: number | null;
        factors: { key: string; satisfied: number; valid: number; index: number | null }[];
        sipasIndex: number;
      }[];
    }>(`/api/stats/factors?${EARLY_2026}`);
    expect(report.surveys).toHaveLength(1);
    const s = report.surveys[0]!;
    expect(s.survey).toBe('sipas-counter-short');
    expect(s.n).toBe(6);
    // The survey's own rate, judged like every rate: 6 answers are too few for a verdict.
    expect(s).toMatchObject({ satisfied: 4, verdict: 'too_few', confidence: null });
    expect(s.rate).toBeCloseTo(66.67, 1);
    const byKey = Object.fromEntries(s.factors.map((f) => [f.key, f]));
    // access_q: 5, 2, 1, 4, 5, 3 → satisfied 5, 4, 5 = 3 of 6 = 50 %
    expect(byKey.access).toMatchObject({ satisfied: 3, valid: 6, index: 50 });
    // procedure_q: 4, (no opinion), 2 → 1 of 2 = 50 %
    expect(byKey.procedure).toMatchObject({ satisfied: 1, valid: 2, index: 50 });
    expect(byKey.result).toMatchObject({ satisfied: 0, valid: 0, index: null });
    // SIPAS-style index: mean of the factor indices that exist = (50 + 50) / 2
    expect(s.sipasIndex).toBe(50);
  });
});

describe('GET /api/stats/factors, a survey whose forms were all no opinion', () => {
  it('keeps the survey, with n = 0 and the verdict too few answers', async () => {
    const school = (await findActiveCounter(t.db.dbRead, 'demo-education'))!;
    const items = school.surveyVersion.definition.factors.flatMap((f) => f.items);
    const noOpinion = Object.fromEntries(items.map((q) => [q.key, null]));
    await storeResponses(t.db.dbWrite, [
      response(school, '2026-03-10T02:00:00Z', noOpinion),
      response(school, '2026-03-11T02:00:00Z', noOpinion),
      response(land, '2026-03-11T03:00:00Z', { overall: 4, access_q: 4 }),
    ]);
    const report = await get<{
      surveys: { survey: string; n: number; rate: number | null; verdict: string; factors: { valid: number; index: number | null }[] }[];
    }>('/api/stats/factors?from=2026-03-01&to=2026-03-31');
    const byKey = new Map(report.surveys.map((s) => [s.survey, s]));
    expect([...byKey.keys()].sort()).toEqual(['education', 'sipas-counter-short']);
    expect(byKey.get('education')).toMatchObject({ n: 0, rate: null, verdict: 'too_few', confidence: null });
    expect(byKey.get('education')!.factors.map((f) => [f.valid, f.index])).toEqual(
      school.surveyVersion.definition.factors.map(() => [0, null]),
    );
    expect(byKey.get('sipas-counter-short')).toMatchObject({ n: 1, satisfied: 1, rate: 100, verdict: 'too_few' });
  });
});

describe('GET /api/stats/distribution', () => {
  it('counts answers 1–5 to the overall question per sector', async () => {
    const dist = await get<{ rows: { key: string; label: string; counts: Record<string, number>; total: number }[] }>(
      `/api/stats/distribution?${EARLY_2026}`,
    );
    expect(dist.rows).toEqual([
      {
        key: 'land',
        label: 'Đất đai',
        scale: 'scale5',
        counts: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 3 },
        satisfied: 4,
        total: 6,
        counted: 'respondents',
      },
    ]);
  });
});

describe('GET /api/stats/heatmap', () => {
  it('places answers by Vietnam weekday and hour', async () => {
    const map = await get<{ cells: { weekday: number; hour: number; responses: number; n: number; satisfied: number; rate: number }[] }>(
      `/api/stats/heatmap?${EARLY_2026}`,
    );
    expect(map.cells).toEqual([
      { weekday: 1, hour: 9, responses: 2, n: 2, satisfied: 2, rate: 100 }, // Mon 5 Jan 09:30, 09:45
      { weekday: 1, hour: 10, responses: 2, n: 2, satisfied: 2, rate: 100 }, // Mon 2 Feb 10:00, 10:05
      { weekday: 2, hour: 15, responses: 2, n: 2, satisfied: 0, rate: 0 }, // Tue 6 Jan 15:10, 15:20
    ]);
  });

  it('and its hourly rollups equal a recount from raw responses', async () => {
    await storeRandomResponses(t.db, {
      count: 600,
      seed: 7,
      codes: ['demo-health', 'demo-civil', 'demo-investment'],
      from: new Date('2025-11-01T00:00:00Z'),
      days: 60,
      flaggedShare: 0.1,
    });
    const recount = await sql<{ k: string }>`
      select string_agg(x, ',' order by x) as k from (
        select concat_ws(':', (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, extract(hour from submitted_at at time zone 'Asia/Ho_Chi_Minh'),
               counter_id, sector_code, channel, count(*), count(satisfied), count(*) filter (where satisfied)) as x
        from responses where cardinality(flags) = 0 group by (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date,
               extract(hour from submitted_at at time zone 'Asia/Ho_Chi_Minh'), counter_id, sector_code, channel) y`.execute(t.db.dbRead);
    const rollups = await sql<{ k: string }>`
      select string_agg(x, ',' order by x) as k from (
        select concat_ws(':', day, hour, counter_id, sector_code, channel, sum(responses), sum(valid), sum(satisfied)) as x
        from hourly_rollups group by day, hour, counter_id, sector_code, channel) y`.execute(t.db.dbRead);
    expect(rollups.rows[0]!.k.split(',').length).toBeGreaterThan(100);
    expect(rollups.rows[0]!.k).toBe(recount.rows[0]!.k);
  });
});

describe('GET /api/comments', () => {
  it('lists comments newest first with their rating, searchable, text kept as written', async () => {
    const all = await get<{
      items: { comment: string; rating: number | null; satisfied: boolean; counter: { code: string } }[];
      nextBefore: number | null;
    }>(`/api/comments?${EARLY_2026}`);
    expect(all.items.map((i) => [i.comment, i.rating, i.satisfied])).toEqual([
      ['Rất hài lòng, nhanh', 5, true],
      ['Cán bộ nhiệt tình', 3, false],
      ['Chờ quá lâu <script>alert(1)</script>', 2, false],
    ]);
    expect(all.nextBefore).toBeNull();
    const found = await get<{ items: { comment: string }[] }>(`/api/comments?${EARLY_2026}&q=${encodeURIComponent('NHIỆT TÌNH')}`);
    expect(found.items.map((i) => i.comment)).toEqual(['Cán bộ nhiệt tình']);
    const page1 = await get<{ items: { id: number }[]; nextBefore: number }>(`/api/comments?${EARLY_2026}&limit=2`);
    expect(page1.items).toHaveLength(2);
    const page2 = await get<{ items: { comment: string }[]; nextBefore: number | null }>(
      `/api/comments?${EARLY_2026}&limit=2&before=${page1.nextBefore}`,
    );
    expect(page2.items.map((i) => i.comment)).toEqual(['Chờ quá lâu <script>alert(1)</script>']);
  });
});

describe('GET /api/alerts', () => {
  it('flags a sector at a unit below target over the last 30 days, and one that fell more than 5 points', async () => {
    const today = localDay(new Date());
    const at = (daysAgo: number, i: number) =>
      new Date(dayStartUtc(addDays(today, -daysAgo)).getTime() + (2 + (i % 8)) * 3600_000).toISOString();
    const items: NewResponse[] = [];
    // land, last 30 days: 30 of 40 satisfied = 75 % < 85 %; the 30 days before: 38 of 40 = 95 %
    for (let i = 0; i < 40; i++) items.push(response(land, at(1 + (i % 25), i), { overall: i < 30 ? 5 : 1 }));
    for (let i = 0; i < 40; i++) items.push(response(land, at(31 + (i % 25), i), { overall: i < 38 ? 4 : 2 }));
    // civil status at the ward: 39 of 40 = 97.5 %, steady: no alert
    const civil = (await findActiveCounter(t.db.dbRead, 'demo-civil'))!;
    for (let i = 0; i < 40; i++)
      items.push(response(civil, at(1 + (i % 25), i), { overall: i < 39 ? 5 : 1 }, { sector_code: 'civil_status' }));
    for (let i = 0; i < 40; i++)
      items.push(response(civil, at(31 + (i % 25), i), { overall: i < 39 ? 5 : 1 }, { sector_code: 'civil_status' }));
    await storeResponses(t.db.dbWrite, items);

    const res = await get<{
      windowDays: number;
      alerts: {
        kinds: string[];
        sector: string;
        unitName: string;
        current: { n: number; rate: number; target: number };
        previous: { n: number; rate: number };
        drop: number;
      }[];
    }>('/api/alerts');
    expect(res.windowDays).toBe(30);
    // One line for the pair, naming both reasons.
    const land30 = res.alerts.filter((a) => a.sector === 'land');
    expect(land30).toHaveLength(1);
    expect(land30[0]!.kinds).toEqual(['below_target', 'dropped']);
    expect(land30[0]).toMatchObject({
      unitName: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
      current: { n: 40, rate: 75, target: 85 },
      previous: { n: 40, rate: 95 },
      drop: 20,
    });
    expect(res.alerts.some((a) => a.sector === 'civil_status')).toBe(false);
  });
});
