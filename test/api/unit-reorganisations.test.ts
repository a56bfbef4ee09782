import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import { createCounter } from '../../db/counters';
import { storeResponses } from '../../db/responses';
import { createTenant } from '../../db/tenants';
import { createUnit, listUnits } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { seedTenant } from '../../server/bootstrap/seed-tenant';
import { createTestApp, login, type TestApp } from '../support/test-app';

// Reorganisations over the API: a merge, split, recode, move and rename recorded on a day, all or
// nothing; stored answers keep the unit and counter they were given at; an undo puts everything
// back while no answer has arrived under the new tree.
let t: TestApp;
let tenantId: number;
let admin: string;
let wardAdmin: string;
let surveyId: number;
let versionId: number;
let sector: string;
const PASSWORD = 'reorg-test-password';
const ids: Record<string, number> = {};
const counters: Record<string, number> = {};
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.db.dbWrite, { code: 'reorg', name: 'Reorganisation test' })).id;
  await seedTenant(t.db.dbWrite, tenantId, 2026);
  const add = async (
    key: string,
    parent: string | null,
    code: string,
    kind: 'province' | 'ward' | 'service_body',
    from: string | null = null,
  ) => {
    ids[key] = (
      await createUnit(t.db.dbWrite, {
        tenant_id: tenantId,
        parent_id: parent ? ids[parent]! : null,
        code,
        name: `Unit ${key}`,
        kind,
        valid_from: from,
      })
    ).id;
  };
  await add('p', null, '33', 'province');
  await add('q', null, '34', 'province');
  await add('w1', 'p', '11001', 'ward');
  await add('w2', 'p', '11002', 'ward');
  await add('w3', 'p', '11003', 'ward');
  await add('w4', 'p', '11004', 'ward');
  await add('w5', 'p', '11005', 'ward');
  await add('w6', 'p', '11006', 'ward', '2026-08-01');
  await add('sb', 'w1', 'SB-W1', 'service_body');
  await createUser(t.db.dbWrite, {
    tenant_id: tenantId,
    username: 'reorg-admin',
    password_hash: await hashPassword(PASSWORD),
    role: 'admin',
  });
  await createUser(t.db.dbWrite, {
    tenant_id: tenantId,
    username: 'reorg-ward-admin',
    password_hash: await hashPassword(PASSWORD),
    role: 'admin',
    unit_id: ids.w5!,
  });
  admin = await login(t.app, 'reorg-admin', PASSWORD);
  wardAdmin = await login(t.app, 'reorg-ward-admin', PASSWORD);
  surveyId = (await t.db.dbRead.selectFrom('surveys').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).id;
  versionId = (await t.db.dbRead.selectFrom('survey_versions').select('id').where('survey_id', '=', surveyId).executeTakeFirstOrThrow()).id;
  sector = (await t.db.dbRead.selectFrom('sectors').select('code').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).code;
  for (const [key, unit] of [
    ['c1', 'w1'],
    ['c2', 'w2'],
    ['c3a', 'w3'],
    ['c3b', 'w3'],
    ['c4', 'w4'],
  ] as const) {
    counters[key] = (
      await createCounter(t.db.dbWrite, {
        tenant_id: tenantId,
        unit_id: ids[unit]!,
        code: `reorg-${key}`,
        name: key,
        survey_id: surveyId,
        sectors: [sector],
      })
    ).id;
  }
  for (const key of ['c1', 'c2', 'c3a', 'c4'] as const) await answer(key, '2026-03-01T03:00:00Z');
});
afterAll(() => t.close());

/** An answer at a counter, counted for the counter's unit at that moment, as the writer stores it. */
async function answer(counterKey: string, at: string) {
  const counter = await t.db.dbRead
    .selectFrom('counters')
    .select(['id', 'unit_id'])
    .where('id', '=', counters[counterKey]!)
    .executeTakeFirstOrThrow();
  await storeResponses(t.db.dbWrite, [
    {
      tenant_id: tenantId,
      survey_version_id: versionId,
      counter_id: counter.id,
      unit_id: counter.unit_id,
      sector_code: sector,
      channel: 'qr',
      submitted_at: new Date(at),
      answers: {},
      comment: null,
      dossier_code: null,
      client_key: `reorg-${process.pid}-${++seq}`,
      token_id: null,
      satisfied: true,
    },
  ]);
}

