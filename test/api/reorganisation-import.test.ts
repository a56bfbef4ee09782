import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import { createCounter } from '../../db/counters';
import { createTenant } from '../../db/tenants';
import { ChangedMeanwhileError, writeReorganisations } from '../../db/unit-reorganisations';
import { createUnit } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { seedTenant } from '../../server/bootstrap/seed-tenant';
import { createTestApp, login, type TestApp } from '../support/test-app';

// A reorganisation imported from a sheet: lines grouped into events (a merge, a split with
// counters), checked by the same rules as one event, a dry run that writes nothing, and every
// event written in one transaction or none.
const SAMPLE = readFileSync(resolve(__dirname, '../fixtures/reorganisation-sample.csv'), 'utf8');
const HEADER = 'old_code,new_code,share,new_name,new_kind,parent_code,effective_on,note,counter_code';
const PASSWORD = 'reorg-sheet-password';
let t: TestApp;
let tenantId: number;
let admin: string;
const ids: Record<string, number> = {};
const counters: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.db.dbWrite, { code: 'reorg-sheet', name: 'Reorganisation sheet test' })).id;
  await seedTenant(t.db.dbWrite, tenantId, 2026);
  const add = async (key: string, parent: string | null, code: string, kind: 'province' | 'ward' | 'service_body') => {
    ids[key] = (
      await createUnit(t.db.dbWrite, {
        tenant_id: tenantId,
        parent_id: parent ? ids[parent]! : null,
        code,
        name: `Unit ${key}`,
        kind,
        valid_from: null,
      })
    ).id;
  };
  await add('p', null, '33', 'province');
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) await add(`w${n}`, 'p', `1100${n}`, 'ward');
  await add('sb', 'w1', 'SB-W1', 'service_body');
  await createUser(t.db.dbWrite, {
    tenant_id: tenantId,
    username: 'reorg-sheet-admin',
    password_hash: await hashPassword(PASSWORD),
    role: 'admin',
  });
  admin = await login(t.app, 'reorg-sheet-admin', PASSWORD);
  const surveyId = (await t.db.dbRead.selectFrom('surveys').select('id').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).id;
  const sector = (await t.db.dbRead.selectFrom('sectors').select('code').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).code;
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
        code: `rs-${key}`,
        name: key,
        survey_id: surveyId,
        sectors: [sector],
      })
    ).id;
  }
});
afterAll(() => t.close());

const upload = async <T = any>(file: string | Uint8Array, query = '') => {
  const res = await t.app.request(`/api/units/reorganisations/import?name=sheet.csv${query}`, {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'text/csv' },
    body: typeof file === 'string' ? file : new Blob([new Uint8Array(file)]),
  });
  return { status: res.status, body: (await res.json()) as T };
};

