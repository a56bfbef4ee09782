import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import type { DbHandle } from '../../db/create-db';
import { listUnits } from '../../db/units';
import { DEMO_MERGE } from '../../server/bootstrap/demo-merge';
import { createFullDemoTenant } from '../../server/bootstrap/full-demo';
import { localDay } from '../../surveys/time';
import { createTestDb } from '../support/test-db';
import { createTestApp, login, type TestApp } from '../support/test-app';

// The demo tenant shows a real mid-year merge (NQ 1666/NQ-UBTVQH15, in force 1 July 2025): two
// former wards end on 30 June 2025, Phường Phố Hiến (reusing code 11953) starts on 1 July 2025,
// recorded as an event; the full demo's answers before the day stay at the former wards.
describe('the demo merge, as the API shows it', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp();
    cookie = await login(t.app);
  });
  afterAll(() => t.close());
  const get = async <T>(path: string) => {
    const res = await t.app.request(path, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('lists the merge event with its note, predecessors, successor and moved counters', async () => {
    type Event = {
      kind: string;
      effectiveOn: string;
      note: string;
      createdBy: number | null;
      undoneAt: string | null;
      predecessors: { id: number; code: string; name: string; ends: boolean }[];
      successors: { id: number; code: string; name: string; created: boolean }[];
      links: { fromCode: string; toCode: string; share: number }[];
      linksStanding: number;
      counters: { code: string; toUnitId: number }[];
    };
    const { reorganisations } = await get<{ reorganisations: Event[] }>('/api/units/reorganisations');
    expect(reorganisations).toHaveLength(1);
    const [event] = reorganisations as [Event];
    expect(event).toMatchObject({ kind: 'merge', effectiveOn: '2025-07-01', createdBy: null, undoneAt: null, linksStanding: 2 });
    expect(event.note).toContain('1666/NQ-UBTVQH15');
    expect(event.note).toContain('2 trong 6');
    expect(event.note).toContain('two of its six predecessors');
    expect(event.predecessors.map(({ code, name, ends }) => ({ code, name, ends }))).toEqual([
      { code: '11953', name: 'Phường Hiến Nam', ends: true },
      { code: '11956', name: 'Phường An Tảo', ends: true },
    ]);
    expect(event.successors).toEqual([{ id: expect.any(Number), code: '11953', name: 'Phường Phố Hiến', created: true }]);
    const phoHien = event.successors[0]!.id;
    expect(event.links.map((l) => [l.fromCode, l.toCode, l.share])).toEqual([
      ['11953', '11953', 1],
      ['11956', '11953', 1],
    ]);
    expect(event.counters.map((c) => [c.code, c.toUnitId]).sort()).toEqual([
      ['demo-an-tao', phoHien],
      ['demo-civil', phoHien],
    ]);
    // recorded with its audit entry, by the application itself
    const audit = await listAudit(t.db.dbRead, t.state.tenantId, { action: 'unit_reorganised', limit: 10 });
    expect(audit.map((e) => [e.actor_user_id, e.subject])).toEqual([[null, expect.stringMatching(/^reorganisation:\d+$/)]]);
  });

  it('shows the former wards retired on 30 June 2025 and Phố Hiến in force from 1 July 2025', async () => {
    type Unit = { id: number; code: string; name: string; validFrom: string | null; validTo: string | null; retired: boolean };
    const all = (await get<{ units: Unit[] }>('/api/units?retired=1')).units;
    const wards = all
      .filter((u) => ['11953', '11956'].includes(u.code))
      .map(({ code, name, validFrom, validTo, retired }) => ({
        code,
        name,
        validFrom,
        validTo,
        retired,
      }));
    expect(wards.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { code: '11956', name: 'Phường An Tảo', validFrom: null, validTo: '2025-06-30', retired: true },
      { code: '11953', name: 'Phường Hiến Nam', validFrom: null, validTo: '2025-06-30', retired: true },
      { code: '11953', name: 'Phường Phố Hiến', validFrom: '2025-07-01', validTo: null, retired: false },
    ]);
    // the usual list (units in force) has one 11953, Phố Hiến, and no An Tảo
    const inForce = (await get<{ units: Unit[] }>('/api/units')).units;
    expect(inForce.filter((u) => u.code === '11953' || u.code === '11956').map((u) => u.name)).toEqual(['Phường Phố Hiến']);
    const counters = (await get<{ counters: { code: string; unit: { code: string; name: string } }[] }>('/api/counters')).counters;
    expect(counters.filter((c) => c.unit.code === '11953').map((c) => [c.code, c.unit.name])).toEqual([
      ['demo-an-tao', 'Phường Phố Hiến'],
      ['demo-civil', 'Phường Phố Hiến'],
    ]);
  });
});