const call = async <T = any>(cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
};
const reorganise = (body: unknown, cookie = admin) => call(cookie, 'POST', '/api/units/reorganisations', body);
const undo = (id: number, cookie = admin) => call(cookie, 'POST', `/api/units/reorganisations/${id}/undo`);
const unit = async (id: number) => (await listUnits(t.db.dbRead, tenantId)).find((u) => u.id === id);
const unitByCode = async (code: string) => (await listUnits(t.db.dbRead, tenantId)).find((u) => u.code === code && u.valid_to === null);
const counterUnit = async (key: string) =>
  (await t.db.dbRead.selectFrom('counters').select('unit_id').where('id', '=', counters[key]!).executeTakeFirstOrThrow()).unit_id;
const responses = () =>
  t.db.dbRead
    .selectFrom('responses')
    .select(['id', 'unit_id', 'counter_id', 'submitted_at', 'satisfied'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
const links = (reorganisationId: number) =>
  t.db.dbRead.selectFrom('unit_links').selectAll().where('reorganisation_id', '=', reorganisationId).orderBy('to_unit_id').execute();
const audits = (action: string) => listAudit(t.db.dbRead, tenantId, { limit: 100, action });
const unitCount = async () => (await listUnits(t.db.dbRead, tenantId)).length;

const MERGE = {
  kind: 'merge',
  effectiveOn: '2026-07-01',
  note: 'Resolution 1/2026',
  from: [] as number[],
  into: { code: '11010', name: 'Phường Mới', kind: 'ward', parentId: 0 },
};
const merge = () => ({ ...MERGE, from: [ids.w1!, ids.w2!], into: { ...MERGE.into, parentId: ids.p! } });

describe('a merge of two wards', () => {
  let eventId: number;
  let before: Awaited<ReturnType<typeof responses>>;

  it('ends the predecessors, starts the successor, moves counters and units under them, keeps the answers', async () => {
    before = await responses();
    expect(before).toHaveLength(4);
    const res = await reorganise(merge());
    expect(res.status).toBe(201);
    eventId = res.body.id;
    const successor = (await unitByCode('11010'))!;
    expect(successor).toMatchObject({ valid_from: '2026-07-01', valid_to: null, parent_id: ids.p, kind: 'ward' });
    expect((await unit(ids.w1!))!.valid_to).toBe('2026-06-30');
    expect((await unit(ids.w2!))!.valid_to).toBe('2026-06-30');
    expect(await counterUnit('c1')).toBe(successor.id);
    expect(await counterUnit('c2')).toBe(successor.id);
    const sb = (await unit(ids.sb!))!;
    expect(sb.parent_id).toBe(successor.id);
    expect(sb.path).toBe(`${successor.path}${ids.sb}/`);
    expect((await links(eventId)).map((l) => [l.from_unit_id, l.to_unit_id, l.share])).toEqual(
      expect.arrayContaining([
        [ids.w1, successor.id, 1],
        [ids.w2, successor.id, 1],
      ]),
    );
    expect(await responses()).toEqual(before);
    const [entry] = await audits('unit_reorganised');
    expect(entry!.subject).toBe(`reorganisation:${eventId}`);
    expect(entry!.details).toMatchObject({
      kind: 'merge',
      effectiveOn: '2026-07-01',
      note: 'Resolution 1/2026',
      predecessors: [
        { id: ids.w1, code: '11001', ends: true },
        { id: ids.w2, code: '11002', ends: true },
      ],
      successors: [{ id: successor.id, code: '11010', name: 'Phường Mới', created: true }],
      counters: expect.arrayContaining([{ id: counters.c1, code: 'reorg-c1', fromUnitId: ids.w1, toUnitId: successor.id }]),
      children: [{ id: ids.sb, code: 'SB-W1', fromParentId: ids.w1, toParentId: successor.id }],
    });
  });

  it('lists the event with its links by code and name', async () => {
    const res = await call(admin, 'GET', '/api/units/reorganisations');
    expect(res.status).toBe(200);
    const event = res.body.reorganisations.find((e: { id: number }) => e.id === eventId);
    expect(event).toMatchObject({ kind: 'merge', effectiveOn: '2026-07-01', undoneAt: null, linksStanding: 2 });
    expect(event).toMatchObject({ createdByName: 'reorg-admin', undoneBy: null, undoneByName: null });
    expect(event.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromCode: '11001', fromName: 'Unit w1', toCode: '11010', toName: 'Phường Mới', share: 1 }),
      ]),
    );
  });

  it('refuses a retired unit, and a ward administrator outside their subtree', async () => {
    const retired = await reorganise({ kind: 'rename', effectiveOn: '2026-08-01', unitId: ids.w1!, name: 'x' });
    expect(retired.status).toBe(422);
    expect(retired.body.message.vi).toMatch(/thôi hoạt động/);
    expect(retired.body.message.en).toMatch(/retired/);
    const scoped = await reorganise({ kind: 'rename', effectiveOn: '2026-08-01', unitId: ids.w3!, name: 'x' }, wardAdmin);
    expect(scoped.status).toBe(403);
    expect((await unit(ids.w3!))!.name).toBe('Unit w3');
    expect((await call(wardAdmin, 'GET', '/api/units/reorganisations')).body.reorganisations).toEqual([]);
    expect((await undo(eventId, wardAdmin)).status).toBe(403);
  });

  it('is undone while no answer has arrived under the new tree: everything back, audited', async () => {
    const successorId = (await unitByCode('11010'))!.id;
    const res = await undo(eventId);
    expect(res.status).toBe(200);
    expect(await unitByCode('11010')).toBeUndefined();
    expect(await unit(successorId)).toBeUndefined();
    expect((await unit(ids.w1!))!.valid_to).toBeNull();
    expect((await unit(ids.w2!))!.valid_to).toBeNull();
    expect(await counterUnit('c1')).toBe(ids.w1);
    expect(await counterUnit('c2')).toBe(ids.w2);
    expect((await unit(ids.sb!))!).toMatchObject({ parent_id: ids.w1, path: `${(await unit(ids.w1!))!.path}${ids.sb}/` });
    expect(await links(eventId)).toEqual([]);
    expect(await responses()).toEqual(before);
    const event = await t.db.dbRead.selectFrom('unit_reorganisations').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(event.undone_at).not.toBeNull();
    const [entry] = await audits('unit_reorganisation_undone');
    expect(entry!.subject).toBe(`reorganisation:${eventId}`);
    expect(entry!.details).toMatchObject({ kind: 'merge', reopened: [{ id: ids.w1 }, { id: ids.w2 }], removed: [{ code: '11010' }] });
  });

  it('lists the undone event with who undid it', async () => {
    const list = (await call(admin, 'GET', '/api/units/reorganisations')).body.reorganisations;
    const event = list.find((e: { id: number }) => e.id === eventId);
    expect(event).toMatchObject({ undoneByName: 'reorg-admin', linksStanding: 0 });
    expect(event.undoneAt).not.toBeNull();
  });

  it('refuses to undo an event twice', async () => {
    const res = await undo(eventId);
    expect(res.status).toBe(409);
    expect(res.body.message.en).toMatch(/already been undone/);
  });

  it('refuses the undo once an answer arrived under the new tree, and changes nothing', async () => {
    const res = await reorganise(merge());
    expect(res.status).toBe(201);
    await answer('c1', '2026-07-02T03:00:00Z');
    const after = await responses();
    expect(after.at(-1)!.unit_id).toBe((await unitByCode('11010'))!.id);
    const refused = await undo(res.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message.vi).toMatch(/1 phiếu/);
    expect(refused.body.message.en).toMatch(/1 answer/);
    expect(await unitByCode('11010')).toBeDefined();
    expect(await counterUnit('c1')).toBe((await unitByCode('11010'))!.id);
    expect(await responses()).toEqual(after);
  });
});

