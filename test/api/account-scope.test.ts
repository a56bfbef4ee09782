import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, listUnits, listUnitsInForce } from '../../db/units';
import { findUserByUsername } from '../../db/users';
import { createTestApp, login, type TestApp } from '../support/test-app';

// A scoped administrator (an admin of the provincial service centre, 33-TTPVHCC, with two desks
// under it, TT-A and TT-B) beside the tenant-wide one, and accounts inside the centre (a desk
// analyst, the centre's officer) and outside it (the hospital's analyst and officer, a
// tenant-wide analyst).
let t: TestApp;
let admin: string;
let cityAdmin: string;
let units: Record<string, number>;
const ids: Record<string, number> = {};
const PASSWORD = 'scope-password-1';

const call = async <T = Record<string, unknown>>(cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
};
type Refusal = { message: { vi: string; en: string }; fields?: Record<string, { en: string }> };
type Listed = { users: { id: number; username: string; role: string; unitId: number | null; counters?: string[] }[] };

const auditOf = async (action: string, subject: string) =>
  t.db.dbRead
    .selectFrom('audit_log')
    .select(['actor_username', 'details'])
    .where('action', '=', action)
    .where('subject', '=', subject)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  const centre = (await listUnits(t.db.dbRead, t.state.tenantId)).find((u) => u.code === '33-TTPVHCC')!;
  for (const code of ['TT-A', 'TT-B']) {
    await createUnit(t.db.dbWrite, {
      tenant_id: t.state.tenantId,
      parent_id: centre.id,
      code,
      name: `Tổ tiếp nhận ${code}`,
      kind: 'service_body',
    });
  }
  units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
  const accounts: [string, string, string | null][] = [
    ['quan.tri.tp', 'admin', '33-TTPVHCC'],
    ['phan.tich.an.tao', 'analyst', 'TT-A'],
    ['can.bo.mot.cua', 'officer', '33-TTPVHCC'],
    ['phan.tich.benh.vien', 'analyst', '33-BVDK'],
    ['can.bo.benh.vien', 'officer', '33-BVDK'],
    ['phan.tich.tinh', 'analyst', null],
  ];
  for (const [username, role, unit] of accounts) {
    const res = await call<{ id: number }>(admin, 'POST', '/api/users', {
      username,
      role,
      unitId: unit ? units[unit]! : null,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    ids[username] = res.body.id;
  }
  ids.admin = (await findUserByUsername(t.db.dbRead, 'admin'))!.id;
  cityAdmin = await login(t.app, 'quan.tri.tp', PASSWORD);
});
afterAll(() => t.close());

