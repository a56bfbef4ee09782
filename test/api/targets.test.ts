import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter, findActiveCounter, type ActiveCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import { currentPlanYear } from '../../surveys/plan-targets';
import { respondentSatisfied } from '../../surveys/scoring';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

/**
 * The province's plan (docs/domain.md §2): targets per plan year and sector, the target in force
 * for any period, past years changed only with a reason in the audit log, and sectors of its own
 * that work end to end, from a counter's answers to /api/stats.
 */
let t: TestApp;
let admin: string;
let analyst: string;
let communeAdmin: string;
const YEAR = currentPlanYear();
const NEXT = YEAR + 1;
const PAST = YEAR - 1;

interface Line {
  sector: string;
  target: number;
  fromYear: number | null;
  source: string;
  name: { vi: string; en: string };
  isLocal: boolean;
}
interface TargetsView {
  year: number;
  targets: Line[];
  planYears: number[];
  changed?: { sector: string; from: number; to: number }[];
}
interface ErrorBody {
  error: string;
  message: { vi: string; en: string };
  fields?: Record<string, { vi: string; en: string }>;
}

const request = (cookie: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  t.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const targetsOf = async (year: number) => {
  const res = await request(admin, `/api/targets?year=${year}`);
  expect(res.status).toBe(200);
  return (await res.json()) as TargetsView;
};
const line = (view: TargetsView, sector: string) => view.targets.find((l) => l.sector === sector)!;
const put = (year: number, body: unknown, cookie = admin) => request(cookie, `/api/targets?year=${year}`, { method: 'PUT', body });
const auditOf = async (action: string) => {
  const res = await request(admin, `/api/audit?action=${action}&limit=50`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { subject: string; details: Record<string, unknown> }[] }).items;
};

async function account(username: string, role: string, unitId: number | null) {
  const password = `${username}-password-1`;
  const res = await request(admin, '/api/users', { method: 'POST', body: { username, role, unitId, password } });
  expect(res.status).toBe(201);
  return login(t.app, username, password);
}

let land: ActiveCounter;
let seq = 0;
/** 30 land answers in June of a year, 26 satisfied: 86.7 %, met against 85, not against 88. */
async function juneAnswers(year: number) {
  const answers = Array.from({ length: 30 }, (_, i): NewResponse => {
    const given = { overall: i < 26 ? 5 : 2 };
    return {
      tenant_id: land.tenant_id,
      survey_version_id: land.surveyVersion.id,
      counter_id: land.id,
      unit_id: land.unit_id,
      sector_code: 'land',
      channel: 'qr',
      submitted_at: new Date(`${year}-06-${String((i % 28) + 1).padStart(2, '0')}T03:00:00Z`),
      answers: given,
      comment: null,
      dossier_code: null,
      client_key: `targets-${year}-${++seq}`,
      token_id: null,
      satisfied: respondentSatisfied(land.surveyVersion.definition, given),
    };
  });
  await storeResponses(t.db.dbWrite, answers);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
  analyst = await account('targets-analyst', 'analyst', null);
  communeAdmin = await account('commune-admin', 'admin', land.unit_id);
  await juneAnswers(YEAR);
  await juneAnswers(NEXT);
});
afterAll(() => t.close());

describe('GET /api/targets', () => {
  it('gives this year the overall target first, then every sector in plan order, each with the plan year that set it', async () => {
    const res = await request(analyst, '/api/targets');
    expect(res.status).toBe(200);
    const view = (await res.json()) as TargetsView;
    expect(view.year).toBe(YEAR);
    expect(view.planYears).toEqual([YEAR]);
    expect(view.targets.map((l) => l.sector).slice(0, 7)).toEqual([
      '_overall',
      'land',
      'construction',
      'investment',
      'health',
      'education',
      'civil_status',
    ]);
    expect(line(view, '_overall')).toMatchObject({ target: 90, fromYear: YEAR, source: 'plan' });
    expect(line(view, 'land')).toMatchObject({ target: 85, fromYear: YEAR, name: { vi: 'Đất đai', en: 'Land' }, isLocal: false });
    expect(line(view, 'justice')).toMatchObject({ target: 90, fromYear: YEAR });
  });

  it('shows a year before any plan against the built-in defaults, with no plan year', async () => {
    const view = await targetsOf(2001);
    expect(line(view, 'land')).toMatchObject({ target: 85, fromYear: null, source: 'default' });
    expect(line(view, '_overall')).toMatchObject({ target: 90, fromYear: null, source: 'default' });
  });

  it('refuses a year that is not a whole number from 2000 to 2100, in both languages', async () => {
    for (const year of ['abc', '1999', '2101', '2026.5', '-2026']) {
      const res = await request(admin, `/api/targets?year=${year}`);
      expect(res.status, year).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.message.vi).toContain('Năm kế hoạch');
      expect(body.message.en).toContain('plan year');
    }
  });
});

