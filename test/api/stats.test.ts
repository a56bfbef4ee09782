import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups, GROUP_BYS, type StatsFilter } from '../../db/stats';
import { findUnit, listUnitsInForce } from '../../db/units';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
});
afterAll(() => t.close());

const get = (path: string) => t.app.request(path, { headers: { cookie } });

interface Row {
  key: string;
  label: string;
  n: number;
  satisfied: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  target: number;
  verdict: string;
  confidence: string | null;
}
interface Stats {
  overall: Row;
  rows: Row[];
}

describe('access', () => {
  it('answers 401 without a session and with a wrong password', async () => {
    expect((await t.app.request('/api/stats')).status).toBe(401);
    expect((await t.app.request('/api/meta')).status).toBe(401);
    const bad = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong-password' }),
    });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('Wrong username or password.');
  });

  it('sets an HttpOnly, SameSite session cookie, and logout ends the session', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'test-admin-password' }),
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const own = setCookie.split(';')[0]!;
    expect((await t.app.request('/api/auth/me', { headers: { cookie: own } })).status).toBe(200);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: own } })).status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: own } })).status).toBe(401);
  });
});

describe('GET /api/stats against hand-worked figures', () => {
  it('counts satisfied answers to the overall question per sector, with the interval and verdict', async () => {
    // Land: overall answers 5, 4, 2 → 2 satisfied of 3 valid = 66.67 %, below 30 answers: too few.
    for (const overall of [5, 4, 2]) expect((await submitJson(t.app, 'demo-land', { answers: { overall } })).status).toBe(201);
    // Health (overall rule too): 3 → not satisfied.
    const health = await submitJson(t.app, 'demo-health', { answers: { overall: 3 } });
    expect(health.status).toBe(201);
    const res = await get('/api/stats?groupBy=sector');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Stats;
    const land = stats.rows.find((r) => r.key === 'land')!;
    expect(land).toMatchObject({ label: 'Đất đai', n: 3, satisfied: 2, target: 85, verdict: 'too_few', confidence: null });
    expect(land.rate).toBeCloseTo(66.667, 2);
    // Wilson, p = 2/3, n = 3, z = 1.96: centre (0.6667 + 0.6403)/2.2805 = 0.5731, half 0.3648 → 20.77 … 93.85
    expect(land.interval!.low).toBeCloseTo(20.77, 1);
    expect(land.interval!.high).toBeCloseTo(93.85, 1);
    expect(stats.rows.find((r) => r.key === 'health')).toMatchObject({ n: 1, satisfied: 0, rate: 0, target: 85 });
    expect(stats.overall).toMatchObject({ n: 4, satisfied: 2, rate: 50, target: 90 });
  });

  it('gives a verdict from 30 answers on: 27 of 30 at the civil-status counter is 90 % = target, met', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await submitJson(t.app, 'demo-civil', { answers: { overall: i < 27 ? 5 : 1 }, sector: 'civil_status' });
      expect(res.status).toBe(201);
    }
    const stats = (await (await get('/api/stats?groupBy=sector&sector=civil_status')).json()) as Stats;
    expect(stats.rows).toHaveLength(1);
    // exactly at the target is met; the interval (74.4 … 96.5) straddles 90, so not conclusive
    expect(stats.rows[0]).toMatchObject({
      key: 'civil_status',
      n: 30,
      satisfied: 27,
      rate: 90,
      target: 90,
      verdict: 'met',
      confidence: 'not_conclusive',
    });
    expect(stats.overall).toMatchObject({ n: 30, satisfied: 27, target: 90 });
  });

  it('filters by unit subtree, counter and channel, and groups by unit and counter', async () => {
    const units = await listUnitsInForce(t.db.dbRead, t.state.tenantId);
    const ward = units.find((u) => u.code === '11953')!;
    const province = units.find((u) => u.code === '33')!;
    const centre = units.find((u) => u.code === '33-TTPVHCC')!;
    const inWard = (await (await get(`/api/stats?unit=${ward.id}&groupBy=none`)).json()) as Stats;
    expect(inWard.overall.n).toBe(30);
    // the service centre's subtree holds its own counters only, not the ward's
    const inCentre = (await (await get(`/api/stats?unit=${centre.id}&groupBy=none`)).json()) as Stats;
    expect(inCentre.overall.n).toBe(3);
    // the province's subtree holds them all: the ward, the service centre and the hospital
    const inProvince = (await (await get(`/api/stats?unit=${province.id}&groupBy=unit`)).json()) as Stats;
    expect(inProvince.overall.n).toBe(34);
    expect(inProvince.rows.map((r) => [r.label, r.n]).sort()).toEqual([
      ['Bệnh viện Đa khoa tỉnh Hưng Yên', 1],
      ['Phường Phố Hiến', 30],
      ['Trung tâm Phục vụ hành chính công tỉnh Hưng Yên', 3],
    ]);
    const byCounter = (await (await get('/api/stats?counter=demo-land&groupBy=counter')).json()) as Stats;
    expect(byCounter.rows).toEqual([expect.objectContaining({ label: 'Quầy Đất đai', n: 3 })]);
    const kiosk = (await (await get('/api/stats?channel=kiosk')).json()) as Stats;
    expect(kiosk.overall.n).toBe(0);
    expect(kiosk.rows).toEqual([]);
  });

  it('refuses a bad filter with 400 and says which parameter is wrong', async () => {
    const res = await get('/api/stats?from=2026-13-01&groupBy=year');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, unknown> };
    expect(Object.keys(body.fields).sort()).toEqual(['from', 'groupBy']);
    expect((body.fields as Record<string, { vi: string }>).from!.vi).toMatch(/YYYY-MM-DD/);
    expect((await get('/api/stats?from=2026-05-01&to=2026-04-01')).status).toBe(400);
    expect((await get('/api/stats?unit=999999')).status).toBe(404);
  });
});