const count = async (table: 'units' | 'unit_reorganisations' | 'unit_links') =>
  Number(
    (
      await t.db.dbRead
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => ({ units: await count('units'), events: await count('unit_reorganisations'), links: await count('unit_links') });
const unit = (id: number) => t.db.dbRead.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inForce = (code: string) =>
  t.db.dbRead
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
const counterUnit = async (key: string) =>
  (await t.db.dbRead.selectFrom('counters').select('unit_id').where('id', '=', counters[key]!).executeTakeFirstOrThrow()).unit_id;
const problems = (body: any) => body.problems as { line: number; column: string; message: { vi: string; en: string } }[];

describe('a reorganisation sheet, dry run', () => {
  it('says what would change and writes nothing', async () => {
    const before = await counts();
    const res = await upload(SAMPLE, '&dryRun=1');
    expect(res.status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await counterUnit('c1')).toBe(ids.w1);
    expect(res.body).toMatchObject({ dryRun: true, effectiveOn: '2026-07-01', rows: 5 });
    const [merge, split] = res.body.events;
    expect(merge).toMatchObject({
      kind: 'merge',
      lines: [2, 3],
      note: 'Nghị quyết 01/2026',
      predecessors: [
        { code: '11001', name: 'Unit w1', ends: true },
        { code: '11002', name: 'Unit w2', ends: true },
      ],
      successors: [{ code: '11101', name: 'Phường Hồng Châu', created: true }],
      links: [
        { fromCode: '11001', toCode: '11101', share: 1 },
        { fromCode: '11002', toCode: '11101', share: 1 },
      ],
      children: [{ code: 'SB-W1', name: 'Unit sb', fromCode: '11001', toCode: '11101' }],
    });
    expect(merge.counters).toEqual([
      { code: 'rs-c1', fromCode: '11001', toCode: '11101' },
      { code: 'rs-c2', fromCode: '11002', toCode: '11101' },
    ]);
    expect(split).toMatchObject({
      kind: 'split',
      lines: [4, 5, 6],
      predecessors: [{ code: '11003', ends: true }],
      successors: [
        { code: '11103', name: 'Phường Lam Sơn', created: true },
        { code: '11104', name: 'Xã Tân Hưng', created: true },
      ],
      links: [
        { fromCode: '11003', toCode: '11103', share: 0.6 },
        { fromCode: '11003', toCode: '11104', share: 0.4 },
      ],
    });
    expect(split.counters).toEqual(
      expect.arrayContaining([
        { code: 'rs-c3a', fromCode: '11003', toCode: '11103' },
        { code: 'rs-c3b', fromCode: '11003', toCode: '11104' },
      ]),
    );
  });

  it('reads an Excel sheet sent as a form, with dryRun and effectiveOn as form fields and Vietnamese headings', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('sap-xep');
    sheet.addRow(['Mã cũ', 'Mã mới', 'Tỷ lệ', 'Tên mới']);
    sheet.addRow(['11004', '11204', '', 'Phường Mới']);
    sheet.addRow(['11005', '11204', '', 'Phường Mới']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const form = new FormData();
    form.append('file', new File([bytes], 'sap-xep.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    form.append('dryRun', '1');
    form.append('effectiveOn', '2026-07-01');
    const before = await counts();
    const res = await t.app.request('/api/units/reorganisations/import', { method: 'POST', headers: { cookie: admin }, body: form });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, effectiveOn: '2026-07-01', rows: 2 });
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ kind: 'merge', successors: [{ code: '11204', name: 'Phường Mới', created: true }] });
    expect(body.events[0].counters).toEqual([{ code: 'rs-c4', fromCode: '11004', toCode: '11204' }]);
    expect(await counts()).toEqual(before);
  });
});

describe('refused sheets: every problem by line and column, nothing written', () => {
  const refused = async (csv: string, query = '') => {
    const before = await counts();
    const res = await upload(csv, query);
    expect(res.status).toBe(422);
    expect(await counts()).toEqual(before);
    return problems(res.body);
  };

  it('refuses the whole file for one unknown old code, naming its line', async () => {
    const list = await refused(
      `${HEADER}\n11004,11204,,Phường Mới,,,2026-07-01,,\n11005,11204,,Phường Mới,,,,,\n99999,11206,,Phường X,,,,,\n`,
    );
    expect(list).toEqual([
      { line: 4, column: 'old_code', message: { vi: expect.any(String), en: 'No unit in force has the code 99999.' } },
    ]);
  });

  it('refuses a many-to-many group naming its codes', async () => {
    const list = await refused(
      `${HEADER}\n11004,11301,0.5,A,,,2026-07-01,,\n11004,11302,0.5,B,,,,,\n11005,11301,,A,,,,,\n11006,11306,,C,,,,,\n11007,11306,,C,,,,,\n`,
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 2, column: 'old_code' });
    expect(list[0]!.message.en).toContain('old codes 11004, 11005 to new codes 11301, 11302');
    expect(list[0]!.message.vi).toContain('11004, 11005');
  });

  it('refuses a share it cannot read, one out of range, and a split whose shares do not add up', async () => {
    const list = await refused(
      `${HEADER}\n11004,11401,abc,A,,,2026-07-01,,\n11004,11402,150%,B,,,,,\n11006,11403,"0,5",C,,,,,\n11006,11404,0.4,D,,,,,\n`,
    );
    expect(list.map((p) => [p.line, p.column])).toEqual([
      [2, 'share'],
      [3, 'share'],
    ]);
    expect(list[0]!.message.en).toBe('Share "abc" is not valid; write it as 0.6, 0,6 or 60%.');
    const sum = await refused(`${HEADER}\n11006,11403,"0,5",C,,,2026-07-01,,\n11006,11404,0.4,D,,,,,\n`);
    expect(sum).toEqual([
      { line: 2, column: 'share', message: { vi: expect.any(String), en: 'The shares must add up to 1 (they add up to 0.9).' } },
    ]);
  });

  it('refuses a split of a unit with counters in service when no counter_code says where they go', async () => {
    const list = await refused(`${HEADER}\n11003,11501,0.5,A,,,2026-07-01,,\n11003,11502,0.5,B,,,,,\n`);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 2, column: 'counter_code' });
    expect(list[0]!.message.en).toContain('still has counters in service (rs-c3a, rs-c3b)');
  });

  it('refuses a missing name, a missing date, two dates, and a bad column', async () => {
    expect(await refused(`${HEADER}\n11004,11601,,,,,2026-07-01,,\n11005,11601,,,,,,,\n`)).toMatchObject([
      { line: 2, column: 'new_name', message: { en: 'The new unit 11601 needs a name (new_name).' } },
    ]);
    expect(await refused(`${HEADER}\n11004,11004,,Tên mới,,,,,\n`)).toMatchObject([{ line: 1, column: 'effective_on' }]);
    expect(await refused(`${HEADER}\n11004,11004,,Tên mới,,,2026-07-01,,\n11005,11005,,Tên khác,,,2026-08-01,,\n`)).toMatchObject([
      { line: 3, column: 'effective_on' },
    ]);
    expect(await refused(`old_code,new_code,colour\n11004,11004,red\n`, '&effectiveOn=2026-07-01')).toMatchObject([
      { line: 1, column: 'colour' },
    ]);
  });
});

