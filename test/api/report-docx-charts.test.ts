import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viRate } from '../../server/reports/report-numbers';
import { storeReportSample } from '../support/report-sample';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await storeReportSample(t.db);
});
afterAll(() => t.close());

const get = (path: string) => t.app.request(path, { headers: { cookie } });

interface StatsRow {
  key: string;
  n: number;
  satisfied: number;
  rate: number | null;
  target: number;
}

describe('the periodic report’s charts', () => {
  it('has a monthly trend of every month of the period equal to /api/stats?groupBy=month', async () => {
    const report = (await (await get('/api/reports?kind=h1&year=2026')).json()) as {
      period: { from: string; to: string };
      trend: { month: string; n: number; satisfied: number; rate: number | null; target: number }[];
    };
    expect(report.period).toMatchObject({ from: '2025-12-15', to: '2026-06-14' });
    expect(report.trend.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const stats = (await (await get('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=month')).json()) as { rows: StatsRow[] };
    const byMonth = new Map(stats.rows.map((r) => [r.key, r]));
    expect(byMonth.size).toBeGreaterThan(3);
    for (const m of report.trend) {
      const s = byMonth.get(m.month);
      // The answers run from 20 Dec 2025 for 150 days: June has none, and is shown as a gap.
      if (!s) expect(m).toMatchObject({ n: 0, satisfied: 0, rate: null });
      else expect(m).toMatchObject({ n: s.n, satisfied: s.satisfied, rate: s.rate, target: s.target });
    }
    expect(report.trend.reduce((sum, m) => sum + m.n, 0)).toBe(stats.rows.reduce((sum, r) => sum + r.n, 0));
  });

  it('puts both charts in the Word file as PNG images with alternative text and a caption', async () => {
    const res = await get('/api/reports/report.docx?kind=h1&year=2026');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const f of media) {
      const png = PNG.sync.read(Buffer.from(files[f]!));
      expect(png.width).toBe(1800);
    }
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
    expect(xml).toContain('Hình 1. Tỷ lệ người dân hài lòng theo lĩnh vực so với chỉ tiêu');
    expect(xml).toContain('Hình 2. Tỷ lệ hài lòng chung theo tháng so với chỉ tiêu');
    // The alternative text says each sector's figure, as the table prints it.
    const stats = (await (await get('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector')).json()) as {
      rows: (StatsRow & { label: string })[];
    };
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descriptions).toHaveLength(2);
    for (const r of stats.rows) expect(descriptions[0]).toContain(`${r.label}: ${viRate(r.rate, r.target)}`);
    expect(descriptions[1]).toMatch(/^Biểu đồ đường, tỷ lệ hài lòng chung theo tháng/);
  });

  it('leaves the charts out of a period without answers', async () => {
    const res = await get('/api/reports/report.docx?kind=q1&year=2024');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
    expect(strFromU8(files['word/document.xml']!)).not.toContain('Hình 1.');
  });
});
