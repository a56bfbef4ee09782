import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitsInForce } from '../../db/units';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let communeAnalyst: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
  const units = await listUnitsInForce(t.db.dbRead, t.state.tenantId);
  const ward = units.find((u) => u.code === '11980')!;
  const res = await t.app.request('/api/users', {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'phan.tich.hong.chau', role: 'analyst', unitId: ward.id, password: 'ward-password-1' }),
  });
  expect(res.status).toBe(201);
  communeAnalyst = await login(t.app, 'phan.tich.hong.chau', 'ward-password-1');
});
afterAll(() => t.close());

const VI_HEADER = [
  'Mã hồ sơ',
  'Mã thủ tục',
  'Tên thủ tục',
  'Lĩnh vực',
  'Mã đơn vị tiếp nhận',
  'Kênh',
  'Ngày tiếp nhận',
  'Hạn giải quyết',
  'Ngày trả kết quả',
  'Đánh giá',
  'Thang đánh giá',
  'Có phản ánh',
  'Hạn trả lời phản ánh',
  'Ngày trả lời phản ánh',
  'Hài lòng với trả lời',
];
const code = (n: number) => `000.00.17.H31-260302-${String(n).padStart(4, '0')}`;
const row = (n: number, over: Partial<Record<(typeof VI_HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    'Mã hồ sơ': code(n),
    'Mã thủ tục': '1.004227',
    'Tên thủ tục': 'Cấp giấy chứng nhận quyền sử dụng đất',
    'Lĩnh vực': 'Đất đai',
    'Mã đơn vị tiếp nhận': '33-TTPVHCC',
    Kênh: 'Trực tiếp',
    'Ngày tiếp nhận': '02/03/2026 08:00',
    'Hạn giải quyết': '10/03/2026 17:00',
    'Ngày trả kết quả': '09/03/2026 10:00',
    'Đánh giá': '',
    'Thang đánh giá': '',
    'Có phản ánh': 'không',
    'Hạn trả lời phản ánh': '',
    'Ngày trả lời phản ánh': '',
    'Hài lòng với trả lời': '',
    ...over,
  };
  return VI_HEADER.map((h) => base[h]!);
};
const csv = (rows: string[][], header = VI_HEADER) =>
  [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

interface ImportBody {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun?: boolean;
  problems?: { line: number; column: string; message: { vi: string; en: string } }[];
}
async function upload(body: string | Uint8Array, opts: { cookie?: string; dryRun?: boolean; name?: string; type?: string } = {}) {
  const query = new URLSearchParams({ name: opts.name ?? 'ho-so.csv', ...(opts.dryRun ? { dryRun: '1' } : {}) });
  const res = await t.app.request(`/api/dossiers/import?${query}`, {
    method: 'POST',
    headers: { cookie: opts.cookie ?? admin, 'content-type': opts.type ?? 'text/csv' },
    body: body as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as ImportBody };
}
const storedCount = async () =>
  Number(
    (
      await t.db.dbRead
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const r3 = async () => {
  const res = await t.app.request('/api/indices/766?from=2026-03-01&to=2026-03-31', { headers: { cookie: admin } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { overall: { r3: { numerator: number; denominator: number }; online: { n: number } } };
  return body.overall;
};

const FIRST = [
  row(1),
  row(2, { Kênh: 'Trực tuyến', 'Đánh giá': '1', 'Thang đánh giá': '3' }),
  row(3, {
    'Có phản ánh': 'có',
    'Hạn trả lời phản ánh': '2026-03-12 17:00',
    'Ngày trả lời phản ánh': '2026-03-11T09:00:00+07:00',
    'Hài lòng với trả lời': 'x',
  }),
  row(4, { 'Ngày trả kết quả': '' }),
];

describe('a dossier sheet with Vietnamese headers', () => {
  it('checks a file in a dry run without storing anything', async () => {
    const res = await upload(csv(FIRST), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0, dryRun: true });
    expect(await storedCount()).toBe(0);
  });

  it('stores every row, audits it, and the index counts the finished ones', async () => {
    const res = await upload(csv(FIRST));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ rows: 4, created: 4, updated: 0, unchanged: 0 });
    expect(await storedCount()).toBe(4);
    const stored = await t.db.dbRead.selectFrom('dossiers').selectAll().where('code', '=', code(3)).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      complained: true,
      complaint_satisfied: true,
      sector_code: 'land',
      channel: 'in_person',
      source: 'import',
    });
    const audit = await t.db.dbRead.selectFrom('audit_log').selectAll().where('action', '=', 'dossiers_imported').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject: 'file:ho-so.csv', details: { rows: 4, created: 4, updated: 0, unchanged: 0 } });
    expect((audit[0]!.details as { file: { size: number } }).file.size).toBe(Buffer.byteLength(csv(FIRST)));
    // Finished: 1 (satisfied), 2 ("không hài lòng" on 3 levels), 3 (complained about); 4 is open.
    const overall = await r3();
    expect(overall.r3).toMatchObject({ numerator: 1, denominator: 3 });
    expect(overall.online.n).toBe(1);
  });

  it('changes nothing when the same file comes again', async () => {
    const res = await upload(csv(FIRST));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: 4, created: 0, updated: 0, unchanged: 4 });
    expect((await r3()).r3).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('updates a dossier whose rating and finish time changed, and the index moves with it', async () => {
    const next = [
      row(1, { 'Ngày trả kết quả': '11/03/2026 09:00' }), // now overdue
      row(2, { Kênh: 'Trực tuyến', 'Đánh giá': '3', 'Thang đánh giá': '3' }), // re-rated satisfied
      FIRST[2]!,
      row(4, { 'Ngày trả kết quả': '05/03/2026 15:00' }), // finished now
    ];
    const res = await upload(csv(next));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: 4, created: 0, updated: 3, unchanged: 1 });
    // Finished: 1 overdue, 2 satisfied, 3 complained, 4 satisfied: 2 of 4.
    expect((await r3()).r3).toMatchObject({ numerator: 2, denominator: 4 });
  });

  it('refuses a file with bad rows, listing each with its line and column, and stores nothing', async () => {
    const before = await storedCount();
    const bad = [
      row(10), // fine
      row(11, { Kênh: 'qua bưu điện' }),
      row(12, { 'Ngày tiếp nhận': '31/02/2026' }),
      row(13, { 'Mã đơn vị tiếp nhận': 'KHONG-CO' }),
      row(14, { 'Đánh giá': '2' }), // no scale
      row(15, { 'Có phản ánh': 'có lẽ' }),
      row(10),
    ];
    const res = await upload(csv(bad));
    expect(res.status).toBe(422);
    expect(res.body.rows).toBe(7);
    expect(res.body.problems!.map((p) => [p.line, p.column])).toEqual([
      [3, 'Kênh'],
      [4, 'Ngày tiếp nhận'],
      [5, 'Mã đơn vị tiếp nhận'],
      [6, 'Thang đánh giá'],
      [7, 'Có phản ánh'],
      [8, 'Mã hồ sơ'],
    ]);
    for (const p of res.body.problems!) expect(p.message.vi.length).toBeGreaterThan(5);
    expect(await storedCount()).toBe(before);
  });

  it('names an unknown column and a missing one on line 1', async () => {
    const header = [...VI_HEADER.filter((h) => h !== 'Hạn giải quyết'), 'Ghi chú'];
    const res = await upload(csv([[...row(20).filter((_, i) => VI_HEADER[i] !== 'Hạn giải quyết'), 'gọi lại']], header));
    expect(res.status).toBe(422);
    expect(res.body.problems!.map((p) => [p.line, p.column])).toEqual([
      [1, 'Ghi chú'],
      [1, 'Hạn giải quyết'],
    ]);
  });

  it("refuses a commune analyst's dossier of a unit outside the commune, storing nothing", async () => {
    const before = await storedCount();
    const res = await upload(csv([row(30, { 'Mã đơn vị tiếp nhận': '11980' }), row(31)]), { cookie: communeAnalyst });
    expect(res.status).toBe(422);
    expect(res.body.problems!.map((p) => [p.line, p.column])).toEqual([[3, 'Mã đơn vị tiếp nhận']]);
    expect(res.body.problems![0]!.message.en).toContain('outside');
    expect(await storedCount()).toBe(before);
  });
});

