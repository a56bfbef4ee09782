import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitsInForce } from '../../db/units';
import { addDays, localDay } from '../../surveys/time';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

// Answers given today at the counters, some naming a dossier the one-stop system later sends.
let t: TestApp;
let cookie: string;
const today = localDay(new Date());
const period = `from=${addDays(today, -7)}&to=${today}`;
const code = (n: number) => `000.00.17.H31-261201-${String(n).padStart(4, '0')}`;

const HEADER = 'code,procedure_code,sector,unit_code,channel,received_at,due_at,finished_at,rating,rating_scale,complained';
const dossier = (n: number, sector: string, unit: string, extra = ',,') =>
  `${code(n)},1.004227,${sector},${unit},in_person,${addDays(today, -3)} 08:00,${addDays(today, 5)} 17:00,${today} 00:05${extra}`;

const api = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface Summary {
  n: number;
  satisfied: number;
  rate: number | null;
  verdict: string;
  target: number;
}
interface BesideRow {
  key: string;
  label: string;
  survey: Summary | null;
  r3: Ratio;
  r1: Ratio;
  r2: Ratio;
  online: Summary;
  dossiers: number;
  answersWithDossier: number;
}
interface Beside {
  overall: BesideRow;
  rows: BesideRow[];
  open: { open: number; pastDue: number };
}
interface Stats {
  overall: Summary;
  rows: (Summary & { key: string })[];
}
interface Index {
  overall: { r3: Ratio; r1: Ratio; r2: Ratio; dossiers: { total: number } };
  rows: { key: string; r3: Ratio; dossiers: { total: number } }[];
}

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  const answers: [string, number, number | null][] = [
    ['demo-land', 5, 1],
    ['demo-land', 1, 2],
    ['demo-land', 4, 3], // names a dossier that never arrives
    ['demo-land', 5, null],
    ['demo-health', 5, 4],
    ['demo-civil', 2, null], // a sector with answers and no dossiers
  ];
  for (const [counter, overall, n] of answers) {
    const res = await submitJson(t.app, counter, { answers: { overall }, ...(n === null ? {} : { dossierCode: code(n) }) });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  const sheet = [
    HEADER,
    dossier(1, 'land', '33-TTPVHCC'),
    dossier(2, 'land', '33-TTPVHCC', ',1,3,no'), // rated "không hài lòng"
    dossier(4, 'health', '33-BVDK'),
    dossier(5, 'construction', '33-TTPVHCC'), // a sector with dossiers and no answers
  ].join('\n');
  const res = await t.app.request('/api/dossiers/import?name=ho-so.csv', {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: sheet,
  });
  expect(res.status).toBe(201);
});
afterAll(() => t.close());

describe('the Decision 766 index beside the survey', () => {
  it('counts the answers naming a stored dossier, per sector and overall, and keeps groups of either side', async () => {
    const body = await api<Beside>(`/api/indices/766/beside-survey?${period}&groupBy=sector`);
    const by = Object.fromEntries(body.rows.map((r) => [r.key, r]));
    expect(body.overall.answersWithDossier).toBe(3);
    expect(by.land!.answersWithDossier).toBe(2);
    expect(by.health!.answersWithDossier).toBe(1);
    expect(by.civil_status).toMatchObject({ answersWithDossier: 0, dossiers: 0, r3: { denominator: 0, value: null } });
    expect(by.civil_status!.survey).toMatchObject({ n: 1, satisfied: 0 });
    expect(by.construction).toMatchObject({ survey: null, dossiers: 1, r3: { numerator: 1, denominator: 1 } });
    expect(by.land).toMatchObject({ dossiers: 2, r3: { numerator: 1, denominator: 2 } });
  });

  it('gives the survey rate /api/stats gives and the ratios /api/indices/766 gives, for the same filter', async () => {
    for (const groupBy of ['sector', 'unit'] as const) {
      const [beside, stats, index] = await Promise.all([
        api<Beside>(`/api/indices/766/beside-survey?${period}&groupBy=${groupBy}`),
        api<Stats>(`/api/stats?${period}&groupBy=${groupBy}`),
        api<Index>(`/api/indices/766?${period}&groupBy=${groupBy}`),
      ]);
      expect(beside.overall.survey).toMatchObject({ n: stats.overall.n, satisfied: stats.overall.satisfied, rate: stats.overall.rate });
      expect(beside.overall.survey!.verdict).toBe(stats.overall.verdict);
      expect(beside.overall.r3).toEqual(index.overall.r3);
      expect(beside.overall.r1).toEqual(index.overall.r1);
      expect(beside.overall.r2).toEqual(index.overall.r2);
      expect(beside.overall.dossiers).toBe(index.overall.dossiers.total);
      for (const s of stats.rows) {
        const row = beside.rows.find((r) => r.key === s.key)!;
        expect(row.survey, `${groupBy} ${s.key}`).toMatchObject({ n: s.n, satisfied: s.satisfied, rate: s.rate, target: s.target });
      }
      for (const i of index.rows) expect(beside.rows.find((r) => r.key === i.key)!.r3).toEqual(i.r3);
      expect(new Set(beside.rows.map((r) => r.key))).toEqual(new Set([...stats.rows.map((r) => r.key), ...index.rows.map((r) => r.key)]));
    }
    // 6 answers, 4 satisfied (5, 4, 5, 5): the survey side; R3 over the 4 dossiers, one rated unsatisfied.
    const overall = (await api<Beside>(`/api/indices/766/beside-survey?${period}`)).overall;
    expect(overall.survey).toMatchObject({ n: 6, satisfied: 4 });
    expect(overall.r3).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it('groups by unit: the service centre has two answers with a stored dossier, the hospital one', async () => {
    const units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, String(u.id)]));
    const body = await api<Beside>(`/api/indices/766/beside-survey?${period}&groupBy=unit`);
    const by = Object.fromEntries(body.rows.map((r) => [r.key, r]));
    expect(by[units['33-TTPVHCC']!]).toMatchObject({
      answersWithDossier: 2,
      dossiers: 3,
      label: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên',
    });
    expect(by[units['33-BVDK']!]).toMatchObject({ answersWithDossier: 1, dossiers: 1 });
  });

  it('keeps to the period: answers of another period count nowhere', async () => {
    const body = await api<Beside>(`/api/indices/766/beside-survey?from=2026-01-01&to=2026-01-31`);
    expect(body.overall).toMatchObject({ answersWithDossier: 0, dossiers: 0, survey: null });
  });
});
