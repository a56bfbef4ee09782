import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

/**
 * A row is judged against the target of the sectors its answers belong to (docs/domain.md §4):
 * the same 30 hospital answers get the same verdict whether grouped by sector, unit or counter.
 */
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  // Health: 26 of 30 satisfied = 86.67 %: meets health's 85 %, would fail the overall 90 %.
  for (let i = 0; i < 30; i++) expect((await submitJson(t.app, 'demo-health', { answers: { overall: i < 26 ? 5 : 1 } })).status).toBe(201);
  // Land at the one-stop centre: 3 of 4.
  for (const overall of [5, 5, 4, 1]) expect((await submitJson(t.app, 'demo-land', { answers: { overall } })).status).toBe(201);
});
afterAll(() => t.close());

interface Row {
  key: string;
  n: number;
  satisfied: number;
  target: number;
  verdict: string;
  targetBasis: string;
  sectors?: { sector: string; n: number; satisfied: number; target: number; verdict: string }[];
}
const stats = async (query: string) => {
  const res = await t.app.request(`/api/stats?${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as { overall: Row; rows: Row[] };
};
const hospitalRow = (rows: Row[]) => rows.find((r) => r.n === 30)!;

describe('the target each row is judged against', () => {
  it('judges the hospital by the health target in every grouping: 26/30 is met against 85 %', async () => {
    for (const groupBy of ['sector', 'unit', 'counter']) {
      const row = hospitalRow((await stats(`groupBy=${groupBy}`)).rows);
      expect({ groupBy, ...row }).toMatchObject({ groupBy, satisfied: 26, target: 85, verdict: 'met', targetBasis: 'sector' });
      expect(row.sectors).toBeUndefined();
    }
  });

  it('judges a row of several sectors against the overall target, says so, and breaks it down by sector', async () => {
    const { rows, overall } = await stats('groupBy=none');
    for (const row of [rows[0]!, overall]) {
      expect(row).toMatchObject({ n: 34, satisfied: 29, target: 90, verdict: 'not_met', targetBasis: 'mixed' });
      // Plan order: land before health; each part against its own sector's target.
      expect(row.sectors).toEqual([
        expect.objectContaining({ sector: 'land', n: 4, satisfied: 3, target: 85, verdict: 'too_few' }),
        expect.objectContaining({ sector: 'health', n: 30, satisfied: 26, target: 85, verdict: 'met' }),
      ]);
    }
  });

  it('judges the whole filter by its one sector when only one is in it', async () => {
    const { overall } = await stats('groupBy=sector&sector=health');
    expect(overall).toMatchObject({ n: 30, target: 85, verdict: 'met', targetBasis: 'sector' });
  });
});
