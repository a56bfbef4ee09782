import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../surveys/roles';
import { listUnitsInForce } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let units: Record<string, number>;
const cookies: Record<string, string> = {};

// Who: an administrator (whole tenant), an analyst of one ward, an analyst of the provincial
// public-administration service centre, a counter officer of that centre, an interviewer.
const PEOPLE: { name: string; role: Role; unit: string | null }[] = [
  { name: 'admin', role: 'admin', unit: null },
  { name: 'ward-analyst', role: 'analyst', unit: '11953' },
  { name: 'centre-analyst', role: 'analyst', unit: '33-TTPVHCC' },
  { name: 'officer', role: 'officer', unit: '33-TTPVHCC' },
  { name: 'interviewer', role: 'interviewer', unit: null },
];

beforeAll(async () => {
  t = await createTestApp();
  units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
  const hash = await hashPassword('matrix-password-1');
  for (const p of PEOPLE.slice(1)) {
    await createUser(t.db.dbWrite, {
      tenant_id: t.state.tenantId,
      username: p.name,
      password_hash: hash,
      role: p.role,
      unit_id: p.unit ? units[p.unit]! : null,
    });
  }
  cookies.admin = await login(t.app);
  for (const p of PEOPLE.slice(1)) cookies[p.name] = await login(t.app, p.name, 'matrix-password-1');
  expect((await submitJson(t.app, 'demo-land', { answers: { overall: 1 }, comment: 'Chậm' })).status).toBe(201);
});
afterAll(() => t.close());

type Who = (typeof PEOPLE)[number]['name'];
const ALL: Who[] = PEOPLE.map((p) => p.name);
const READERS: Who[] = ['admin', 'ward-analyst', 'centre-analyst'];

/** Each endpoint, and who may call it (everyone else: 403; nobody signed in: 401). */
const ENDPOINTS: { method?: string; path: () => string; body?: unknown; allowed: Who[] }[] = [
  { path: () => '/api/meta', allowed: ALL },
  { path: () => '/api/auth/me', allowed: ALL },
  { path: () => '/api/stats', allowed: READERS },
  { path: () => '/api/stats/trend', allowed: READERS },
  { path: () => '/api/stats/factors', allowed: READERS },
  { path: () => '/api/stats/distribution', allowed: READERS },
  { path: () => '/api/stats/heatmap', allowed: READERS },
  { path: () => '/api/alerts', allowed: READERS },
  { path: () => '/api/comments', allowed: READERS },
  { path: () => '/api/flagged', allowed: READERS },
  { path: () => '/api/cases', allowed: READERS },
  { path: () => '/api/cases/figures', allowed: READERS },
  { path: () => '/api/exports/responses.csv', allowed: READERS },
  { path: () => '/api/exports/responses.xlsx', allowed: READERS },
  { path: () => '/api/exports/responses.sav', allowed: READERS },
  { path: () => '/api/exports/codebook.json', allowed: READERS },
  { path: () => '/exports/codebook', allowed: READERS },
  { path: () => '/api/reports?kind=h1&year=2026', allowed: READERS },
  { path: () => '/reports/print?kind=h1&year=2026', allowed: READERS },
  { path: () => '/api/reports/report.xlsx?kind=h1&year=2026', allowed: READERS },
  { path: () => '/api/reports/report.docx?kind=h1&year=2026', allowed: READERS },
  { path: () => '/api/reports/settings', allowed: ['admin'] },
  { path: () => '/api/waves', allowed: ['admin', 'ward-analyst', 'centre-analyst', 'interviewer'] },
  { path: () => '/api/officer/counters', allowed: ['admin', 'ward-analyst', 'centre-analyst', 'officer'] },
  { path: () => '/posters/demo-land', allowed: ['admin', 'centre-analyst', 'officer'] },
  { path: () => '/api/users', allowed: ['admin'] },
  { path: () => '/api/audit', allowed: ['admin'] },
  { path: () => '/api/audit/verify', allowed: ['admin'] },
  { path: () => '/api/counters', allowed: ['admin'] },
  { path: () => '/api/privacy/retention', allowed: ['admin'] },
  { path: () => '/api/privacy/retention/preview?months=12', allowed: ['admin'] },
  { method: 'PATCH', path: () => '/api/counters/demo-construction', body: { kiosk: false }, allowed: ['admin'] },
];

/** Endpoints that take a unit: in scope for the analysts of the service centre and of the ward, or not. */
const SCOPED: { path: (unit: number) => string }[] = [
  { path: (u) => `/api/stats?unit=${u}` },
  { path: (u) => `/api/comments?unit=${u}` },
  { path: (u) => `/api/exports/responses.csv?unit=${u}` },
  { path: (u) => `/api/reports?kind=h1&year=2026&unit=${u}` },
  { path: (u) => `/api/cases?unit=${u}` },
  { path: (u) => `/posters/unit/${u}` },
];

async function call(who: Who | null, method: string, path: string, body?: unknown) {
  const res = await t.app.request(path, {
    method,
    headers: { ...(who ? { cookie: cookies[who]! } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('every endpoint × every role', () => {
  it('allows exactly the roles it should, and refuses the others with 403 and anonymous callers with 401', async () => {
    const wrong: string[] = [];
    for (const e of ENDPOINTS) {
      const method = e.method ?? 'GET';
      const path = e.path();
      if ((await call(null, method, path, e.body)) !== 401) wrong.push(`${method} ${path} anonymous`);
      for (const who of ALL) {
        const status = await call(who, method, path, e.body);
        const expected = e.allowed.includes(who) ? 'allowed' : 'refused';
        const got = status < 300 ? 'allowed' : status === 403 ? 'refused' : `status ${status}`;
        if (got !== expected) wrong.push(`${method} ${path} as ${who}: expected ${expected}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('every unit-scoped endpoint × in / out of scope', () => {
  it('lets an analyst see its subtree only, and the administrator everything', async () => {
    const wrong: string[] = [];
    // [who, unit, allowed]: the ward analyst sees its ward, not the service centre nor the province;
    // the centre's analyst sees the centre, not the provincial hospital; the admin sees all.
    const cases: [Who, string, boolean][] = [
      ['ward-analyst', '11953', true],
      ['ward-analyst', '33-TTPVHCC', false],
      ['ward-analyst', '33', false],
      ['centre-analyst', '33-TTPVHCC', true],
      ['centre-analyst', '33-BVDK', false],
      ['admin', '33-BVDK', true],
    ];
    for (const e of SCOPED) {
      for (const [who, unit, allowed] of cases) {
        const path = e.path(units[unit]!);
        const status = await call(who, 'GET', path);
        if (status < 300 !== allowed || (!allowed && status !== 403)) wrong.push(`${path} as ${who}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('scopes what lists contain: the ward analyst’s stats hold only its ward', async () => {
    const res = await t.app.request('/api/stats?groupBy=unit', { headers: { cookie: cookies['ward-analyst']! } });
    const stats = (await res.json()) as { overall: { n: number } };
    // the only answer is at the one-stop office, outside the ward
    expect(stats.overall.n).toBe(0);
    const officer = (await (await t.app.request('/api/officer/counters', { headers: { cookie: cookies.officer! } })).json()) as {
      counters: { code: string; today: number }[];
    };
    expect(officer.counters.map((k) => k.code).sort()).toEqual(['demo-construction', 'demo-investment', 'demo-land']);
    expect(officer.counters.find((k) => k.code === 'demo-land')!.today).toBe(1);
  });
});