describe('a dossier sheet in Excel with English headers', () => {
  it('reads text and date cells, yes/no words and the English channel', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hồ sơ');
    sheet.addRow([
      'code',
      'procedure_code',
      'sector',
      'unit_code',
      'channel',
      'received_at',
      'due_at',
      'finished_at',
      'rating',
      'rating_scale',
      'complained',
    ]);
    // A date cell holds Excel's wall-clock time: 2026-03-03 09:30 in Vietnam.
    sheet.addRow([
      code(40),
      '1.001',
      'land',
      '33-TTPVHCC',
      'online',
      new Date(Date.UTC(2026, 2, 3, 9, 30)),
      '2026-03-12 17:00',
      '2026-03-06 10:00',
      2,
      5,
      'no',
    ]);
    sheet.addRow([code(41), '1.001', 'Land', '33-TTPVHCC', 'in_person', '2026-03-03 10:00', '2026-03-12', '2026-03-12 16:00', '', '', 0]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await upload(bytes, { name: 'ho-so.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(res.body).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(res.status).toBe(201);
    const stored = await t.db.dbRead
      .selectFrom('dossiers')
      .selectAll()
      .where('code', 'in', [code(40), code(41)])
      .orderBy('code')
      .execute();
    expect(stored[0]!.received_at.toISOString()).toBe('2026-03-03T02:30:00.000Z');
    expect(stored[0]).toMatchObject({ channel: 'online', rating: 2, rating_scale: 5, rating_unsatisfied: true, complained: false });
    // A due date alone is the end of that day.
    expect(stored[1]!.due_at.toISOString()).toBe('2026-03-12T16:59:59.999Z');
    expect(stored[1]).toMatchObject({ overdue: false, rating: null });
  });
});

describe('the template', () => {
  it('is a CSV with the Vietnamese headers and an example row that imports as it is', async () => {
    const res = await t.app.request('/api/dossiers/template.csv', { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    const [header, example] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header!.split(',').slice(0, 5)).toEqual(['Mã hồ sơ', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Mã đơn vị tiếp nhận']);
    expect(example).toContain('000.00.17.H31-260302-0001');
    const checked = await upload(text, { dryRun: true });
    expect(checked.status).toBe(200);
    expect(checked.body.rows).toBe(1);
  });
});
