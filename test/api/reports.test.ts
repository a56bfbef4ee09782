import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../db/cases';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await storeRandomResponses(t.db, {
    count: 1200,
    seed: 11,
    codes: ['demo-land', 'demo-investment', 'demo-health', 'demo-education', 'demo-civil'],
    from: new Date('2025-12-01T00:00:00Z'),
    days: 220,
    flaggedShare: 0.03,
  });
});
afterAll(() => t.close());

const get = async <T>(path: string): Promise<T> => {
  const res = await t.app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};
type Row = {
  key: string;
  n: number;
  satisfied: number;
  rate: number | null;
  interval: unknown;
  target: number;
  verdict: string;
  confidence: string | null;
};
const figures = (r: Row) => ({
  key: r.key,
  n: r.n,
  satisfied: r.satisfied,
  rate: r.rate,
  interval: r.interval,
  target: r.target,
  verdict: r.verdict,
  confidence: r.confidence,
});

describe('the 6-month report (15 Dec of the year before to 14 Jun)', () => {
  it('covers the reporting period and its numbers equal the dashboard for the same filter', async () => {
    const report = await get<{
      period: { from: string; to: string; due: string };
      overall: Row;
      bySector: Row[];
      byUnit: Row[];
      byChannel: { channel: string; n: number }[];
      factors: { survey: string; factors: unknown[] }[];
      comments: { total: number };
      complaints: { open: number; overdue: number; answered: number };
      methods: { n: number; surveyVersions: { survey: string; version: number }[] };
    }>('/api/reports?kind=h1&year=2026');
    expect(report.period).toMatchObject({ from: '2025-12-15', to: '2026-06-14', due: '2026-06-14' });
    const sectors = await get<{ overall: Row; rows: Row[] }>('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector');
    const units = await get<{ rows: Row[] }>('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=unit');
    expect(report.bySector.map(figures)).toEqual(sectors.rows.map(figures));
    expect(report.byUnit.map(figures)).toEqual(units.rows.map(figures));
    expect(figures(report.overall)).toEqual(figures(sectors.overall));
    expect(report.overall.n).toBeGreaterThan(500);
    expect(report.byChannel.reduce((a, c) => a + c.n, 0)).toBe(report.overall.n);
    expect(report.methods.n).toBe(report.overall.n);
    expect(report.methods.surveyVersions.map((v) => v.survey).sort()).toEqual(['education', 'health-outpatient', 'sipas-counter-short']);
    expect(report.factors.map((f) => f.survey).sort()).toEqual(['education', 'health-outpatient', 'sipas-counter-short']);
    const cases = await get<{ open: number; overdue: number; answered: number }>('/api/cases/figures?from=2025-12-15&to=2026-06-14');
    expect(report.complaints).toMatchObject({ open: cases.open, overdue: cases.overdue, answered: cases.answered });
  });

  it('prints as an A4 page showing the same figures', async () => {
    const res = await t.app.request('/reports/print?kind=h1&year=2026', { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('Báo cáo kết quả đo lường sự hài lòng của người dân, tổ chức 6 tháng đầu năm 2026');
    expect(html).toContain('15/12/2025 – 14/06/2026 · Hạn nộp: 14/06/2026');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO day or instant is printed
    expect(html).toMatch(/Lập lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam, Asia\/Ho_Chi_Minh\)/);
    const sectors = await get<{ overall: Row; rows: Row[] }>('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector');
    const land = sectors.rows.find((r) => r.key === 'land')!;
    const landRow = new RegExp(`data-key="land">.*?data-col="n">([^<]+)<.*?data-col="satisfied">([^<]+)<`, 's').exec(html)!;
    const count = (s: string) => Number(s.replace(/\./g, ''));
    expect([count(landRow[1]!), count(landRow[2]!)]).toEqual([land.n, land.satisfied]);
    expect(html).toContain('Khoảng tin cậy Wilson 95%');
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/print.js" defer>']);
  });

  it('takes any custom period, and says what is wrong with a bad one', async () => {
    const custom = await get<{ period: { from: string; to: string }; overall: Row }>(
      '/api/reports?kind=custom&from=2026-02-01&to=2026-02-28',
    );
    const stats = await get<{ overall: Row }>('/api/stats?from=2026-02-01&to=2026-02-28');
    expect(custom.overall.n).toBe(stats.overall.n);
    const bad = await t.app.request('/api/reports?kind=custom&from=2026-03-01', { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fields: object }).fields)).toEqual(['from']);
    expect((await t.app.request('/api/reports?kind=q1', { headers: { cookie } })).status).toBe(400);
    expect((await t.app.request('/api/reports?kind=h1&year=2026')).status).toBe(401);
  });

  it('downloads as a workbook whose figures equal the report, read back by another library', async () => {
    const res = await t.app.request('/api/reports/report.xlsx?kind=h1&year=2026', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('hailong-bao-cao-2025-12-15-2026-06-14.xlsx');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual([
      'Theo lĩnh vực',
      'Theo đơn vị',
      'Theo kênh',
      'Chỉ số thành phần',
      'Điều tra XHH',
      'Chỉ số 766',
      'Phương pháp',
    ]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Theo lĩnh vực']!, { header: 1 }).slice(3);
    const sectors = await get<{ overall: Row; rows: (Row & { label: string })[] }>(
      '/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector',
    );
    // Rates are percent cells: the fraction, unrounded (the cell format shows it as a percent).
    const fraction = (rate: number | null) => (rate === null ? undefined : rate / 100);
    expect(rows.map((r) => [r[1], r[2], r[3], r[7]])).toEqual([
      ...sectors.rows.map((r) => [
        r.n,
        r.satisfied,
        fraction(r.rate),
        { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' }[r.verdict],
      ]),
      [
        sectors.overall.n,
        sectors.overall.satisfied,
        fraction(sectors.overall.rate),
        { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' }[sectors.overall.verdict],
      ],
    ]);
  });

  it('files the workbook as an official would: percent and date formats, widths, a bold frozen header', async () => {
    const res = await t.app.request('/api/reports/report.xlsx?kind=h1&year=2026', { headers: { cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet('Theo lĩnh vực')!;
    expect(sheet.getCell('A3').value).toBe('Tên');
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
    for (const col of [2, 3, 4, 7, 8]) expect(sheet.getColumn(col).width, `column ${col}`).toBeGreaterThanOrEqual(10);
    const land = sheet.getRow(4);
    const sectors = await get<{ rows: Row[] }>('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector');
    expect(land.getCell(1).value).toBe('Đất đai');
    expect(land.getCell(4).value).toBe(sectors.rows.find((r) => r.key === 'land')!.rate! / 100);
    expect(land.getCell(4).numFmt).toMatch(/^0\.00?0?%$/);
    expect(land.getCell(5).numFmt).toBe('0.0%');
    expect(land.getCell(7)).toMatchObject({ value: 0.85, numFmt: '0%' });
    expect(land.getCell(2).numFmt).toBe('#,##0');
    const methods = book.getWorksheet('Phương pháp')!;
    const period = methods.getRow(4);
    expect(period.getCell(1).value).toBe('Kỳ báo cáo');
    expect(period.getCell(2)).toMatchObject({ value: new Date('2025-12-15T00:00:00Z'), numFmt: 'dd/mm/yyyy' });
    expect(period.getCell(3)).toMatchObject({ value: new Date('2026-06-14T00:00:00Z'), numFmt: 'dd/mm/yyyy' });
  });

  it('lists sectors in the plan’s order in the JSON, the printed page and the workbook', async () => {
    const planOrder = ['land', 'investment', 'health', 'education', 'civil_status', 'justice', 'business'];
    const report = await get<{ bySector: Row[] }>('/api/reports?kind=h1&year=2026');
    const keys = report.bySector.map((r) => r.key);
    expect(keys).toEqual(planOrder.filter((k) => keys.includes(k)));
    expect(keys.slice(0, 4)).toEqual(['land', 'investment', 'health', 'education']);
    const html = await (await t.app.request('/reports/print?kind=h1&year=2026', { headers: { cookie } })).text();
    const sectorTable = html.slice(html.indexOf('1. Mức độ hài lòng theo lĩnh vực'), html.indexOf('2. Mức độ hài lòng theo đơn vị'));
    expect([...sectorTable.matchAll(/data-key="([a-z_]+)"/g)].map((m) => m[1])).toEqual([...keys, '_overall']);
    const res = await t.app.request('/api/reports/report.xlsx?kind=h1&year=2026', { headers: { cookie } });
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const labels = XLSX.utils
      .sheet_to_json<unknown[]>(book.Sheets['Theo lĩnh vực']!, { header: 1 })
      .slice(3)
      .map((r) => r[0]);
    expect(labels.slice(0, 4)).toEqual(['Đất đai', 'Đầu tư', 'Y tế', 'Giáo dục']);
  });
});

describe('complaints in a period’s report', () => {
  it('counts only cases received in the period, open and overdue as they stood at its end', async () => {
    // A ward with no counters, so only these cases are in its report.
    const ward = await t.db.dbRead.selectFrom('units').select(['id', 'tenant_id']).where('code', '=', '11980').executeTakeFirstOrThrow();
    const open = async (createdAt: string, dueAt: string) =>
      (await openCase(t.db.dbWrite, {
        tenant_id: ward.tenant_id,
        response_id: null,
        unit_id: ward.id,
        opened_by: 'analyst',
        reason: 'comment',
        created_at: new Date(createdAt),
        due_at: new Date(dueAt),
      }))!;
    const answer = (id: number, at: string) =>
      t.db.dbWrite
        .updateTable('cases')
        .set({ status: 'answered', answered_at: new Date(at), answer_text: 'Đã trả lời' })
        .where('id', '=', id)
        .execute();
    // Received after the 6-month period (15/12/2025 – 14/06/2026): not in its figures, though open today.
    await open('2026-07-01T03:00:00Z', '2026-07-08T03:00:00Z');
    // Received before the period: not in them either.
    await open('2025-11-01T03:00:00Z', '2025-11-08T03:00:00Z');
    // Received in the period, answered only after its end: open, and overdue, at the period's end.
    await answer(await open('2026-03-01T03:00:00Z', '2026-03-08T03:00:00Z'), '2026-07-01T03:00:00Z');
    // Received and answered on time within the period.
    await answer(await open('2026-02-01T03:00:00Z', '2026-02-08T03:00:00Z'), '2026-02-05T03:00:00Z');
    // Received on the period's last day (Vietnam time), still open, not yet due at the end.
    await open('2026-06-14T16:00:00Z', '2026-06-21T16:00:00Z');
    const report = await get<{ complaints: { open: number; overdue: number; answered: number; answeredOnTime: number } }>(
      `/api/reports?kind=h1&year=2026&unit=${ward.id}`,
    );
    expect(report.complaints).toMatchObject({ open: 2, overdue: 1, answered: 1, answeredOnTime: 1 });
    const html = await (await t.app.request(`/reports/print?kind=h1&year=2026&unit=${ward.id}`, { headers: { cookie } })).text();
    expect(html).toContain('Phản ánh, kiến nghị: 2 đang mở, trong đó 1 quá hạn; 1 đã trả lời trong kỳ, đúng hạn 100,0\u00a0%.');
  });
});