describe('a split, a recode, a move and a rename', () => {
  const split = (shares: number[], mapping?: { counterId: number; to: number }[]) => ({
    kind: 'split',
    effectiveOn: '2026-07-01',
    from: ids.w3!,
    into: [
      { code: '11031', name: 'Phường Bắc', kind: 'ward', parentId: ids.p!, share: shares[0] },
      { code: '11032', name: 'Phường Nam', kind: 'ward', parentId: ids.p!, share: shares[1] },
    ],
    ...(mapping ? { counters: mapping } : {}),
  });

  it('refuses shares that do not add up to 1, and a split without a counter mapping, writing nothing', async () => {
    const units = await unitCount();
    const shares = await reorganise(
      split(
        [0.6, 0.5],
        [
          { counterId: counters.c3a!, to: 0 },
          { counterId: counters.c3b!, to: 1 },
        ],
      ),
    );
    expect(shares.status).toBe(422);
    expect(shares.body.message.en).toMatch(/add up to 1 \(they add up to 1.1\)/);
    expect(shares.body.message.vi).toMatch(/Tổng các tỷ lệ/);
    const unmapped = await reorganise(split([0.6, 0.4]));
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.message.en).toMatch(/reorg-c3a, reorg-c3b/);
    const half = await reorganise(split([0.6, 0.4], [{ counterId: counters.c3a!, to: 0 }]));
    expect(half.status).toBe(422);
    expect(half.body.message.en).toMatch(/reorg-c3b/);
    expect(await unitCount()).toBe(units);
    expect((await unit(ids.w3!))!.valid_to).toBeNull();
  });

  it('splits one ward into two with shares and sends each counter where the mapping says', async () => {
    const before = await responses();
    const res = await reorganise(
      split(
        [0.6, 0.4],
        [
          { counterId: counters.c3a!, to: 0 },
          { counterId: counters.c3b!, to: 1 },
        ],
      ),
    );
    expect(res.status).toBe(201);
    const north = (await unitByCode('11031'))!;
    const south = (await unitByCode('11032'))!;
    expect((await unit(ids.w3!))!.valid_to).toBe('2026-06-30');
    expect(north.valid_from).toBe('2026-07-01');
    expect(await counterUnit('c3a')).toBe(north.id);
    expect(await counterUnit('c3b')).toBe(south.id);
    const stored = (await links(res.body.id)).map((l) => [l.from_unit_id, l.to_unit_id, l.share]);
    expect(stored).toEqual([
      [ids.w3, north.id, 0.6],
      [ids.w3, south.id, 0.4],
    ]);
    expect(await responses()).toEqual(before);
  });

  it('recodes a ward: the old unit ends with its code, a new one starts with the new code, share 1', async () => {
    const taken = await reorganise({ kind: 'recode', effectiveOn: '2026-07-01', unitId: ids.w4!, code: '11005' });
    expect(taken.status).toBe(409);
    expect(taken.body.message.en).toMatch(/Code 11005 is already used/);
    const res = await reorganise({ kind: 'recode', effectiveOn: '2026-07-01', unitId: ids.w4!, code: '11040' });
    expect(res.status).toBe(201);
    const old = (await unit(ids.w4!))!;
    const recoded = (await unitByCode('11040'))!;
    expect(old).toMatchObject({ code: '11004', valid_to: '2026-06-30' });
    expect(recoded).toMatchObject({ name: 'Unit w4', parent_id: ids.p, valid_from: '2026-07-01' });
    expect(recoded.id).not.toBe(old.id);
    expect(await counterUnit('c4')).toBe(recoded.id);
    expect((await links(res.body.id)).map((l) => [l.from_unit_id, l.to_unit_id, l.share])).toEqual([[ids.w4, recoded.id, 1]]);
    // The old code is free again for a unit in force.
    const reuse = await reorganise({ kind: 'recode', effectiveOn: '2026-09-01', unitId: recoded.id, code: '11004' });
    expect(reuse.status).toBe(201);
  });

  it('moves a ward under another province in place, its link to itself', async () => {
    const res = await reorganise({ kind: 'move', effectiveOn: '2026-07-01', unitId: ids.w5!, parentId: ids.q! });
    expect(res.status).toBe(201);
    const moved = (await unit(ids.w5!))!;
    expect(moved).toMatchObject({ parent_id: ids.q, path: `/${ids.q}/${ids.w5}/`, valid_to: null });
    expect((await links(res.body.id)).map((l) => [l.from_unit_id, l.to_unit_id, l.share])).toEqual([[ids.w5, ids.w5, 1]]);
    expect((await audits('unit_reorganised'))[0]!.details).toMatchObject({ before: { parentId: ids.p }, after: { parentId: ids.q } });
    const back = await undo(res.body.id);
    expect(back.status).toBe(200);
    expect((await unit(ids.w5!))!).toMatchObject({ parent_id: ids.p, path: `/${ids.p}/${ids.w5}/` });
  });

  it('renames a ward in place, and its own administrator may do it', async () => {
    const res = await reorganise({ kind: 'rename', effectiveOn: '2026-07-01', unitId: ids.w5!, name: 'Phường Năm' }, wardAdmin);
    expect(res.status).toBe(201);
    expect((await unit(ids.w5!))!.name).toBe('Phường Năm');
    const moveOwn = await reorganise({ kind: 'move', effectiveOn: '2026-07-01', unitId: ids.w5!, parentId: ids.q! }, wardAdmin);
    expect(moveOwn.status).toBe(403);
  });

  it('refuses an unknown unit, a merge of one, a new code in force, an effective day before a unit started', async () => {
    const units = await unitCount();
    const unknown = await reorganise({ ...merge(), from: [ids.w6!, 999999] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.en).toMatch(/Unit 999999 is not in the unit list/);
    const one = await reorganise({ ...merge(), from: [ids.w6!, ids.w6!] });
    expect(one.status).toBe(422);
    const codeInForce = await reorganise({
      ...merge(),
      from: [ids.w5!, ids.w6!],
      effectiveOn: '2026-09-01',
      into: { ...merge().into, code: '11031' },
    });
    expect(codeInForce.status).toBe(409);
    expect(codeInForce.body.message.vi).toMatch(/Mã 11031 đang được dùng/);
    const early = await reorganise({
      ...merge(),
      from: [ids.w5!, ids.w6!],
      effectiveOn: '2026-08-01',
      into: { ...merge().into, code: '11060' },
    });
    expect(early.status).toBe(422);
    expect(early.body.message.en).toMatch(/must be after Unit w6 \(11006\) started, on 2026-08-01/);
    const badDay = await reorganise({ ...merge(), effectiveOn: '2026-02-30' });
    expect(badDay.status).toBe(422);
    expect((await undo(999999)).status).toBe(404);
    expect(await unitCount()).toBe(units);
  });
});

