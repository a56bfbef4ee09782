// A designer survey's answers — 3-level codes, a list of ticked codes, a short text — read back
// where hailong shows stored responses: the comments feed, cases, and the flagged answers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askDesignerSurvey } from '../support/designer-survey';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

async function submit(answers: Record<string, unknown>, comment?: string): Promise<number> {
  const res = await submitJson(t.app, 'demo-civil', { answers, comment });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

const DISSATISFIED = { overall: 1, staff: 2, channel_used: 2, problems: [2, 1], suggestion: 'Cần biển chỉ dẫn rõ hơn' };
let dissatisfiedId: number;
let satisfiedId: number;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await askDesignerSurvey(t.db.dbWrite, t.state.tenantId, 'demo-civil');
  dissatisfiedId = await submit(DISSATISFIED, 'Phải chờ lâu');
  satisfiedId = await submit({ overall: 3, channel_used: 1, suggestion: 'Tốt' }, 'Nhanh gọn');
});
afterAll(() => t.close());

describe('reading a designer survey’s answers', () => {
  it('rates comments on the 3-level scale', async () => {
    const feed = await get<{ items: { id: number; rating: number | null; ratingScale: string | null }[] }>('/api/comments?limit=10');
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    expect(byId.get(dissatisfiedId)).toMatchObject({ rating: 1, ratingScale: 'scale3' });
    expect(byId.get(satisfiedId)).toMatchObject({ rating: 3, ratingScale: 'scale3' });
  });

  it('opens a case for Không hài lòng and shows every answer in words, ticks and text included', async () => {
    const cases = await sql<{ id: number; response_id: number }>`select id, response_id from cases`.execute(t.db.dbRead);
    expect(cases.rows.map((c) => Number(c.response_id))).toEqual([dissatisfiedId]);
    const detail = await get<{ response: { answers: unknown; lines: { key: string; answer: { vi: string } | null }[] } }>(
      `/api/cases/${cases.rows[0]!.id}`,
    );
    expect(detail.response.answers).toEqual({ ...DISSATISFIED, problems: [1, 2] });
    expect(Object.fromEntries(detail.response.lines.map((l) => [l.key, l.answer?.vi ?? null]))).toEqual({
      overall: '1 — Không hài lòng',
      staff: '2 — Hài lòng',
      channel_used: '2 — Trực tuyến',
      problems: '1 — Chờ lâu; 2 — Thiếu hướng dẫn',
      suggestion: 'Cần biển chỉ dẫn rõ hơn',
    });
  });

  it('lists a flagged answer with its stored lists and text intact', async () => {
    await sql`update responses set flags = array['burst'] where id = ${dissatisfiedId}`.execute(t.db.dbWrite);
    const flagged = await get<{ items: { id: number; answers: unknown }[] }>('/api/flagged');
    expect(flagged.items.find((i) => i.id === dissatisfiedId)?.answers).toEqual({ ...DISSATISFIED, problems: [1, 2] });
  });
});