describe('PUT /api/targets', () => {
  it('sets next year’s land target to 88: that year shows 88 from its own plan, this year keeps 85', async () => {
    const res = await put(NEXT, { targets: [{ sector: 'land', target: 88 }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TargetsView;
    expect(body.changed).toEqual([{ sector: 'land', from: 85, to: 88 }]);
    expect(line(await targetsOf(NEXT), 'land')).toMatchObject({ target: 88, fromYear: NEXT, source: 'plan' });
    // Other sectors of next year keep this year's plan.
    expect(line(await targetsOf(NEXT), 'health')).toMatchObject({ target: 85, fromYear: YEAR });
    expect(line(await targetsOf(YEAR), 'land')).toMatchObject({ target: 85, fromYear: YEAR });
    expect((await targetsOf(YEAR)).planYears).toEqual([YEAR, NEXT]);
    const entry = (await auditOf('target_changed')).find((e) => e.subject === `target:${NEXT}:land`);
    expect(entry?.details).toEqual({ year: NEXT, sector: 'land', from: 85, to: 88 });
  });

  it('judges each period’s figures against its own year’s target at once: 26 of 30 meets 85, not 88', async () => {
    const stats = async (year: number) => {
      const res = await request(admin, `/api/stats?from=${year}-06-01&to=${year}-06-30&groupBy=sector&sector=land`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { rows: { key: string; n: number; target: number; verdict: string }[] }).rows;
    };
    expect(await stats(YEAR)).toEqual([expect.objectContaining({ key: 'land', n: 30, target: 85, verdict: 'met' })]);
    expect(await stats(NEXT)).toEqual([expect.objectContaining({ key: 'land', n: 30, target: 88, verdict: 'not_met' })]);
    // A change shows in the very next request: no stale cache.
    expect((await put(NEXT, { targets: [{ sector: 'land', target: 86 }] })).status).toBe(200);
    expect(await stats(NEXT)).toEqual([expect.objectContaining({ target: 86, verdict: 'met' })]);
    expect((await put(NEXT, { targets: [{ sector: 'land', target: 88 }] })).status).toBe(200);
    expect(await stats(NEXT)).toEqual([expect.objectContaining({ target: 88, verdict: 'not_met' })]);
  });

  it('writes only the values that change', async () => {
    const before = (await auditOf('target_changed')).length;
    const res = await put(NEXT, {
      targets: [
        { sector: 'land', target: 88 },
        { sector: 'health', target: 85 },
      ],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as TargetsView).changed).toEqual([]);
    expect((await auditOf('target_changed')).length).toBe(before);
    expect(line(await targetsOf(NEXT), 'health')).toMatchObject({ fromYear: YEAR });
  });

  it('refuses a past year’s change without a reason, naming it, and changes nothing', async () => {
    for (const reason of [undefined, '', 'too short']) {
      const res = await put(PAST, { targets: [{ sector: 'land', target: 87 }], ...(reason === undefined ? {} : { reason }) });
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.fields?.reason?.vi).toContain('lý do');
      expect(body.message.en).toContain('reason');
    }
    expect(line(await targetsOf(PAST), 'land')).toMatchObject({ target: 85, fromYear: null });
  });

  it('changes a past year with a reason, and the audit entry keeps it', async () => {
    const reason = 'Sửa theo Kế hoạch điều chỉnh số 12/KH-UBND';
    const res = await put(PAST, { targets: [{ sector: 'land', target: 87 }], reason });
    expect(res.status).toBe(200);
    expect(line(await targetsOf(PAST), 'land')).toMatchObject({ target: 87, fromYear: PAST });
    const entry = (await auditOf('target_changed')).find((e) => e.subject === `target:${PAST}:land`);
    expect(entry?.details).toEqual({ year: PAST, sector: 'land', from: 85, to: 87, reason });
    // This year's own plan still wins over the earlier one.
    expect(line(await targetsOf(YEAR), 'land')).toMatchObject({ target: 85, fromYear: YEAR });
  });

  it('refuses 101, 0, text, two decimals and an unknown sector, all or nothing', async () => {
    const cases: [unknown, string][] = [
      [101, 'targets.0.target'],
      [0, 'targets.0.target'],
      [-5, 'targets.0.target'],
      ['abc', 'targets.0.target'],
      [87.25, 'targets.0.target'],
    ];
    for (const [target, field] of cases) {
      const res = await put(YEAR, { targets: [{ sector: 'land', target }] });
      expect(res.status, String(target)).toBe(422);
      expect(Object.keys(((await res.json()) as ErrorBody).fields ?? {})).toContain(field);
    }
    const mixed = await put(YEAR, {
      targets: [
        { sector: 'health', target: 80 },
        { sector: 'no_such_sector', target: 80 },
      ],
    });
    expect(mixed.status).toBe(422);
    const body = (await mixed.json()) as ErrorBody;
    expect(body.fields?.['targets.1.sector']?.vi).toContain('no_such_sector');
    expect(line(await targetsOf(YEAR), 'health')).toMatchObject({ target: 85 });
    expect((await put(YEAR, { targets: [] })).status).toBe(422);
  });

  it('accepts one decimal for this year without a reason', async () => {
    const res = await put(YEAR, { targets: [{ sector: '_overall', target: 90.5 }] });
    expect(res.status).toBe(200);
    expect(line(await targetsOf(YEAR), '_overall')).toMatchObject({ target: 90.5, fromYear: YEAR });
    expect((await put(YEAR, { targets: [{ sector: '_overall', target: 90 }] })).status).toBe(200);
  });

  it('refuses a commune administrator (targets are the province’s plan) and an analyst, and changes nothing', async () => {
    const res = await put(YEAR, { targets: [{ sector: 'land', target: 80 }] }, communeAdmin);
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).message.vi).toContain('kế hoạch của tỉnh');
    expect((await put(YEAR, { targets: [{ sector: 'land', target: 80 }] }, analyst)).status).toBe(403);
    expect(line(await targetsOf(YEAR), 'land').target).toBe(85);
    // Reading stays open to them.
    expect((await request(communeAdmin, '/api/targets')).status).toBe(200);
  });
});