describe('a reorganisation sheet, recorded', () => {
  it('writes every event in one go: units ended, new units started, links with shares, counters and units moved, audited', async () => {
    const before = await counts();
    const res = await upload(SAMPLE);
    expect(res.status).toBe(201);
    expect(res.body.dryRun).toBe(false);
    const [merge, split] = res.body.events;
    expect(merge.id).toEqual(expect.any(Number));
    expect(split.id).toEqual(expect.any(Number));
    expect(await counts()).toEqual({ units: before.units + 3, events: before.events + 2, links: before.links + 4 });
    for (const key of ['w1', 'w2', 'w3']) expect((await unit(ids[key]!)).valid_to).toBe('2026-06-30');
    const hongChau = (await inForce('11101'))!;
    const lamSon = (await inForce('11103'))!;
    const tanHung = (await inForce('11104'))!;
    expect(hongChau).toMatchObject({ name: 'Phường Hồng Châu', kind: 'ward', parent_id: ids.p, valid_from: '2026-07-01' });
    expect(tanHung).toMatchObject({ name: 'Xã Tân Hưng', kind: 'commune' });
    expect(await counterUnit('c1')).toBe(hongChau.id);
    expect(await counterUnit('c2')).toBe(hongChau.id);
    expect(await counterUnit('c3a')).toBe(lamSon.id);
    expect(await counterUnit('c3b')).toBe(tanHung.id);
    expect((await unit(ids.sb!)).parent_id).toBe(hongChau.id);
    const links = await t.db.dbRead
      .selectFrom('unit_links')
      .select(['from_unit_id', 'to_unit_id', 'share'])
      .where('reorganisation_id', '=', split.id)
      .orderBy('to_unit_id')
      .execute();
    expect(links.map((l) => [l.from_unit_id, l.to_unit_id, Number(l.share)])).toEqual([
      [ids.w3, lamSon.id, 0.6],
      [ids.w3, tanHung.id, 0.4],
    ]);
    const audits = await listAudit(t.db.dbRead, tenantId, { limit: 10, action: 'unit_reorganised' });
    expect(audits.map((a) => a.subject).sort()).toEqual([`reorganisation:${merge.id}`, `reorganisation:${split.id}`].sort());
    expect(audits[0]!.details).toMatchObject({ file: { name: 'sheet.csv' } });
    const listed = await t.app.request('/api/units/reorganisations', { headers: { cookie: admin } });
    expect(((await listed.json()) as any).reorganisations.map((e: any) => e.id)).toEqual(expect.arrayContaining([merge.id, split.id]));
  });

  it('refuses the same file again: its old units already ended', async () => {
    const list = problems((await upload(SAMPLE)).body);
    expect(list.map((p) => [p.line, p.column])).toEqual([
      [2, 'old_code'],
      [3, 'old_code'],
      [4, 'old_code'],
      [5, 'old_code'],
      [6, 'old_code'],
    ]);
    expect(list[0]!.message.en).toBe(
      'Unit 11001 (Unit w1) already ended on 2026-06-30: this reorganisation was probably recorded already.',
    );
  });

  it('records a rename, a recode with a new name, and a merge into a unit that continues', async () => {
    const res = await upload(
      `${HEADER}\n11004,11004,,Phường Đổi Tên,,,2026-07-01,,\n11005,11505,,Phường Mã Mới,,,,,\n11006,11006,,,,,,,\n11007,11006,,,,,,,\n`,
    );
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: any) => e.kind)).toEqual(['rename', 'recode', 'merge']);
    expect((await unit(ids.w4!)).name).toBe('Phường Đổi Tên');
    expect((await unit(ids.w5!)).valid_to).toBe('2026-06-30');
    expect(await inForce('11505')).toMatchObject({ name: 'Phường Mã Mới', parent_id: ids.p });
    expect((await unit(ids.w6!)).valid_to).toBeNull();
    expect((await unit(ids.w7!)).valid_to).toBe('2026-06-30');
    expect(res.body.events[2].successors).toEqual([{ code: '11006', name: 'Unit w6', created: false }]);
  });
});

