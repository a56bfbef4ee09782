import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter } from '../../db/counters';
import { storeResponses, type NewResponse } from '../../db/responses';
import { createTenant } from '../../db/tenants';
import { createUnit } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { seedTenant } from '../../server/bootstrap/seed-tenant';
import { localDay } from '../../surveys/time';
import { createTestApp, login, type TestApp } from '../support/test-app';

// The two views of the past on random data: answers given through a year in which wards merged,
// one split with shares, one moved to another province, one was renamed, and a merged ward merged
// again with part of the split one. Every figure of /api/stats in either view equals a recount of
// the raw answers made here, through the recorded links and the tree of the view's day.
let t: TestApp;
let tenantId: number;
let admin: string;
let versionId: number;
let sectors: string[];
const PASSWORD = 'unit-views-password';
const unit: Record<string, number> = {};
const counter: Record<string, number> = {};
/** Each unit's parent, as the test changed it: [from day, parent][] oldest first. */
const parents = new Map<number, [string, number | null][]>();
let seq = 0;

// A small deterministic generator, so a failure can be replayed.
let seed = 20260701;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

const call = async <T = any>(method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie: admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
};

async function addUnit(key: string, parent: string | null, code: string, kind: 'province' | 'ward') {
  unit[key] = (
    await createUnit(t.db.dbWrite, { tenant_id: tenantId, parent_id: parent ? unit[parent]! : null, code, name: `Unit ${key}`, kind })
  ).id;
  parents.set(unit[key]!, [['0000-01-01', parent ? unit[parent]! : null]]);
}

/** Answers at every counter in service, on random days of [from, until), at the counter's unit of the moment. */
async function answersBetween(from: string, until: string) {
  const rows = await t.db.dbRead
    .selectFrom('counters')
    .select(['id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('retired_at', 'is', null)
    .execute();
  const start = Date.parse(`${from}T02:00:00Z`);
  const span = Date.parse(`${until}T02:00:00Z`) - start;
  const batch: NewResponse[] = [];
  for (const c of rows) {
    const rate = 0.6 + 0.35 * random();
    for (let i = 0, n = 15 + Math.floor(random() * 25); i < n; i++) {
      batch.push({
        tenant_id: tenantId,
        survey_version_id: versionId,
        counter_id: c.id,
        unit_id: c.unit_id,
        sector_code: sectors[Math.floor(random() * sectors.length)]!,
        channel: 'qr',
        submitted_at: new Date(start + Math.floor(random() * span)),
        answers: {},
        comment: null,
        dossier_code: null,
        client_key: `views-${process.pid}-${++seq}`,
        token_id: null,
        satisfied: random() < rate,
      });
    }
  }
  await storeResponses(t.db.dbWrite, batch);
}

async function reorganise(body: Record<string, unknown>) {
  const res = await call<{ id: number; successors: { id: number; code: string }[] }>('POST', '/api/units/reorganisations', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.db.dbWrite, { code: 'views', name: 'Views test' })).id;
  await seedTenant(t.db.dbWrite, tenantId, 2026);
  await addUnit('p', null, '33', 'province');
  await addUnit('q', null, '34', 'province');
  for (let i = 1; i <= 6; i++) await addUnit(`w${i}`, i === 6 ? 'q' : 'p', `1100${i}`, 'ward');
  await createUser(t.db.dbWrite, {
    tenant_id: tenantId,
    username: 'views-admin',
    password_hash: await hashPassword(PASSWORD),
    role: 'admin',
  });
  admin = await login(t.app, 'views-admin', PASSWORD);
  const survey = await t.db.dbRead.selectFrom('surveys').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  versionId = (await t.db.dbRead.selectFrom('survey_versions').select('id').where('survey_id', '=', survey.id).executeTakeFirstOrThrow())
    .id;
  sectors = (await t.db.dbRead.selectFrom('sectors').select('code').where('tenant_id', '=', tenantId).limit(2).execute()).map(
    (s) => s.code,
  );
  for (const [key, at] of [
    ['c1', 'w1'],
    ['c2', 'w2'],
    ['c3a', 'w3'],
    ['c3b', 'w3'],
    ['c4', 'w4'],
    ['c5', 'w5'],
    ['c6', 'w6'],
  ] as const) {
    counter[key] = (
      await createCounter(t.db.dbWrite, {
        tenant_id: tenantId,
        unit_id: unit[at]!,
        code: `views-${key}`,
        name: key,
        survey_id: survey.id,
        sectors,
      })
    ).id;
  }

  await answersBetween('2026-01-01', '2026-03-01');
  const m = await reorganise({
    kind: 'merge',
    effectiveOn: '2026-03-01',
    from: [unit.w1, unit.w2],
    into: { code: '12001', name: 'Phường M', kind: 'ward', parentId: unit.p },
  });
  unit.m = m.successors[0]!.id;
  parents.set(unit.m, [['2026-03-01', unit.p!]]);

  await answersBetween('2026-03-01', '2026-05-01');
  const s = await reorganise({
    kind: 'split',
    effectiveOn: '2026-05-01',
    from: unit.w3,
    into: [
      { code: '12002', name: 'Phường S1', kind: 'ward', parentId: unit.p, share: 0.6 },
      { code: '12003', name: 'Phường S2', kind: 'ward', parentId: unit.q, share: 0.4 },
    ],
    counters: [
      { counterId: counter.c3a, to: 0 },
      { counterId: counter.c3b, to: 1 },
    ],
  });
  unit.s1 = s.successors.find((u) => u.code === '12002')!.id;
  unit.s2 = s.successors.find((u) => u.code === '12003')!.id;
  parents.set(unit.s1, [['2026-05-01', unit.p!]]);
  parents.set(unit.s2, [['2026-05-01', unit.q!]]);

  await answersBetween('2026-05-01', '2026-06-01');
  await reorganise({ kind: 'move', effectiveOn: '2026-06-01', unitId: unit.w4, parentId: unit.q });
  parents.get(unit.w4!)!.push(['2026-06-01', unit.q!]);

  await answersBetween('2026-06-01', '2026-07-01');
  await reorganise({ kind: 'rename', effectiveOn: '2026-07-01', unitId: unit.w5, name: 'Phường Năm' });

  await answersBetween('2026-07-01', '2026-08-01');
  const n = await reorganise({
    kind: 'merge',
    effectiveOn: '2026-08-01',
    from: [unit.m, unit.s1],
    into: { code: '12004', name: 'Phường N', kind: 'ward', parentId: unit.p },
  });
  unit.n = n.successors[0]!.id;
  parents.set(unit.n, [['2026-08-01', unit.p!]]);
  await answersBetween('2026-08-01', '2026-11-30');
}, 120_000);
afterAll(() => t.close());

