import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(html).toContain('Báo cáo 6 tháng năm 2026: kết quả đo lường sự hài lòng');
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
    expect(book.SheetNames).toEqual(['Theo lĩnh vực', 'Theo đơn vị', 'Theo kênh', 'Chỉ số thành phần', 'Điều tra XHH', 'Phương pháp']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Theo lĩnh vực']!, { header: 1 }).slice(3);
    const sectors = await get<{ overall: Row; rows: (Row & { label: string })[] }>(
      '/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector',
    );
    expect(rows.map((r) => [r[1], r[2], r[3], r[7]])).toEqual([
      ...sectors.rows.map((r) => [r.n, r.satisfied, r.rate, { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' }[r.verdict]]),
      [
        sectors.overall.n,
        sectors.overall.satisfied,
        sectors.overall.rate,
        { met: 'Đạt', not_met: 'Không đạt', too_few: 'Chưa đủ số phiếu' }[sectors.overall.verdict],
      ],
    ]);
  });
});
