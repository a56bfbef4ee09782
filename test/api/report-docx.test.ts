import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxRate } from '../../server/reports/report-docx';
import { storeRandomResponses } from '../support/random-responses';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
  await storeRandomResponses(t.db, {
    count: 600,
    seed: 19,
    codes: ['demo-land', 'demo-health', 'demo-civil'],
    from: new Date('2025-12-20T00:00:00Z'),
    days: 150,
  });
});
afterAll(() => t.close());

describe('the periodic report as a Word document (Decree 30/2020/NĐ-CP)', () => {
  it('is an A4 Times New Roman document whose sector rates equal /api/stats', async () => {
    const res = await t.app.request('/api/reports/report.docx?kind=h1&year=2026', { headers: { cookie } });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('BÁO CÁO');
    expect(strFromU8(files['word/styles.xml']!)).toContain('Times New Roman');
    const stats = (await (
      await t.app.request('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector', { headers: { cookie } })
    ).json()) as { rows: { rate: number | null; target: number }[] };
    expect(stats.rows.length).toBeGreaterThan(0);
    for (const r of stats.rows) expect(xml).toContain(docxRate(r.rate, r.target));
  });
});