interface Count {
  n: number;
  satisfied: number;
}

/**
 * The recount: each raw answer followed through the links of the events effective by `day`
 * (shares multiplied along the way), then kept when the unit it reaches sat under `under` in the
 * tree of that day.
 */
async function recount(day: string, opts: { under?: number; by: 'unit' | 'month' | 'sector' }, period = ['2026-01-01', '2026-11-30']) {
  const answers = await t.db.dbRead
    .selectFrom('responses')
    .select(['unit_id', 'submitted_at', 'satisfied', 'sector_code'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const links = await t.db.dbRead
    .selectFrom('unit_links as l')
    .innerJoin('unit_reorganisations as e', 'e.id', 'l.reorganisation_id')
    .select(['l.from_unit_id', 'l.to_unit_id', 'l.share', 'e.effective_on'])
    .where('l.tenant_id', '=', tenantId)
    .where('e.undone_at', 'is', null)
    .execute();
  const through = (u: number, share: number): [number, number][] => {
    const next = links.filter((l) => l.from_unit_id === u && l.to_unit_id !== u && l.effective_on <= day);
    return next.length === 0 ? [[u, share]] : next.flatMap((l) => through(l.to_unit_id, share * l.share));
  };
  const parentOn = (u: number) =>
    [...(parents.get(u) ?? [])].reverse().find(([from]) => from <= day)?.[1] ?? parents.get(u)?.[0]?.[1] ?? null;
  const under = (u: number, top: number): boolean => u === top || (parentOn(u) !== null && under(parentOn(u)!, top));
  const out = new Map<string, Count>();
  for (const a of answers) {
    const d = localDay(a.submitted_at);
    if (d < period[0]! || d > period[1]!) continue;
    for (const [to, share] of through(a.unit_id, 1)) {
      if (opts.under !== undefined && !under(to, opts.under)) continue;
      const key = opts.by === 'unit' ? String(to) : opts.by === 'month' ? d.slice(0, 7) : a.sector_code;
      const c = out.get(key) ?? { n: 0, satisfied: 0 };
      out.set(key, { n: c.n + share, satisfied: c.satisfied + (a.satisfied ? share : 0) });
    }
  }
  return out;
}

async function stats(query: string) {
  const res = await call<{ rows: ({ key: string } & Count)[]; overall: Count }>('GET', `/api/stats?from=2026-01-01&to=2026-11-30&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

function expectSame(api: { rows: ({ key: string } & Count)[] }, expected: Map<string, Count>) {
  const got = new Map(api.rows.filter((r) => r.n > 0).map((r) => [r.key, r]));
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, c] of expected) {
    expect(got.get(key)!.n, `n of ${key}`).toBeCloseTo(c.n, 6);
    expect(got.get(key)!.satisfied, `satisfied of ${key}`).toBeCloseTo(c.satisfied, 6);
  }
}

describe('figures in the view of today (view=now)', () => {
  it('count every earlier answer for the units in force today, shares applied, and equal the recount', async () => {
    const api = await stats('groupBy=unit&view=now');
    const expected = await recount(localDay(new Date()), { by: 'unit' });
    expectSame(api, expected);
    // Only today's units carry figures: the merged, split and merged-again wards hand theirs on.
    expect([...expected.keys()].map(Number).sort()).toEqual([unit.n, unit.s2, unit.w4, unit.w5, unit.w6].map(Number).sort());
    // N's year is W1's, W2's and M's answers, 60 % of W3's before the split, S1's and its own.
    expect(expected.get(String(unit.n))!.n % 1).not.toBe(0);
  });

  it('is the default view, and the whole is the same in any view', async () => {
    expectSame(await stats('groupBy=unit'), await recount(localDay(new Date()), { by: 'unit' }));
    const now = await stats('groupBy=sector&view=now');
    const then = await stats('groupBy=sector&view=asOf&asOf=2026-02-01');
    const raw = await recount('2026-01-01', { by: 'sector' });
    expectSame(now, raw);
    expectSame(then, raw);
    expect(Number.isInteger(now.overall.n)).toBe(true);
  });

  it('puts a subtree together from the units under it today: a ward moved to another province leaves with its past', async () => {
    const today = localDay(new Date());
    for (const top of ['p', 'q'] as const) {
      expectSame(await stats(`groupBy=month&unit=${unit[top]}`), await recount(today, { under: unit[top]!, by: 'month' }));
    }
    const q = await recount(today, { under: unit.q!, by: 'unit' });
    expect(q.has(String(unit.w4))).toBe(true);
    expect(q.get(String(unit.s2))!.n).toBeGreaterThan(0);
  });

  it('refuses a unit that ended, saying which day would show it', async () => {
    const res = await call<{ error: { vi: string; en: string }; fields: { unit: { en: string } } }>(
      'GET',
      `/api/stats?from=2026-01-01&to=2026-11-30&unit=${unit.w1}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.unit.en).toContain('asOf=2026-02-28');
  });
});

