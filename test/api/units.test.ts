import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import { createCounter } from '../../db/counters';
import { createTenant } from '../../db/tenants';
import { listUnits, updateUnit } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { seedTenant } from '../../server/bootstrap/seed-tenant';
import { refusalOf } from '../../server/units/unit-change';
import { localDay } from '../../surveys/time';
import { createTestApp, login, type TestApp } from '../support/test-app';

// Hưng Yên after 1 July 2025: the province (33) and its 104 communes and wards (test/fixtures/README.md).
const HUNG_YEN = readFileSync(resolve(__dirname, '../fixtures/hung-yen-2025.csv'));

interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  parentCode: string | null;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  retired: boolean;
}
interface Problem {
  line: number;
  column: string;
  message: { vi: string; en: string };
}

let t: TestApp;
let tenantId: number;
let admin: string;
const PASSWORD = 'units-test-password';

beforeAll(async () => {
  t = await createTestApp();
  // A tenant of its own, empty: the demo tenant is left as it is.
  tenantId = (await createTenant(t.db.dbWrite, { code: 'hy-units', name: 'Hưng Yên (units test)' })).id;
  await seedTenant(t.db.dbWrite, tenantId, 2026);
  await createUser(t.db.dbWrite, { tenant_id: tenantId, username: 'hy-admin', password_hash: await hashPassword(PASSWORD), role: 'admin' });
  admin = await login(t.app, 'hy-admin', PASSWORD);
});
afterAll(() => t.close());

const call = async <T = any>(cookie: string, method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
};

