import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitsInForce } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, login, newClientKey, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
let units: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
});
afterAll(() => t.close());

const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, who = cookie) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie: who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
};

// The hand-worked wave of test/unit/stratified-rate.test.ts, entered interview by interview.
const PLAN = [
  { code: '11953', population: 1000, interviews: 50, satisfied: 40, required: 286 },
  { code: '11980', population: 500, interviews: 50, satisfied: 45, required: 223 },
  { code: '33-TTPVHCC', population: 200, interviews: 40, satisfied: 30, required: 134 },
];

describe('a sociological survey wave', () => {
  let waveId: number;

  it('is set up with strata and refuses a plan that does not hold together', async () => {
    const bad = await call<{ fields: Record<string, unknown> }>('POST', '/api/waves', {
      name: 'x',
      survey: 'sipas-counter',
      from: '2026-05-01',
      to: '2026-04-01',
      strata: [],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['from', 'strata']);
    const unknown = await call('POST', '/api/waves', {
      name: 'x',
      survey: 'nope',
      from: '2026-04-01',
      to: '2026-05-01',
      strata: [{ unitId: units['11953'], population: 10 }],
    });
    expect(unknown.status).toBe(422);

    const created = await call<{ id: number }>('POST', '/api/waves', {
      name: 'Điều tra XHH 2026',
      survey: 'sipas-counter',
      sector: 'land',
      from: '2026-04-01',
      to: '2026-06-30',
      strata: PLAN.map((p) => ({ unitId: units[p.code], population: p.population })),
    });
    expect(created.status).toBe(201);
    waveId = created.body.id;
  });

  it('shows the Yamane sample size per stratum and the fieldwork still to do', async () => {
    const wave = await call<{ strata: { unitName: string; population: number; required: number; collected: number; shortfall: number }[] }>(
      'GET',
      `/api/waves/${waveId}`,
    );
    // in tree order: Phường Phố Hiến (11953), made by the demo merge of 1 July 2025, comes last
    expect(wave.body.strata.map((s) => [s.population, s.required, s.collected, s.shortfall])).toEqual([
      [500, 223, 0, 223],
      [200, 134, 0, 134],
      [1000, 286, 0, 286],
    ]);
  });

  it('takes interviews through the writer path, keeping them out of the counter rates', async () => {
    const before = await call<{ overall: { n: number } }>('GET', '/api/stats?from=2020-01-01&to=2030-12-31');
    const form = await call<{ survey: { versionId: number; factors: { items: { key: string }[] }[] } }>('GET', `/api/waves/${waveId}/form`);
    expect(form.body.survey.factors.flatMap((f) => f.items)).toHaveLength(22);
    for (const p of PLAN) {
      for (let i = 0; i < p.interviews; i++) {
        const res = await call('POST', `/api/waves/${waveId}/responses`, {
          clientKey: newClientKey(),
          unitId: units[p.code],
          answers: { overall: i < p.satisfied ? 4 : 2, access_1: 5, procedure_1: null },
        });
        expect(res.status).toBe(201);
      }
    }
    const after = await call<{ overall: { n: number } }>('GET', '/api/stats?from=2020-01-01&to=2030-12-31');
    expect(after.body.overall.n).toBe(before.body.overall.n);
  });

  it('is rated with weights N_h / n_h: 82.35 % on the design n 114.47 (n_eff 111.15), beside the unweighted 82.14 %', async () => {
    const wave = await call<{
      strata: { collected: number; shortfall: number; weight: number; rate: number }[];
      weighted: {
        rate: number;
        nEff: number;
        nDesign: number;
        intervalBasis: string;
        standardError: number;
        interval: { low: number; high: number };
        n: number;
        target: number;
        verdict: string;
        confidence: string;
      };
      unweighted: { rate: number; n: number };
    }>('GET', `/api/waves/${waveId}`);
    expect(wave.body.strata.map((s) => [s.collected, s.shortfall, s.weight, s.rate])).toEqual([
      [50, 173, 10, 90],
      [40, 94, 5, 75],
      [50, 236, 20, 80],
    ]);
    expect(wave.body.weighted.rate).toBeCloseTo(82.3529, 3);
    expect(wave.body.weighted.nEff).toBeCloseTo(111.1538, 3);
    // The interval is on the stratified design with fpc, hand-worked in test/unit/stratified-rate.test.ts.
    expect(wave.body.weighted.nDesign).toBeCloseTo(1070160 / 9349, 9);
    expect(wave.body.weighted.intervalBasis).toBe('design');
    expect(wave.body.weighted.standardError).toBeCloseTo(3.56315, 4);
    expect(wave.body.weighted.interval.low).toBeCloseTo(74.35327, 4);
    expect(wave.body.weighted.interval.high).toBeCloseTo(88.25164, 4);
    expect(wave.body.weighted).toMatchObject({ n: 140, target: 85, verdict: 'not_met' });
    expect(wave.body.unweighted.rate).toBeCloseTo(82.1429, 3);
  });

  it('exports its interviews with the weights as a variable, and nothing else', async () => {
    const csv = await (
      await t.app.request(`/api/exports/responses.csv?wave=${waveId}&from=2020-01-01&to=2030-12-31`, { headers: { cookie } })
    ).text();
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(140);
    const weights = new Map<string, Set<string>>();
    for (const r of rows) weights.set(r.unit_code!, (weights.get(r.unit_code!) ?? new Set()).add(r.weight!));
    expect(Object.fromEntries([...weights].map(([k, v]) => [k, [...v]]))).toEqual({
      '11953': ['20'],
      '11980': ['10'],
      '33-TTPVHCC': ['5'],
    });
    expect(rows.every((r) => r.channel === 'interviewer' && r.counter_code === '')).toBe(true);
    const counterCsv = await (
      await t.app.request('/api/exports/responses.csv?from=2020-01-01&to=2030-12-31', { headers: { cookie } })
    ).text();
    expect(counterCsv).not.toContain('interviewer');
  });

  it('refuses an interview for a unit outside the wave, bad answers, and roles that may not enter', async () => {
    const before = await dbSnapshot(t.db);
    const outside = await call('POST', `/api/waves/${waveId}/responses`, {
      clientKey: newClientKey(),
      unitId: units.HY,
      answers: { overall: 4 },
    });
    expect(outside.status).toBe(422);
    const badAnswers = await call<{ fields: Record<string, unknown> }>('POST', `/api/waves/${waveId}/responses`, {
      clientKey: newClientKey(),
      unitId: units['11953'],
      answers: { overall: 6, access_q: 3 },
    });
    expect(badAnswers.status).toBe(422);
    expect(Object.keys(badAnswers.body.fields).sort()).toEqual(['access_q', 'overall']);
    await createUser(t.db.dbWrite, {
      tenant_id: t.state.tenantId,
      username: 'officer1',
      password_hash: await hashPassword('officer-password'),
      role: 'officer',
    });
    const officer = await login(t.app, 'officer1', 'officer-password');
    const denied = await call<{ error: string }>(
      'POST',
      `/api/waves/${waveId}/responses`,
      { clientKey: newClientKey(), unitId: units['11953'], answers: { overall: 4 } },
      officer,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatch(/interviewer/);
    expect((await call('POST', '/api/waves', { name: 'x' }, officer)).status).toBe(403);
    expect((await call('GET', '/api/waves/99999')).status).toBe(404);
    expect(await dbSnapshot(t.db)).toEqual(before);
  });
});