describe('figures in the tree of an earlier day (view=asOf)', () => {
  for (const day of ['2026-02-15', '2026-04-15', '2026-05-20', '2026-06-15', '2026-09-01']) {
    it(`on ${day}: by unit, and within each province as it stood then, equal the recount`, async () => {
      expectSame(await stats(`groupBy=unit&view=asOf&asOf=${day}`), await recount(day, { by: 'unit' }));
      for (const top of ['p', 'q'] as const) {
        expectSame(
          await stats(`groupBy=unit&unit=${unit[top]}&view=asOf&asOf=${day}`),
          await recount(day, { under: unit[top]!, by: 'unit' }),
        );
      }
    });
  }

  it('shows an ended unit on a day it was in force, with its own answers only', async () => {
    const api = await stats(`groupBy=unit&unit=${unit.w1}&view=asOf&asOf=2026-02-01`);
    expectSame(api, await recount('2026-02-01', { under: unit.w1!, by: 'unit' }));
    expect(api.rows.map((r) => Number(r.key))).toEqual([unit.w1]);
  });

  it('the moved ward still counts in its old province before the move', async () => {
    const before = await recount('2026-05-20', { under: unit.p!, by: 'unit' });
    const after = await recount('2026-06-15', { under: unit.p!, by: 'unit' });
    expect(before.has(String(unit.w4))).toBe(true);
    expect(after.has(String(unit.w4))).toBe(false);
  });

  it('asks for the day when view=asOf comes without one, and refuses a malformed day', async () => {
    const none = await call('GET', '/api/stats?view=asOf');
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('asOf=YYYY-MM-DD');
    expect((await call('GET', '/api/stats?view=asOf&asOf=2026-02-30')).status).toBe(400);
    expect((await call('GET', '/api/stats?view=later')).status).toBe(400);
  });
});

describe('the trend', () => {
  it('marks each reorganisation touching the units as a break on its day', async () => {
    const res = await call<{ reorganisations: { day: string; kind: string; to: { code: string }[] }[] }>(
      'GET',
      `/api/stats/trend?from=2026-01-01&to=2026-11-30&unit=${unit.q}`,
    );
    expect(res.status).toBe(200);
    // Q gained S2 from the split and W4 by the move; the merges and the rename happened elsewhere.
    expect(res.body.reorganisations.map((r) => [r.day, r.kind])).toEqual([
      ['2026-05-01', 'split'],
      ['2026-06-01', 'move'],
    ]);
    const all = await call<{ reorganisations: { day: string }[] }>('GET', '/api/stats/trend?from=2026-01-01&to=2026-11-30');
    expect(all.body.reorganisations.map((r) => r.day)).toEqual(['2026-03-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01']);
  });
});