describe('the full demo around the merge', () => {
  let db: DbHandle;
  afterAll(() => db?.close());

  it('stores the answers before 1 July 2025 at the former wards and those after at Phố Hiến, none rewritten', async () => {
    db = await createTestDb();
    const now = new Date('2025-07-04T23:00:00+07:00');
    const { tenant, stored, dossiers } = await createFullDemoTenant(db.dbWrite, 2025, now, () => {}, '2025-06-26');
    const units = await listUnits(db.dbRead, tenant.id);
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const rows = await sql<{ id: string; counter: string; unit_id: number; submitted_at: Date }>`
      select r.id, c.code as counter, r.unit_id, r.submitted_at
      from responses r join counters c on c.id = r.counter_id
      where r.tenant_id = ${tenant.id} order by r.id`.execute(db.dbRead);
    expect(rows.rows).toHaveLength(stored);
    const ward = rows.rows.filter((r) => r.counter === 'demo-civil' || r.counter === 'demo-an-tao');
    const place = (r: (typeof ward)[number]) => [
      r.counter,
      localDay(r.submitted_at) < DEMO_MERGE.effectiveOn ? 'before' : 'after',
      nameOf.get(r.unit_id),
    ];
    const seen = new Set(ward.map((r) => JSON.stringify(place(r))));
    expect([...seen].map((s) => JSON.parse(s) as string[]).sort()).toEqual([
      ['demo-an-tao', 'after', 'Phường Phố Hiến'],
      ['demo-an-tao', 'before', 'Phường An Tảo'],
      ['demo-civil', 'after', 'Phường Phố Hiến'],
      ['demo-civil', 'before', 'Phường Hiến Nam'],
    ]);
    // both sides have answers at both counters; the days before the merge were stored first
    const before = ward.filter((r) => localDay(r.submitted_at) < DEMO_MERGE.effectiveOn);
    const after = ward.filter((r) => localDay(r.submitted_at) >= DEMO_MERGE.effectiveOn);
    // every working day of the window, at both counters, on its own side of the merge
    const days = (rs: typeof ward, counter: string) =>
      [...new Set(rs.filter((r) => r.counter === counter).map((r) => localDay(r.submitted_at)))].sort();
    for (const counter of ['demo-civil', 'demo-an-tao']) {
      expect(days(before, counter).filter((d) => d !== '2025-06-28')).toEqual(['2025-06-26', '2025-06-27', '2025-06-30']);
      expect(days(after, counter)).toEqual(['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04']);
    }
    expect(Math.max(...before.map((r) => Number(r.id)))).toBeLessThan(Math.min(...after.map((r) => Number(r.id))));
    // the other demo units keep their answers at the unit they always had
    const others = rows.rows.filter((r) => r.counter === 'demo-land');
    expect(new Set(others.map((r) => nameOf.get(r.unit_id)))).toEqual(new Set(['Trung tâm Phục vụ hành chính công tỉnh Hưng Yên']));
    expect(others.length).toBeGreaterThan(0);
    // One-stop dossiers from the merge on, at today's units only, some still open.
    const kept = await sql<{ n: number; open: number; units: number; first: string }>`
      select count(*)::int as n, (count(*) filter (where finished_at is null))::int as open,
             count(distinct unit_id)::int as units, min(received_at)::text as first
      from dossiers d join units u on u.id = d.unit_id
      where d.tenant_id = ${tenant.id} and u.valid_to is null`.execute(db.dbRead);
    expect(kept.rows[0]).toMatchObject({ n: dossiers, units: 3 });
    expect(kept.rows[0]!.open).toBeGreaterThan(0);
    expect(dossiers).toBeGreaterThan(20);
  });
});