describe('a merge into a unit that continues, and an undo the new tree refuses', () => {
  it('ends only the other units; the continuing one keeps its dates and takes their past', async () => {
    const res = await reorganise({ kind: 'merge', effectiveOn: '2026-09-01', from: [ids.w5!, ids.w6!], into: { unitId: ids.w5! } });
    expect(res.status).toBe(201);
    expect((await unit(ids.w6!))!.valid_to).toBe('2026-08-31');
    expect((await unit(ids.w5!))!).toMatchObject({ valid_from: null, valid_to: null });
    expect((await links(res.body.id)).map((l) => [l.from_unit_id, l.to_unit_id, l.share]).sort()).toEqual(
      [
        [ids.w5, ids.w5, 1],
        [ids.w6, ids.w5, 1],
      ].sort(),
    );
    expect(res.body.successors).toEqual([{ id: ids.w5, code: '11005', name: 'Phường Năm', created: false }]);
    expect((await undo(res.body.id)).status).toBe(200);
    expect((await unit(ids.w6!))!.valid_to).toBeNull();
    expect((await unit(ids.w5!))!.valid_to).toBeNull();
  });

  it('refuses to undo a split once a new counter serves at a unit it made, and changes nothing', async () => {
    const list = (await call(admin, 'GET', '/api/units/reorganisations')).body.reorganisations;
    const split = list.find((e: { kind: string; undoneAt: unknown }) => e.kind === 'split' && e.undoneAt === null);
    const north = (await unitByCode('11031'))!;
    await createCounter(t.db.dbWrite, {
      tenant_id: tenantId,
      unit_id: north.id,
      code: 'reorg-new',
      name: 'new',
      survey_id: surveyId,
      sectors: [sector],
    });
    const res = await undo(split.id);
    expect(res.status).toBe(409);
    expect(res.body.message.en).toMatch(/has been used since/);
    expect(await unitByCode('11031')).toBeDefined();
    expect((await unit(ids.w3!))!.valid_to).toBe('2026-06-30');
    expect(await counterUnit('c3a')).toBe(north.id);
    expect(await links(split.id)).toHaveLength(2);
    const event = await t.db.dbRead.selectFrom('unit_reorganisations').selectAll().where('id', '=', split.id).executeTakeFirstOrThrow();
    expect(event.undone_at).toBeNull();
  });
});
