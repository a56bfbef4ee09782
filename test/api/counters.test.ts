import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, listUnitsInForce } from '../../db/units';
import { createUser } from '../../db/users';
import { hashPassword } from '../../server/auth/password';
import { localDay } from '../../surveys/time';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

/**
 * Administrators set up counters: create, edit, move, retire and take back, a sheet at a time;
 * a commune administrator only within their subtree; each change in the audit log; a retired
 * counter's QR page says since when and takes nothing.
 */
let t: TestApp;
let admin: string;
let commune: string;
let units: Record<string, number>;

interface Counter {
  code: string;
  name: string;
  unit: { id: number; code: string; name: string };
  sectors: string[];
  survey: { key: string; version: number; title: { vi: string; en: string } };
  kiosk: boolean;
  retired: boolean;
  retiredAt: string | null;
  posterUrl: string | null;
}
interface Refusal {
  error: string;
  message: { vi: string; en: string };
  fields?: Record<string, { vi: string; en: string }>;
}

beforeAll(async () => {
  t = await createTestApp();
  units = Object.fromEntries((await listUnitsInForce(t.db.dbRead, t.state.tenantId)).map((u) => [u.code, u.id]));
  // A ward's administrator: an admin with a unit manages that unit's subtree only.
  await createUser(t.db.dbWrite, {
    tenant_id: t.state.tenantId,
    username: 'xa.admin',
    password_hash: await hashPassword('commune-password-1'),
    role: 'admin',
    unit_id: units['11953']!,
  });
  admin = await login(t.app);
  commune = await login(t.app, 'xa.admin', 'commune-password-1');
});
afterAll(() => t.close());

async function call<T>(method: string, path: string, body?: unknown, cookie = admin) {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}
const list = async (cookie = admin) => (await call<{ counters: Counter[] }>('GET', '/api/counters', undefined, cookie)).body.counters;
const counterCount = async () => Number((await sql<{ n: string }>`select count(*) as n from counters`.execute(t.db.dbRead)).rows[0]!.n);
const responseCount = async () => Number((await sql<{ n: string }>`select count(*) as n from responses`.execute(t.db.dbRead)).rows[0]!.n);

async function newestAudit(action: string) {
  const { body } = await call<{ items: { action: string; subject: string; details: Record<string, unknown> }[] }>(
    'GET',
    `/api/audit?action=${action}`,
  );
  return body.items[0];
}

async function answersInUnit(unitId: number) {
  const { body } = await call<{ overall: { n: number } }>('GET', `/api/stats?unit=${unitId}&groupBy=none&from=2020-01-01&to=2035-12-31`);
  return body.overall.n;
}

function expectBilingual(body: Refusal) {
  expect(body.message.vi.length).toBeGreaterThan(5);
  expect(body.message.en.length).toBeGreaterThan(5);
  expect(body.message.vi).not.toBe(body.message.en);
}

describe('GET /api/counters', () => {
  it('lists each counter with its unit, sectors, survey, kiosk state and poster', async () => {
    const land = (await list()).find((c) => c.code === 'demo-land')!;
    expect(land).toMatchObject({
      name: 'Quầy Đất đai',
      unit: { id: units['33-TTPVHCC'], code: '33-TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên' },
      sectors: ['land'],
      survey: { key: 'sipas-counter-short', version: 1 },
      kiosk: false,
      retired: false,
      retiredAt: null,
      posterUrl: '/posters/demo-land',
    });
    expect(land.survey.title.vi.length).toBeGreaterThan(0);
    const investment = (await list()).find((c) => c.code === 'demo-investment')!;
    expect(investment.sectors).toEqual(['investment', 'business']);
  });

  it('shows a commune administrator the counters of their subtree only', async () => {
    // both ward counters are at Phường Phố Hiến since the demo merge
    expect((await list(commune)).map((c) => c.code)).toEqual(['demo-an-tao', 'demo-civil']);
    expect((await list()).length).toBe(7);
  });
});