describe('rollups equal a recount from raw responses', () => {
  it('for every grouping and several filters, on a random data set with flagged answers', async () => {
    await storeRandomResponses(t.db, {
      count: 1500,
      seed: 42,
      codes: ['demo-land', 'demo-investment', 'demo-health', 'demo-education', 'demo-civil'],
      from: new Date('2025-12-20T10:00:00Z'),
      days: 120,
      flaggedShare: 0.05,
    });
    const ward = (await listUnitsInForce(t.db.dbRead, t.state.tenantId)).find((u) => u.code === '11953')!;
    const base: StatsFilter = { tenantId: t.state.tenantId, from: '2025-12-01', to: '2026-12-31' };
    const filters: StatsFilter[] = [
      base,
      { ...base, from: '2026-01-15', to: '2026-02-14' },
      // Whole months from the monthly rollups, the days around them from the daily ones.
      { ...base, from: '2025-12-24', to: '2026-03-10' },
      { ...base, sector: 'business' },
      { ...base, channel: 'kiosk' },
      { ...base, unitPath: (await findUnit(t.db.dbRead, t.state.tenantId, ward.id))!.path },
    ];
    let compared = 0;
    for (const filter of filters) {
      for (const groupBy of GROUP_BYS) {
        const fromRollups = await satisfiedCountsFromRollups(t.db.dbRead, filter, groupBy);
        const recount = await satisfiedCountsFromResponses(t.db.dbRead, filter, groupBy);
        expect(fromRollups).toEqual(recount);
        compared += recount.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('and the API figures equal the recount', async () => {
    const filter: StatsFilter = { tenantId: t.state.tenantId, from: '2026-01-01', to: '2026-03-31' };
    const recount = await satisfiedCountsFromResponses(t.db.dbRead, filter, 'month');
    const stats = (await (await get('/api/stats?from=2026-01-01&to=2026-03-31&groupBy=month')).json()) as Stats;
    expect(stats.rows.map((r) => ({ key: r.key, satisfied: r.satisfied, valid: r.n }))).toEqual(recount);
    expect(recount.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const [whole] = await satisfiedCountsFromResponses(t.db.dbRead, filter, 'none');
    expect({ satisfied: stats.overall.satisfied, valid: stats.overall.n }).toEqual({ satisfied: whole!.satisfied, valid: whole!.valid });
  });
});

describe('GET /api/meta', () => {
  it('lists sectors in the plan order with the targets in force, and the unit tree', async () => {
    const meta = (await (await get('/api/meta')).json()) as {
      sectors: { code: string; target: number }[];
      units: { id: number; parentId: number | null; name: string }[];
      counters: { code: string }[];
      overallTarget: number;
    };
    expect(meta.sectors.slice(0, 5).map((s) => [s.code, s.target])).toEqual([
      ['land', 85],
      ['construction', 85],
      ['investment', 85],
      ['health', 85],
      ['education', 85],
    ]);
    expect(meta.sectors.find((s) => s.code === 'civil_status')!.target).toBe(90);
    expect(meta.overallTarget).toBe(90);
    expect(meta.units.filter((u) => u.parentId === null).map((u) => u.name)).toEqual(['Tỉnh Hưng Yên']);
    expect(meta.counters).toHaveLength(7);
  });
});
