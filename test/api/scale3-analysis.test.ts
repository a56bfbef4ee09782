import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter, type ActiveCounter } from '../../db/counters';
import { buildResponse, counterTarget } from '../../db/build-response';
import { storeResponses } from '../../db/responses';
import { ensureSurveyVersion } from '../../db/surveys';
import type { Answers } from '../../surveys/instrument-schema';
import { scale3Survey } from '../support/scale3-survey';
import { createTestApp, login, type TestApp } from '../support/test-app';

// One land counter asks the 5-level short form, then (from March) a designer survey on the 3-level
// scale: the figures must keep the two scales apart and count "satisfied" by each one's words.
let t: TestApp;
let cookie: string;
let seq = 0;

function answer(counter: ActiveCounter, at: string, answers: Answers, comment: string | null = null) {
  return buildResponse(
    counterTarget(counter),
    { answers, sector: 'land', comment },
    {
      channel: 'qr',
      submittedAt: new Date(at),
      clientKey: `scale3-${++seq}`,
    },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  const land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
  const v = await ensureSurveyVersion(t.db.dbWrite, t.state.tenantId, scale3Survey);
  const land3 = { ...land, surveyVersion: { id: v.versionId, version: 1, definition: scale3Survey } };
  await storeResponses(t.db.dbWrite, [
    answer(land, '2026-03-02T02:00:00Z', { overall: 5, access_q: 4 }),
    answer(land, '2026-03-02T02:10:00Z', { overall: 3, access_q: 2 }),
    answer(land3, '2026-03-03T02:00:00Z', { overall: 1, a5: 3, a3: 1, pick: 1, many: [1, 3] }, 'Chờ lâu'),
    answer(land3, '2026-03-03T02:10:00Z', { overall: 2, a5: 4, a3: 2, pick: 2, say: 'Nhanh' }, 'Được'),
    answer(land3, '2026-03-03T02:20:00Z', { overall: 3, a5: 5, a3: 3, pick: 1, many: [2] }),
    answer(land3, '2026-03-03T02:30:00Z', { overall: 2, a3: 2 }),
  ]);
});
afterAll(() => t.close());

const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('GET /api/stats/distribution with a 3-level overall question', () => {
  it('gives the land sector one row per scale, with each scale’s own levels and satisfied count', async () => {
    const dist = await get<{ rows: unknown[] }>(`/api/stats/distribution?${MARCH}`);
    expect(dist.rows).toEqual([
      {
        key: 'land',
        label: 'Đất đai',
        scale: 'scale5',
        counts: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 },
        satisfied: 1,
        total: 2,
        counted: 'respondents',
      },
      { key: 'land', label: 'Đất đai', scale: 'scale3', counts: { 1: 1, 2: 2, 3: 1 }, satisfied: 3, total: 4, counted: 'respondents' },
    ]);
  });

  it('the respondent rate agrees: 3-level answers 2 and 3 are satisfied', async () => {
    const stats = await get<{ rows: { key: string; n: number; satisfied: number }[] }>(`/api/stats?${MARCH}&groupBy=sector`);
    expect(stats.rows.find((r) => r.key === 'land')).toMatchObject({ n: 6, satisfied: 4 });
  });
});

describe('GET /api/stats/factors with 3-level items', () => {
  it('counts a3 levels 2–3 as satisfied, pools them with the 5-level a5, and leaves choice and multi out', async () => {
    const report = await get<{
      surveys: {
        survey: string;
        factors: { key: string; satisfied: number; valid: number }[];
        items: { key: string; scale: string; satisfied: number; valid: number }[];
      }[];
    }>(`/api/stats/factors?${MARCH}`);
    const ks3 = report.surveys.find((s) => s.survey === 'ks3')!;
    expect(ks3.items).toEqual([
      expect.objectContaining({ key: 'a5', scale: 'scale5', satisfied: 2, valid: 3 }),
      expect.objectContaining({ key: 'a3', scale: 'scale3', satisfied: 3, valid: 4 }),
    ]);
    expect(ks3.factors.map((f) => [f.key, f.satisfied, f.valid])).toEqual([
      ['f1', 5, 7],
      ['f2', 0, 0],
    ]);
  });
});

describe('GET /api/comments on a 3-level survey', () => {
  it('gives each rating its scale, so a 2 reads Hài lòng there', async () => {
    const list = await get<{ items: { comment: string; rating: number; ratingScale: string; satisfied: boolean }[] }>(
      `/api/comments?${MARCH}`,
    );
    expect(list.items.map((i) => [i.comment, i.rating, i.ratingScale, i.satisfied])).toEqual([
      ['Được', 2, 'scale3', true],
      ['Chờ lâu', 1, 'scale3', false],
    ]);
  });
});