describe('a commune administrator manages the accounts of its subtree only', () => {
  it('lists only the accounts whose unit lies in its subtree, never a tenant-wide one; the tenant-wide administrator still sees all', async () => {
    const mine = await call<Listed>(cityAdmin, 'GET', '/api/users');
    expect(mine.status).toBe(200);
    expect(mine.body.users.map((u) => u.username).sort()).toEqual(['can.bo.mot.cua', 'phan.tich.an.tao', 'quan.tri.tp']);
    const all = await call<Listed>(admin, 'GET', '/api/users');
    expect(all.body.users.map((u) => u.username).sort()).toEqual([
      'admin',
      'can.bo.benh.vien',
      'can.bo.mot.cua',
      'phan.tich.an.tao',
      'phan.tich.benh.vien',
      'phan.tich.tinh',
      'quan.tri.tp',
    ]);
  });

  it('creates accounts inside its subtree only: the whole tenant or another branch is 403, an unknown unit 422, and nothing is created', async () => {
    const whole = await call<Refusal>(cityAdmin, 'POST', '/api/users', { username: 'ca.tinh', role: 'analyst', unitId: null });
    expect(whole.status).toBe(403);
    expect(whole.body.message.en).toMatch(/within your own units only/);
    expect(whole.body.message.vi).toMatch(/phạm vi/);
    const unitless = await call(cityAdmin, 'POST', '/api/users', { username: 'ca.tinh', role: 'admin' });
    expect(unitless.status).toBe(403);
    const elsewhere = await call<Refusal>(cityAdmin, 'POST', '/api/users', {
      username: 'o.benh.vien',
      role: 'analyst',
      unitId: units['33-BVDK'],
    });
    expect(elsewhere.status).toBe(403);
    expect((await call(cityAdmin, 'POST', '/api/users', { username: 'o.dau.do', role: 'analyst', unitId: 999_999 })).status).toBe(422);
    for (const name of ['ca.tinh', 'o.benh.vien', 'o.dau.do']) expect(await findUserByUsername(t.db.dbRead, name)).toBeUndefined();

    const inside = await call<{ unitId: number }>(cityAdmin, 'POST', '/api/users', {
      username: 'phan.tich.hien.nam',
      role: 'analyst',
      unitId: units['TT-B'],
    });
    expect(inside.status).toBe(201);
    expect((await findUserByUsername(t.db.dbRead, 'phan.tich.hien.nam'))?.unit_id).toBe(units['TT-B']);
  });

  it('refuses to change an account outside its subtree (403), to raise one to the whole tenant or move it out (403), and leaves it as it was', async () => {
    for (const name of ['phan.tich.benh.vien', 'phan.tich.tinh', 'admin']) {
      const res = await call<Refusal>(cityAdmin, 'PATCH', `/api/users/${ids[name]}`, { disabled: true });
      expect(res.status, name).toBe(403);
      expect(res.body.message.en).toMatch(/outside the units you manage/);
      expect((await findUserByUsername(t.db.dbRead, name))?.disabled_at).toBeNull();
    }
    expect((await call(cityAdmin, 'PATCH', '/api/users/987654', { disabled: true })).status).toBe(404);
    const raise = await call<Refusal>(cityAdmin, 'PATCH', `/api/users/${ids['phan.tich.an.tao']}`, { unitId: null });
    expect(raise.status).toBe(403);
    expect(raise.body.fields?.unitId?.en).toMatch(/whole-tenant scope/);
    const away = await call(cityAdmin, 'PATCH', `/api/users/${ids['phan.tich.an.tao']}`, { unitId: units['33-BVDK'] });
    expect(away.status).toBe(403);
    expect((await findUserByUsername(t.db.dbRead, 'phan.tich.an.tao'))?.unit_id).toBe(units['TT-A']);

    const moved = await call<{ unitId: number }>(cityAdmin, 'PATCH', `/api/users/${ids['phan.tich.an.tao']}`, {
      unitId: units['TT-B'],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unitId).toBe(units['TT-B']);
    const [entry] = await auditOf('user_changed', `user:${ids['phan.tich.an.tao']}`);
    expect(entry).toMatchObject({ actor_username: 'quan.tri.tp', details: { unitId: units['TT-B'] } });
  });

  it('keeps the self-demotion rule for a commune administrator too', async () => {
    const res = await call<Refusal>(cityAdmin, 'PATCH', `/api/users/${ids['quan.tri.tp']}`, { role: 'analyst' });
    expect(res.status).toBe(409);
    expect((await findUserByUsername(t.db.dbRead, 'quan.tri.tp'))?.role).toBe('admin');
  });

  it('refuses to reset the password of an account outside its subtree, which still signs in with its own', async () => {
    const res = await call<Refusal & { password?: string }>(cityAdmin, 'POST', `/api/users/${ids['phan.tich.benh.vien']}/reset-password`);
    expect(res.status).toBe(403);
    expect(res.body.password).toBeUndefined();
    expect(await login(t.app, 'phan.tich.benh.vien', PASSWORD)).toMatch(/=/);
    expect(await auditOf('password_reset', `user:${ids['phan.tich.benh.vien']}`)).toEqual([]);
    const inside = await call<{ password: string }>(cityAdmin, 'POST', `/api/users/${ids['can.bo.mot.cua']}/reset-password`);
    expect(inside.status).toBe(200);
    expect(await login(t.app, 'can.bo.mot.cua', inside.body.password)).toMatch(/=/);
  });
});

describe('an officer linked to the counters they staff', () => {
  const officerCounters = async (cookie: string) =>
    (await call<{ counters: { code: string }[] }>(cookie, 'GET', '/api/officer/counters')).body.counters.map((k) => k.code).sort();

  it('sees exactly its linked counters; with none, every counter of its unit; each change is audited with before and after', async () => {
    const officer = await login(t.app, 'can.bo.benh.vien', PASSWORD);
    const oneStopOfficer = ids['can.bo.mot.cua']!;
    const put = (cookie: string, codes: string[], id = oneStopOfficer) =>
      call<Refusal>(cookie, 'PUT', `/api/users/${id}/counters`, { counters: codes });

    const first = await put(admin, ['demo-land', 'demo-construction']);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: oneStopOfficer, counters: ['demo-construction', 'demo-land'] });
    const session = await login(
      t.app,
      'can.bo.mot.cua',
      (await call<{ password: string }>(admin, 'POST', `/api/users/${oneStopOfficer}/reset-password`)).body.password,
    );
    expect(await officerCounters(session)).toEqual(['demo-construction', 'demo-land']);
    // The hospital officer has no link: all the counters of the hospital, as before.
    expect(await officerCounters(officer)).toEqual(['demo-health']);

    const listed = await call<Listed>(cityAdmin, 'GET', '/api/users');
    expect(listed.body.users.find((u) => u.id === oneStopOfficer)?.counters).toEqual(['demo-construction', 'demo-land']);
    expect(listed.body.users.find((u) => u.username === 'quan.tri.tp')).not.toHaveProperty('counters');

    expect((await put(cityAdmin, ['demo-investment'])).status).toBe(200);
    expect(await officerCounters(session)).toEqual(['demo-investment']);
    expect((await put(cityAdmin, [])).status).toBe(200);
    expect(await officerCounters(session)).toEqual(['demo-construction', 'demo-investment', 'demo-land']);

    const entries = await auditOf('counter_staff_changed', `user:${oneStopOfficer}`);
    expect(entries.map((e) => [e.actor_username, e.details])).toEqual([
      ['admin', { user: 'can.bo.mot.cua', before: [], after: ['demo-construction', 'demo-land'] }],
      ['quan.tri.tp', { user: 'can.bo.mot.cua', before: ['demo-construction', 'demo-land'], after: ['demo-investment'] }],
      ['quan.tri.tp', { user: 'can.bo.mot.cua', before: ['demo-investment'], after: [] }],
    ]);
  });

  it('refuses a non-officer (422), an unknown or retired counter (422), one outside the officer’s unit (422) or the administrator’s scope (403), changing nothing', async () => {
    const officer = ids['can.bo.mot.cua']!;
    const put = (cookie: string, id: number, codes: string[]) =>
      call<Refusal>(cookie, 'PUT', `/api/users/${id}/counters`, { counters: codes });
    expect((await put(admin, officer, ['demo-land'])).status).toBe(200);
    const before = (await auditOf('counter_staff_changed', `user:${officer}`)).length;

    const analyst = await put(admin, ids['phan.tich.an.tao']!, ['demo-land']);
    expect(analyst.status).toBe(422);
    expect(analyst.body.message.en).toMatch(/Only a counter officer/);
    expect(analyst.body.message.vi).toMatch(/cán bộ tại quầy/);

    const unknown = await put(admin, officer, ['demo-land', 'khong-co']);
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields?.counters?.en).toMatch(/No counter with code khong-co/);

    const ward = await put(admin, officer, ['demo-civil']);
    expect(ward.status).toBe(422);
    expect(ward.body.message.en).toMatch(/not in this officer's unit/);

    expect((await put(cityAdmin, officer, ['demo-health'])).status).toBe(403);
    expect((await put(cityAdmin, ids['can.bo.benh.vien']!, ['demo-health'])).status).toBe(403);
    expect((await put(cityAdmin, 987654, [])).status).toBe(404);
    expect((await put(admin, officer, 'demo-land' as unknown as string[])).status).toBe(422);

    await t.db.dbWrite.updateTable('counters').set({ retired_at: new Date() }).where('code', '=', 'demo-construction').execute();
    const retired = await put(admin, officer, ['demo-construction']);
    expect(retired.status).toBe(422);
    expect(retired.body.message.en).toMatch(/no longer in service/);
    await t.db.dbWrite.updateTable('counters').set({ retired_at: null }).where('code', '=', 'demo-construction').execute();

    expect((await auditOf('counter_staff_changed', `user:${officer}`)).length).toBe(before);
    const listed = await call<Listed>(admin, 'GET', '/api/users');
    expect(listed.body.users.find((u) => u.id === officer)?.counters).toEqual(['demo-land']);
  });

  it('drops an account’s counter links when it stops being an officer, saying so in the audit entry', async () => {
    const officer = ids['can.bo.mot.cua']!;
    expect((await call(admin, 'PATCH', `/api/users/${officer}`, { role: 'analyst' })).status).toBe(200);
    const [entry] = await auditOf('role_changed', `user:${officer}`);
    expect(entry?.details).toEqual({ role: 'analyst', countersUnlinked: ['demo-land'] });
    expect((await call(admin, 'PATCH', `/api/users/${officer}`, { role: 'officer' })).status).toBe(200);
    const listed = await call<Listed>(admin, 'GET', '/api/users');
    expect(listed.body.users.find((u) => u.id === officer)?.counters).toEqual([]);
  });
});