describe('events of one file that would cross', () => {
  it('refuses a parent_code naming a unit the same file ends', async () => {
    const before = await counts();
    const res = await upload(`${HEADER}\n11101,11701,,Phường Hợp,,,2026-09-01,,\n11103,11701,,Phường Hợp,,,,,\n11008,11008,,,,11101,,,\n`);
    expect(res.status).toBe(422);
    expect(problems(res.body)).toMatchObject([
      { line: 4, column: 'parent_code', message: { en: expect.stringContaining('Parent unit 11101 is reorganised by this same file') } },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a unit one event moves and another ends, naming it and both lines', async () => {
    // The merge takes SB-W1 (under 11101) along; the recode would end it and start SB-W9 under 11101, which the merge ends.
    const before = await counts();
    const res = await upload(`${HEADER}\n11101,11701,,Phường Hợp,,,2026-09-01,,\n11103,11701,,Phường Hợp,,,,,\nSB-W1,SB-W9,,,,,,,\n`);
    expect(res.status).toBe(422);
    const list = problems(res.body);
    expect(list.map((p) => [p.line, p.column])).toEqual([
      [4, 'old_code'],
      [4, 'old_code'],
    ]);
    expect(list.map((p) => p.message.en)).toEqual([
      'Unit sb (SB-W1) is changed by both line(s) 2, 3 and line(s) 4: record them in two files, one after the other.',
      'Phường Hồng Châu (11101) is changed by both line(s) 2, 3 and line(s) 4: record them in two files, one after the other.',
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('writing several events at once', () => {
  it('writes none when a later one fails: the earlier one is rolled back', async () => {
    const before = await counts();
    const base = {
      tenantId,
      effectiveOn: '2026-07-01',
      lastDay: '2026-06-30',
      note: null,
      createdBy: null,
      create: [],
      counters: [],
      children: [],
    };
    const rename = {
      ...base,
      kind: 'rename' as const,
      end: [],
      inPlace: { id: ids.w8!, name: 'Renamed' },
      links: [{ from: ids.w8!, to: { id: ids.w8! }, share: 1 }],
    };
    // w1 ended with the sample file: ending it again means someone got there first.
    const recode = { ...base, kind: 'recode' as const, end: [ids.w1!], links: [] };
    const along = async () => ({});
    await expect(writeReorganisations(t.db.dbWrite, [rename, recode], [along, along])).rejects.toBeInstanceOf(ChangedMeanwhileError);
    expect(await counts()).toEqual(before);
    expect((await unit(ids.w8!)).name).toBe('Unit w8');
  });
});