const upload = async <T = any>(cookie: string, file: string | Uint8Array, name = 'units.csv') => {
  const res = await t.app.request(`/api/units/import?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/csv' },
    body: typeof file === 'string' ? file : new Blob([new Uint8Array(file)]),
  });
  return { status: res.status, body: (await res.json()) as T };
};

const tree = async (cookie = admin, query = '') => (await call<{ units: UnitView[] }>(cookie, 'GET', `/api/units${query}`)).body.units;
const byCode = async (code: string, cookie = admin) => (await tree(cookie, '?retired=1')).find((u) => u.code === code && !u.retired)!;
const unitCount = async () => (await listUnits(t.db.dbRead, tenantId)).length;
const audits = async (action: string) => listAudit(t.db.dbRead, tenantId, { limit: 100, action });

describe('importing the Hưng Yên unit list', () => {
  it('imports the official file as it is into an empty tenant, and audits the counts', async () => {
    const res = await upload<{ rows: number; created: number; updated: number; unchanged: number }>(admin, HUNG_YEN, 'hung-yen-2025.csv');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ rows: 105, created: 105, updated: 0, unchanged: 0 });
    const units = await tree();
    expect(units).toHaveLength(105);
    expect(units[0]).toMatchObject({ code: '33', name: 'Tỉnh Hưng Yên', kind: 'province', parentId: null, depth: 0, retired: false });
    const below = units.slice(1);
    expect(below.every((u) => u.parentCode === '33' && u.depth === 1 && u.parentId === units[0]!.id)).toBe(true);
    expect(below.filter((u) => u.kind === 'ward')).toHaveLength(11);
    expect(below.filter((u) => u.kind === 'commune')).toHaveLength(93);
    expect(units.find((u) => u.code === '11980')!.name).toBe('Phường Hồng Châu');
    const [entry] = await audits('units_imported');
    expect(entry!.details).toMatchObject({
      created: 105,
      updated: 0,
      unchanged: 0,
      file: { name: 'hung-yen-2025.csv', size: HUNG_YEN.length },
    });
  });

  it('imports the same file again without changing anything', async () => {
    const before = await listUnits(t.db.dbRead, tenantId);
    const res = await upload(admin, HUNG_YEN, 'hung-yen-2025.csv');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: 105, created: 0, updated: 0, unchanged: 105 });
    expect(await listUnits(t.db.dbRead, tenantId)).toEqual(before);
    expect((await audits('units_imported'))[0]!.details).toMatchObject({ created: 0, updated: 0, unchanged: 105 });
  });

  it('reads the same list from an Excel file sent as a form, and finds nothing to change', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('units');
    for (const line of HUNG_YEN.toString('utf8').trim().split(/\r?\n/)) sheet.addRow(line.split(','));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const form = new FormData();
    form.append(
      'file',
      new File([bytes], 'hung-yen-2025.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const res = await t.app.request('/api/units/import', { method: 'POST', headers: { cookie: admin }, body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 105, created: 0, updated: 0, unchanged: 105 });
    expect((await audits('units_imported'))[0]!.details).toMatchObject({ file: { name: 'hung-yen-2025.xlsx', size: bytes.length } });
  });

  it('renames a unit whose name changed in the file, and only that one', async () => {
    const renamed = HUNG_YEN.toString('utf8').replace('11953,Phường Phố Hiến,ward,33', '11953,Phường Phố Hiến (mới),phường,33');
    const res = await upload(admin, renamed);
    expect(res.body).toEqual({ rows: 105, created: 0, updated: 1, unchanged: 104 });
    expect((await byCode('11953')).name).toBe('Phường Phố Hiến (mới)');
    // And back, for the tests below.
    expect((await upload(admin, HUNG_YEN)).body).toMatchObject({ updated: 1, unchanged: 104 });
  });

  it('refuses a whole file for any bad line, names each line and column, and writes nothing', async () => {
    const before = await unitCount();
    const csv = [
      'code,name,kind,parent_code,valid_from',
      '33-BV,Bệnh viện tỉnh,cơ quan,33,2025-07-01', // fine
      '123,Xã sai mã,xã,33,', // code format
      '12001,Xã không cha,commune,99,', // unknown parent
      '12002,Phường dưới phường,phường,11953,', // parent kind
      '33-BV,Trùng mã,service_body,33,', // duplicate in the file
      'A-1,Vòng một,service_body,A-2,', // a loop between two new rows
      'A-2,Vòng hai,service_body,A-1,',
      '12003,Xã loại lạ,huyện,33,', // kind
      '12004,Xã ngày sai,commune,33,2025-02-30', // date
    ].join('\n');
    const res = await upload<{ problems: Problem[]; rows: number }>(admin, csv);
    expect(res.status).toBe(422);
    expect(res.body.rows).toBe(9);
    const at = (line: number) => res.body.problems.filter((p) => p.line === line).map((p) => p.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['code']);
    expect(at(4)).toEqual(['parent_code']);
    expect(at(5)).toEqual(['kind']);
    expect(at(6)).toEqual(['code']);
    expect(at(7)).toContain('parent_code');
    expect(at(8)).toContain('parent_code');
    expect(at(9)).toEqual(['kind']);
    expect(at(10)).toEqual(['valid_from']);
    const p = res.body.problems.find((x) => x.line === 3)!;
    expect(p.message.vi).toMatch(/5 chữ số/);
    expect(p.message.en).toMatch(/5 digits/);
    expect(res.body.problems.find((x) => x.line === 6)!.message.en).toMatch(/line 2/);
    expect(res.body.problems.find((x) => x.line === 7)!.message.en).toMatch(/loop/);
    expect(await unitCount()).toBe(before);
  });

  it('refuses a file without the columns it needs', async () => {
    const res = await upload<{ problems: Problem[] }>(admin, 'ma,ten\n33,Hưng Yên\n');
    expect(res.status).toBe(422);
    expect(res.body.problems.map((p) => p.column).sort()).toEqual(['code', 'kind', 'ma', 'name', 'parent_code', 'ten']);
  });

  it('takes Vietnamese kind words and a parent named further down the same file', async () => {
    const csv = ['code,name,kind,parent_code', '33-BVDK-KN,Khoa Nội,cơ quan,33-BVDK,', '33-BVDK,Bệnh viện Đa khoa tỉnh,Cơ Quan,33,'].join(
      '\n',
    );
    const res = await upload(admin, csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const ward = await byCode('33-BVDK-KN');
    expect(ward).toMatchObject({ kind: 'service_body', parentCode: '33-BVDK', depth: 2 });
  });
});

describe('one unit at a time', () => {
  it('creates a unit under a parent chosen by id, and audits it', async () => {
    const ward = await byCode('11953');
    const res = await call<UnitView>(admin, 'POST', '/api/units', {
      code: '11953-MC',
      name: 'Bộ phận một cửa phường Phố Hiến',
      kind: 'service_body',
      parentId: ward.id,
      validFrom: '2025-07-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: '11953-MC', parentId: ward.id, parentCode: '11953', validFrom: '2025-07-01', retired: false });
    const [entry] = await audits('unit_created');
    expect(entry!.subject).toBe(`unit:${res.body.id}`);
    expect(entry!.details).toMatchObject({
      code: '11953-MC',
      name: 'Bộ phận một cửa phường Phố Hiến',
      kind: 'service_body',
      parentId: ward.id,
      parentCode: '11953',
    });
  });

  it('refuses a bad unit with a message in both languages and stores nothing', async () => {
    const province = await byCode('33');
    const ward = await byCode('11953');
    const before = await unitCount();
    const tries = [
      [{ code: '11953', name: 'Trùng', kind: 'ward', parentId: province.id }, 409, 'code'],
      [{ code: '12999', name: 'Không cha', kind: 'commune', parentId: 999999 }, 422, 'parentId'],
      [{ code: '129', name: 'Mã sai', kind: 'commune', parentId: province.id }, 422, 'code'],
      [{ code: '12998', name: 'Phường dưới phường', kind: 'ward', parentId: ward.id }, 422, 'parentId'],
      [{ code: '12997', name: 'Xã mồ côi', kind: 'commune', parentId: null }, 422, 'parentId'],
      [{ code: '12996', name: 'Huyện cũ', kind: 'district', parentId: province.id }, 422, 'kind'],
    ] as const;
    for (const [body, status, field] of tries) {
      const res = await call<{ message: { vi: string; en: string }; fields?: Record<string, unknown> }>(admin, 'POST', '/api/units', body);
      expect([body.code, res.status]).toEqual([body.code, status]);
      expect(res.body.message.vi.length).toBeGreaterThan(0);
      expect(res.body.message.en.length).toBeGreaterThan(0);
      expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    expect(await unitCount()).toBe(before);
  });

  it('renames and recodes, auditing only the fields that changed', async () => {
    const mc = await byCode('11953-MC');
    const res = await call<UnitView>(admin, 'PATCH', `/api/units/${mc.id}`, { name: 'Một cửa Phố Hiến', code: '11953-1C' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Một cửa Phố Hiến', code: '11953-1C' });
    const [entry] = await audits('unit_changed');
    expect(entry!.details).toEqual({
      code: '11953-MC',
      before: { name: 'Bộ phận một cửa phường Phố Hiến', code: '11953-MC' },
      after: { name: 'Một cửa Phố Hiến', code: '11953-1C' },
    });
    const taken = await call(admin, 'PATCH', `/api/units/${mc.id}`, { code: '11983' });
    expect(taken.status).toBe(409);
    const badCode = await call(admin, 'PATCH', `/api/units/${(await byCode('11983')).id}`, { code: '1198' });
    expect(badCode.status).toBe(422);
  });

  it('moves a unit with its whole subtree, and refuses a move under itself', async () => {
    const hospital = await byCode('33-BVDK');
    const dept = await byCode('33-BVDK-KN');
    const ward = await byCode('11983');
    const moved = await call<UnitView>(admin, 'PATCH', `/api/units/${hospital.id}`, { parentId: ward.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: ward.id, parentCode: '11983' });
    const rows = await listUnits(t.db.dbRead, tenantId);
    const path = (id: number) => rows.find((r) => r.id === id)!.path;
    expect(path(dept.id)).toBe(`${path(ward.id)}${hospital.id}/${dept.id}/`);
    expect((await audits('unit_changed'))[0]!.details).toMatchObject({
      before: { parentId: hospital.parentId },
      after: { parentId: ward.id },
    });

    const loop = await call<{ message: { en: string } }>(admin, 'PATCH', `/api/units/${hospital.id}`, { parentId: dept.id });
    expect(loop.status).toBe(422);
    expect(loop.body.message.en).toMatch(/under itself/);
    const self = await call(admin, 'PATCH', `/api/units/${hospital.id}`, { parentId: hospital.id });
    expect(self.status).toBe(422);
    expect(path(hospital.id)).toBe((await listUnits(t.db.dbRead, tenantId)).find((r) => r.id === hospital.id)!.path);
    // Were the checks ever bypassed, the database's own refusal reads as the same 422, and nothing moves.
    const raced = await updateUnit(t.db.dbWrite, tenantId, hospital.id, { parent_id: dept.id }, async () => {}).catch((e: unknown) => e);
    expect(refusalOf(raced)?.status).toBe(422);
    expect(path(hospital.id)).toBe((await listUnits(t.db.dbRead, tenantId)).find((r) => r.id === hospital.id)!.path);
    // A ward cannot move under a ward.
    expect((await call(admin, 'PATCH', `/api/units/${ward.id}`, { parentId: (await byCode('11980')).id })).status).toBe(422);
  });

  it('retires only a unit with nothing in service below it, frees its code, and brings it back', async () => {
    const hospital = await byCode('33-BVDK');
    const dept = await byCode('33-BVDK-KN');
    const busy = await call<{ message: { vi: string; en: string } }>(admin, 'PATCH', `/api/units/${hospital.id}`, { retired: true });
    expect(busy.status).toBe(409);
    expect(busy.body.message.en).toContain('Khoa Nội (33-BVDK-KN)');

    const surveyId = (await t.db.dbRead.selectFrom('surveys').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).id;
    await createCounter(t.db.dbWrite, {
      tenant_id: tenantId,
      unit_id: dept.id,
      code: 'hy-kn',
      name: 'Quầy khoa Nội',
      survey_id: surveyId,
      sectors: ['health'],
    });
    const counterBusy = await call<{ message: { en: string } }>(admin, 'PATCH', `/api/units/${dept.id}`, { retired: true });
    expect(counterBusy.status).toBe(409);
    expect(counterBusy.body.message.en).toContain('Quầy khoa Nội (hy-kn)');
    await t.db.dbWrite.updateTable('counters').set({ retired_at: new Date() }).where('code', '=', 'hy-kn').execute();

    const retired = await call<UnitView>(admin, 'PATCH', `/api/units/${dept.id}`, { retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ retired: true, validTo: localDay(new Date()) });
    expect((await audits('unit_changed'))[0]!.details).toMatchObject({
      before: { validTo: null },
      after: { validTo: localDay(new Date()) },
    });
    expect((await tree()).some((u) => u.id === dept.id)).toBe(false);
    expect((await tree(admin, '?retired=1')).find((u) => u.id === dept.id)).toMatchObject({ retired: true, parentCode: '33-BVDK' });

    // Its code is free for a unit in force; the old one cannot come back while the new one holds it.
    const again = await call<UnitView>(admin, 'POST', '/api/units', {
      code: '33-BVDK-KN',
      name: 'Khoa Nội (mới)',
      kind: 'service_body',
      parentId: hospital.id,
    });
    expect(again.status).toBe(201);
    expect((await call(admin, 'PATCH', `/api/units/${dept.id}`, { retired: false })).status).toBe(409);
    await call(admin, 'PATCH', `/api/units/${again.body.id}`, { validTo: '2026-01-01' });
    const back = await call<UnitView>(admin, 'PATCH', `/api/units/${dept.id}`, { retired: false });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ retired: false, validTo: null });

    // Nothing under a retired parent.
    await call(admin, 'PATCH', `/api/units/${dept.id}`, { retired: true });
    const under = await call(admin, 'POST', '/api/units', { code: 'KN-1', name: 'Phòng', kind: 'service_body', parentId: dept.id });
    expect(under.status).toBe(422);
    expect((await call(admin, 'PATCH', `/api/units/${dept.id}`, { validTo: '2020-01-01', validFrom: '2021-01-01' })).status).toBe(422);
  });
});

describe('a commune administrator', () => {
  let commune: string;
  let ward: UnitView;
  beforeAll(async () => {
    ward = await byCode('11983');
    await createUser(t.db.dbWrite, {
      tenant_id: tenantId,
      username: 'hy-ward-admin',
      password_hash: await hashPassword(PASSWORD),
      role: 'admin',
      unit_id: ward.id,
    });
    commune = await login(t.app, 'hy-ward-admin', PASSWORD);
  });

  it('sees their own subtree only', async () => {
    const units = await tree(commune);
    expect(units[0]).toMatchObject({ code: '11983', depth: 0 });
    expect(units.map((u) => u.code)).toEqual(expect.arrayContaining(['11983', '33-BVDK']));
    expect(units.some((u) => u.code === '33' || u.code === '11953')).toBe(false);
  });

  it('adds under their units, renames their own unit, and is refused everything else', async () => {
    const added = await call<UnitView>(commune, 'POST', '/api/units', {
      code: '11983-MC',
      name: 'Một cửa Sơn Nam',
      kind: 'service_body',
      parentId: ward.id,
    });
    expect(added.status).toBe(201);
    expect((await call(commune, 'PATCH', `/api/units/${ward.id}`, { name: 'Phường Sơn Nam (UBND)' })).status).toBe(200);

    const other = await byCode('11953');
    const refusals = [
      await call(commune, 'POST', '/api/units', { code: 'X-1', name: 'Ngoài', kind: 'service_body', parentId: other.id }),
      await call(commune, 'POST', '/api/units', { code: 'X-2', name: 'Gốc', kind: 'service_body', parentId: null }),
      await call(commune, 'PATCH', `/api/units/${other.id}`, { name: 'Không phải của tôi' }),
      await call(commune, 'PATCH', `/api/units/${ward.id}`, { retired: true }),
      await call(commune, 'PATCH', `/api/units/${ward.id}`, { parentId: other.id }),
      await call(commune, 'PATCH', `/api/units/${ward.id}`, { code: '11984' }),
      await call(commune, 'PATCH', `/api/units/${added.body.id}`, { parentId: other.id }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await byCode('11983')).parentCode).toBe('33');
    expect((await byCode('11983-MC')).parentCode).toBe('11983');
    // Rename the ward back for the import below.
    await call(commune, 'PATCH', `/api/units/${ward.id}`, { name: 'Phường Sơn Nam' });
  });

  it('imports within their subtree only', async () => {
    const inside = await upload(commune, 'code,name,kind,parent_code\n11983-TN,Tổ tiếp nhận,cơ quan,11983-MC\n');
    expect(inside.status).toBe(201);
    const outside = await upload<{ problems: Problem[] }>(
      commune,
      'code,name,kind,parent_code\nY-1,Ngoài phạm vi,cơ quan,11980\n11953,Phường Phố Hiến (đổi),ward,33\nY-2,Gốc,cơ quan,\n',
    );
    expect(outside.status).toBe(422);
    expect(outside.body.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'parent_code'],
      [3, 'code'],
      [3, 'parent_code'],
      [4, 'parent_code'],
    ]);
    expect((await byCode('11953')).name).toBe('Phường Phố Hiến');
  });

  it('is refused by an analyst change and the list is readable by an analyst', async () => {
    await createUser(t.db.dbWrite, {
      tenant_id: tenantId,
      username: 'hy-analyst',
      password_hash: await hashPassword(PASSWORD),
      role: 'analyst',
    });
    const analyst = await login(t.app, 'hy-analyst', PASSWORD);
    expect((await tree(analyst)).length).toBeGreaterThan(100);
    expect((await call(analyst, 'POST', '/api/units', { code: 'Z-1', name: 'Z', kind: 'service_body', parentId: null })).status).toBe(403);
    expect((await upload(analyst, HUNG_YEN)).status).toBe(403);
  });
});