describe('sectors of the province’s own', () => {
  it('adds one with a target for this year: 201, audited, in /api/sectors, /api/targets and /api/meta', async () => {
    const res = await request(admin, '/api/sectors', {
      method: 'POST',
      body: { code: 'fire_safety', name: { vi: 'Phòng cháy, chữa cháy' }, target: 80 },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ code: 'fire_safety', name: { vi: 'Phòng cháy, chữa cháy', en: 'Phòng cháy, chữa cháy' } });
    const entry = (await auditOf('sector_created')).find((e) => e.subject === 'sector:fire_safety');
    expect(entry?.details).toMatchObject({ code: 'fire_safety', target: { year: YEAR, to: 80 } });

    const sectors = (await (await request(analyst, '/api/sectors')).json()) as { sectors: Line[] };
    expect(sectors.sectors.at(-1)).toMatchObject({ sector: 'fire_safety', isLocal: true, target: 80 });
    const view = await targetsOf(YEAR);
    expect(view.targets.at(-1)).toMatchObject({ sector: 'fire_safety', isLocal: true, target: 80, fromYear: YEAR });

    const meta = (await (await request(analyst, '/api/meta')).json()) as {
      sectors: { code: string; name: { vi: string }; target: number; isLocal: boolean }[];
    };
    expect(meta.sectors.at(-1)).toEqual({
      code: 'fire_safety',
      name: { vi: 'Phòng cháy, chữa cháy', en: 'Phòng cháy, chữa cháy' },
      target: 80,
      isLocal: true,
    });
  });

  it('gives a sector of its own without a target the overall target in force', async () => {
    const res = await request(admin, '/api/sectors', { method: 'POST', body: { code: 'markets', name: { vi: 'Chợ', en: 'Markets' } } });
    expect(res.status).toBe(201);
    expect(line(await targetsOf(YEAR), 'markets')).toMatchObject({ target: 90, fromYear: YEAR, source: 'overall', isLocal: true });
  });

  it('refuses a duplicate code (409), a bad code or name, a bad target (422), and a commune administrator (403)', async () => {
    const post = (body: unknown, cookie = admin) => request(cookie, '/api/sectors', { method: 'POST', body });
    for (const code of ['fire_safety', 'land']) {
      const res = await post({ code, name: { vi: 'Trùng' } });
      expect(res.status, code).toBe(409);
      expect(((await res.json()) as ErrorBody).message.vi).toContain(code);
    }
    for (const body of [
      { code: 'Fire', name: { vi: 'X' } },
      { code: 'a', name: { vi: 'X' } },
      { code: '_overall', name: { vi: 'X' } },
      { code: 'ok_code', name: { en: 'Only English' } },
      { code: 'ok_code', name: { vi: '   ' } },
      { code: 'ok_code', name: { vi: 'X' }, target: 101 },
    ]) {
      expect((await post(body)).status, JSON.stringify(body)).toBe(422);
    }
    expect((await post({ code: 'ok_code', name: { vi: 'X' } }, communeAdmin)).status).toBe(403);
    const codes = ((await (await request(admin, '/api/sectors')).json()) as { sectors: Line[] }).sectors.map((s) => s.sector);
    expect(codes).not.toContain('ok_code');
  });

  it('works end to end: a counter of its own sector takes answers and /api/stats judges them against its target', async () => {
    const fire = await createCounter(t.db.dbWrite, {
      tenant_id: land.tenant_id,
      unit_id: land.unit_id,
      code: 'fire-desk',
      name: 'Quầy PCCC',
      survey_id: land.survey_id,
      sectors: ['land', 'fire_safety'],
    });
    // The citizen's form offers it by its name, not its code.
    const form = await (await t.app.request('/q/fire-desk')).text();
    expect(form).toContain('<option value="fire_safety">Phòng cháy, chữa cháy</option>');
    // 25 of 30 satisfied (83.3 %): met against its own 80 %, not against land's 85 or the overall 90.
    for (let i = 0; i < 30; i++) {
      const res = await submitJson(t.app, fire.code, { answers: { overall: i < 25 ? 5 : 1 }, sector: 'fire_safety' });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const res = await request(analyst, `/api/stats?from=${YEAR}-01-01&to=${YEAR}-12-31&groupBy=sector&sector=fire_safety`);
    expect(res.status).toBe(200);
    const { rows, overall } = (await res.json()) as { rows: Record<string, unknown>[]; overall: Record<string, unknown> };
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'fire_safety',
        label: 'Phòng cháy, chữa cháy',
        n: 30,
        target: 80,
        verdict: 'met',
        targetBasis: 'sector',
      }),
    ]);
    expect(overall).toMatchObject({ n: 30, target: 80, label: 'Phòng cháy, chữa cháy' });
    // A target changed for it shows in the next figures.
    expect((await put(YEAR, { targets: [{ sector: 'fire_safety', target: 84 }] })).status).toBe(200);
    const again = (await (
      await request(analyst, `/api/stats?from=${YEAR}-01-01&to=${YEAR}-12-31&groupBy=sector&sector=fire_safety`)
    ).json()) as {
      rows: Record<string, unknown>[];
    };
    expect(again.rows[0]).toMatchObject({ target: 84, verdict: 'not_met' });
    // The periodic report names it too, in both languages.
    const report = (await (await request(analyst, `/api/reports?kind=custom&from=${YEAR}-01-01&to=${YEAR}-12-31`)).json()) as {
      bySector: { key: string; label: string; labelEn: string; target: number }[];
    };
    expect(report.bySector.find((r) => r.key === 'fire_safety')).toMatchObject({
      label: 'Phòng cháy, chữa cháy',
      labelEn: 'Phòng cháy, chữa cháy',
      target: 84,
    });
    // A survey wave may be of it; of a sector the province lacks, it is refused.
    const wave = (sector: string) =>
      request(analyst, '/api/waves', {
        method: 'POST',
        body: {
          name: `Điều tra ${sector}`,
          survey: 'sipas-counter',
          sector,
          from: `${YEAR}-04-01`,
          to: `${YEAR}-06-30`,
          strata: [{ unitId: land.unit_id, population: 100 }],
        },
      });
    expect((await wave('fire_safety')).status).toBe(201);
    const refused = await wave('no_such_sector');
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).fields?.sector?.vi).toContain('danh mục');
    // An unknown sector is still a mistyped filter.
    expect((await request(analyst, '/api/stats?sector=no_such_sector')).status).toBe(400);
  });
});