describe('POST /api/counters', () => {
  it('creates a counter with a code made of its unit and name and the default survey of its first sector, and logs it', async () => {
    const before = await counterCount();
    const res = await call<Counter>('POST', '/api/counters', {
      name: 'Quầy Một cửa',
      unitId: units['11953'],
      sectors: ['land', 'construction'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: '11953-quay-mot-cua',
      name: 'Quầy Một cửa',
      unit: { id: units['11953'], code: '11953' },
      sectors: ['land', 'construction'],
      survey: { key: 'sipas-counter-short' },
      kiosk: false,
      retired: false,
      posterUrl: '/posters/11953-quay-mot-cua',
    });
    expect(await counterCount()).toBe(before + 1);
    expect(await newestAudit('counter_created')).toMatchObject({
      subject: 'counter:11953-quay-mot-cua',
      details: {
        code: '11953-quay-mot-cua',
        name: 'Quầy Một cửa',
        sectors: ['land', 'construction'],
        survey: 'sipas-counter-short',
        kiosk: false,
      },
    });
    // Its QR page takes answers at once.
    expect((await submitJson(t.app, '11953-quay-mot-cua', { answers: { overall: 5 } })).status).toBe(201);
    // The same unit and name again: the next free code.
    const again = await call<Counter>('POST', '/api/counters', { name: 'Quầy Một cửa', unitId: units['11953'], sectors: ['land'] });
    expect(again.status).toBe(201);
    expect(again.body.code).toBe('11953-quay-mot-cua-2');
  });

  it('gives a health counter the outpatient survey, takes a code and kiosk given, and lists it on its unit’s poster sheet', async () => {
    const res = await call<Counter>('POST', '/api/counters', {
      code: 'bv-khoa-nhi',
      name: 'Khoa Nhi',
      unitId: units['33-BVDK'],
      sectors: ['health'],
      kiosk: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'bv-khoa-nhi', survey: { key: 'health-outpatient' }, kiosk: true });
    const sheet = await t.app.request(`/posters/unit/${units['33-BVDK']}`, { headers: { cookie: admin } });
    expect(sheet.status).toBe(200);
    const html = await sheet.text();
    expect(html).toContain('data-counter="bv-khoa-nhi"');
    expect(html).toContain('data-counter="demo-health"');
  });

  it('refuses bad input with a bilingual 4xx and stores nothing', async () => {
    const before = await counterCount();
    const retiredUnit = await createUnit(t.db.dbWrite, {
      tenant_id: t.state.tenantId,
      parent_id: units['33']!,
      code: '11956',
      name: 'Phường cũ',
      kind: 'ward',
    });
    await sql`update units set valid_to = '2025-06-30' where id = ${retiredUnit.id}`.execute(t.db.dbWrite);
    const base = { name: 'Quầy thử', unitId: units['33-TTPVHCC'], sectors: ['land'] };
    const cases: [unknown, number, string][] = [
      [{ ...base, code: 'demo-land' }, 409, 'code'],
      [{ ...base, code: 'Quầy 1' }, 422, 'code'],
      [{ ...base, code: '-x' }, 422, 'code'],
      [{ ...base, sectors: [] }, 422, 'sectors'],
      [{ ...base, sectors: ['land', 'astrology'] }, 422, 'sectors'],
      [{ ...base, survey: 'no-such-survey' }, 422, 'survey'],
      [{ ...base, unitId: 999_999 }, 422, 'unitId'],
      [{ ...base, unitId: retiredUnit.id }, 422, 'unitId'],
      [{ ...base, name: '   ' }, 422, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const res = await call<Refusal>('POST', '/api/counters', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expectBilingual(res.body);
      expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    const unknownSector = await call<Refusal>('POST', '/api/counters', { ...base, sectors: ['astrology'] });
    expect(unknownSector.body.message.vi).toContain('astrology');
    const retired = await call<Refusal>('POST', '/api/counters', { ...base, unitId: retiredUnit.id });
    expect(retired.body.message.vi).toContain('Phường cũ');
    expect(await counterCount()).toBe(before);
  });

  it('refuses a commune administrator a unit outside their subtree (403), and lets them create in it', async () => {
    const before = await counterCount();
    const out = await call<Refusal>(
      'POST',
      '/api/counters',
      { name: 'Quầy ngoài', unitId: units['33-TTPVHCC'], sectors: ['land'] },
      commune,
    );
    expect(out.status).toBe(403);
    expectBilingual(out.body);
    expect(await counterCount()).toBe(before);
    const own = await call<Counter>(
      'POST',
      '/api/counters',
      { code: 'an-tao-dat-dai', name: 'Quầy Đất đai phường', unitId: units['11953'], sectors: ['land'] },
      commune,
    );
    expect(own.status).toBe(201);
    expect((await list(commune)).map((c) => c.code)).toContain('an-tao-dat-dai');
  });
});

describe('PATCH /api/counters/:code', () => {
  it('changes name, sectors and survey, logging only the fields that changed, before and after', async () => {
    const res = await call<Counter>('PATCH', '/api/counters/demo-construction', {
      name: 'Quầy Xây dựng – Quy hoạch',
      sectors: ['construction', 'land'],
      survey: 'sipas-counter',
      kiosk: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Quầy Xây dựng – Quy hoạch',
      sectors: ['construction', 'land'],
      survey: { key: 'sipas-counter' },
    });
    expect(await newestAudit('counter_changed')).toEqual(
      expect.objectContaining({
        subject: 'counter:demo-construction',
        details: {
          before: { name: 'Quầy Xây dựng', sectors: ['construction'], survey: 'sipas-counter-short' },
          after: { name: 'Quầy Xây dựng – Quy hoạch', sectors: ['construction', 'land'], survey: 'sipas-counter' },
        },
      }),
    );
    // The citizen page asks the new survey at once.
    const form = (await (await t.app.request('/q/demo-construction', { headers: { accept: 'application/json' } })).json()) as {
      counter: { name: string; sectors: string[] };
      survey: { key: string };
    };
    expect(form).toMatchObject({
      counter: { name: 'Quầy Xây dựng – Quy hoạch', sectors: ['construction', 'land'] },
      survey: { key: 'sipas-counter' },
    });
  });

  it('moves a counter to another unit: earlier answers keep their unit in the figures, new ones go to the new unit', async () => {
    const oneStop = units['33-TTPVHCC']!;
    const ward = units['11980']!;
    const [stopBefore, wardBefore] = [await answersInUnit(oneStop), await answersInUnit(ward)];
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 4 } })).status).toBe(201);
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 2 } })).status).toBe(201);
    const moved = await call<Counter>('PATCH', '/api/counters/demo-land', { unitId: ward });
    expect(moved.status).toBe(200);
    expect(moved.body.unit).toEqual({ id: ward, code: '11980', name: 'Phường Hồng Châu' });
    expect(await newestAudit('counter_changed')).toMatchObject({
      subject: 'counter:demo-land',
      details: { before: { unit: { id: oneStop, code: '33-TTPVHCC' } }, after: { unit: { id: ward, code: '11980' } } },
    });
    expect(await answersInUnit(oneStop)).toBe(stopBefore + 2);
    expect(await answersInUnit(ward)).toBe(wardBefore);
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 5 } })).status).toBe(201);
    expect(await answersInUnit(oneStop)).toBe(stopBefore + 2);
    expect(await answersInUnit(ward)).toBe(wardBefore + 1);
    // Back where it was, for the tests after this one.
    expect((await call('PATCH', '/api/counters/demo-land', { unitId: oneStop })).status).toBe(200);
  });

  it('refuses bad changes and a commune administrator’s reach outside their subtree, changing nothing', async () => {
    const before = (await list()).find((c) => c.code === 'demo-investment')!;
    const bad: [string, unknown, number, string | null][] = [
      ['demo-investment', { sectors: [] }, 422, 'sectors'],
      ['demo-investment', { sectors: ['nope'] }, 422, 'sectors'],
      ['demo-investment', { survey: 'nope' }, 422, 'survey'],
      ['demo-investment', { unitId: 999_999 }, 422, 'unitId'],
      ['demo-investment', { name: '' }, 422, 'name'],
      ['demo-investment', {}, 422, null],
      ['no-such-counter', { kiosk: true }, 404, null],
    ];
    for (const [code, body, status, field] of bad) {
      const res = await call<Refusal>('PATCH', `/api/counters/${code}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expectBilingual(res.body);
      if (field) expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    const notTheirs = await call<Refusal>('PATCH', '/api/counters/demo-investment', { kiosk: true }, commune);
    expect(notTheirs.status).toBe(403);
    expectBilingual(notTheirs.body);
    // Their own counter may not be moved out of their subtree either.
    const away = await call<Refusal>('PATCH', '/api/counters/demo-civil', { unitId: units['33-TTPVHCC'] }, commune);
    expect(away.status).toBe(403);
    expect((await list()).find((c) => c.code === 'demo-investment')).toEqual(before);
    expect((await list()).find((c) => c.code === 'demo-civil')!.unit.code).toBe('11953');
    // Within it, the change goes through.
    const kiosk = await call<Counter>('PATCH', '/api/counters/demo-civil', { kiosk: true }, commune);
    expect(kiosk).toMatchObject({ status: 200, body: { kiosk: true } });
  });

  it('retires a counter: its QR page says since when with 410 and no form, takes nothing, and leaves the poster sheet; re-activated, it works again at once', async () => {
    const retire = await call<Counter>('PATCH', '/api/counters/demo-education', { retired: true });
    expect(retire.status).toBe(200);
    expect(retire.body).toMatchObject({ retired: true, posterUrl: null });
    expect(retire.body.retiredAt).not.toBeNull();
    expect(await newestAudit('counter_changed')).toMatchObject({
      subject: 'counter:demo-education',
      details: { before: { retired: false }, after: { retired: true } },
    });
    const [y, m, d] = localDay(new Date(retire.body.retiredAt!)).split('-');
    const sentence = `Quầy này đã ngừng nhận ý kiến từ ngày ${d}/${m}/${y}`;

    const page = await t.app.request('/q/demo-education');
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain(sentence);
    expect(html).toContain(`${d}/${m}/${y}`);
    expect(html).toMatch(/lang="en"/);
    expect(html).not.toContain('<form');

    const json = await t.app.request('/q/demo-education', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(410);
    expect(((await json.json()) as Refusal).message.vi).toContain(sentence);

    const stored = await responseCount();
    const token = await (async () => {
      // A form opened before the counter was retired still holds a token; it is refused all the same.
      await call('PATCH', '/api/counters/demo-education', { retired: false });
      const t0 = (
        (await (await t.app.request('/q/demo-education', { headers: { accept: 'application/json' } })).json()) as { token: string }
      ).token;
      await call('PATCH', '/api/counters/demo-education', { retired: true });
      return t0;
    })();
    const post = await t.app.request('/q/demo-education', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientKey: 'retired-counter-answer', token, answers: {} }),
    });
    expect(post.status).toBe(410);
    const formPost = await t.app.request('/q/demo-education', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ clientKey: 'retired-counter-form', token }).toString(),
    });
    expect(formPost.status).toBe(410);
    expect(await formPost.text()).toContain(sentence);
    expect(await responseCount()).toBe(stored);

    const sheet = await (await t.app.request(`/posters/unit/${units['33']}`, { headers: { cookie: admin } })).text();
    expect(sheet).not.toContain('data-counter="demo-education"');
    expect(sheet).toContain('data-counter="demo-health"');
    expect((await t.app.request('/posters/demo-education', { headers: { cookie: admin } })).status).toBe(404);

    const back = await call<Counter>('PATCH', '/api/counters/demo-education', { retired: false });
    expect(back.body).toMatchObject({ retired: false, retiredAt: null, posterUrl: '/posters/demo-education' });
    expect((await t.app.request('/q/demo-education')).status).toBe(200);
    const sheetAgain = await (await t.app.request(`/posters/unit/${units['33']}`, { headers: { cookie: admin } })).text();
    expect(sheetAgain).toContain('data-counter="demo-education"');
  });
});

describe('POST /api/counters/import', () => {
  const upload = async (body: BodyInit, type = 'text/csv', cookie = admin) => {
    const res = await t.app.request('/api/counters/import', { method: 'POST', headers: { cookie, 'content-type': type }, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const GOOD = [
    'code,name,unit_code,sectors,survey,kiosk',
    'tp-ho-tich,Quầy Hộ tịch thành phố,33-TTPVHCC,civil_status;justice,,0',
    ',Quầy Lao động,33-TTPVHCC,labour|other,sipas-counter,',
    'demo-health,Quầy tiếp đón Khoa Khám bệnh,33-BVDK,health,,có',
  ].join('\n');

  it('refuses a whole sheet when one line is wrong, with each problem by line and column, saving nothing', async () => {
    const before = await counterCount();
    const kioskBefore = (await list()).find((c) => c.code === 'demo-health')!.kiosk;
    const bad = [
      GOOD,
      'tp-ho-tich,Trùng mã,33-TTPVHCC,land,,',
      'Mã Sai,Quầy,33-TTPVHCC,land,,',
      'tp-moi,Quầy mới,NO-SUCH-UNIT,land,,',
      'tp-moi-2,Quầy mới 2,33-TTPVHCC,,,',
      'tp-moi-3,Quầy mới 3,33-TTPVHCC,land,khong-co,',
      'tp-moi-4,Quầy mới 4,33-TTPVHCC,land,,maybe',
    ].join('\n');
    const res = await upload(bad);
    expect(res.status).toBe(422);
    expect((res.body.message as { vi: string }).vi).toMatch(/^Chưa lưu dòng nào/);
    const problems = res.body.problems as { line: number; column: string; message: { vi: string; en: string } }[];
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 'code'],
      [6, 'code'],
      [7, 'unit_code'],
      [8, 'sectors'],
      [9, 'survey'],
      [10, 'kiosk'],
    ]);
    expect(problems[0]!.message.vi).toContain('dòng 2');
    expect(problems[2]!.message.vi).toContain('NO-SUCH-UNIT');
    for (const p of problems) expect(p.message.en.length).toBeGreaterThan(5);
    expect(await counterCount()).toBe(before);
    expect((await list()).find((c) => c.code === 'demo-health')!.kiosk).toBe(kioskBefore);
  });

  it('creates and updates in one go, and the same sheet again changes nothing and says so', async () => {
    const before = await counterCount();
    const first = await upload(GOOD);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0 });
    const lines = first.body.lines as { line: number; code: string; outcome: string }[];
    expect(lines).toEqual([
      { line: 2, code: 'tp-ho-tich', outcome: 'created' },
      { line: 3, code: '33-ttpvhcc-quay-lao-dong', outcome: 'created' },
      { line: 4, code: 'demo-health', outcome: 'updated' },
    ]);
    expect(await counterCount()).toBe(before + 2);
    const all = await list();
    expect(all.find((c) => c.code === 'tp-ho-tich')).toMatchObject({
      sectors: ['civil_status', 'justice'],
      survey: { key: 'sipas-counter-short' },
      kiosk: false,
    });
    expect(all.find((c) => c.code === '33-ttpvhcc-quay-lao-dong')).toMatchObject({
      sectors: ['labour', 'other'],
      survey: { key: 'sipas-counter' },
    });
    expect(all.find((c) => c.code === 'demo-health')!.kiosk).toBe(true);
    expect(await newestAudit('counters_imported')).toMatchObject({ details: { rows: 3, created: 2, updated: 1, unchanged: 0 } });

    const again = await upload(GOOD);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect((again.body.lines as { outcome: string }[]).map((l) => l.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await counterCount()).toBe(before + 2);
    expect(await newestAudit('counters_imported')).toMatchObject({ details: { rows: 3, created: 0, updated: 0, unchanged: 3 } });
  });

  it('reads an Excel sheet too, and keeps a commune administrator to their subtree', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Quầy');
    sheet.addRow(['code', 'name', 'unit_code', 'sectors', 'survey', 'kiosk']);
    sheet.addRow(['an-tao-lao-dong', 'Quầy Lao động phường', '11953', 'labour, other', '', '']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const before = await counterCount();

    const outside = new Uint8Array(
      await (async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Quầy');
        ws.addRow(['code', 'name', 'unit_code', 'sectors']);
        ws.addRow(['an-tao-lao-dong', 'Quầy Lao động phường', '11953', 'labour']);
        ws.addRow(['demo-land', 'Quầy Đất đai', '33-TTPVHCC', 'land']);
        return wb.xlsx.writeBuffer();
      })(),
    );
    const refused = await upload(outside, type, commune);
    expect(refused.status).toBe(422);
    expect((refused.body.problems as { line: number; column: string }[]).map((p) => [p.line, p.column])).toEqual([
      [3, 'unit_code'],
      [3, 'code'],
    ]);
    expect(await counterCount()).toBe(before);

    const ok = await upload(xlsx, type, commune);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ rows: 1, created: 1 });
    expect((await list(commune)).find((c) => c.code === 'an-tao-lao-dong')).toMatchObject({
      sectors: ['labour', 'other'],
      unit: { code: '11953' },
    });
  });

  it('names the columns a sheet lacks', async () => {
    const res = await upload('code,name\nx1,Quầy');
    expect(res.status).toBe(422);
    const problems = res.body.problems as { line: number; message: { vi: string } }[];
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.message.vi).toContain('unit_code');
    expect(problems[0]!.message.vi).toContain('sectors');
  });
});
