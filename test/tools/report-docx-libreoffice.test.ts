import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartFont, chartPng } from '../../server/reports/report-charts';
import { viRate } from '../../server/reports/report-numbers';
import { convertToPdf, findTool, run } from '../support/office';
import { storeReportSample } from '../support/report-sample';
import { createTestApp, login, type TestApp } from '../support/test-app';

/**
 * The proof that an office suite opens hailong's Word report: LibreOffice converts a report with
 * data to PDF headless, the PDF's text has the title, the motto and every sector's rate as the
 * tables print it, its two charts are images in it, and its first page and chart page are
 * rendered to PNG in ci-artifacts/ for a person to look at.
 */

const ARTIFACTS = fileURLToPath(new URL('../../ci-artifacts/', import.meta.url));

let t: TestApp;
let cookie: string;
let dir: string;
let tools: { soffice: string; pdftotext: string; pdftoppm: string; pdfimages: string };

beforeAll(async () => {
  tools = {
    soffice: findTool('soffice', 'libreoffice-writer'),
    pdftotext: findTool('pdftotext', 'poppler-utils'),
    pdftoppm: findTool('pdftoppm', 'poppler-utils'),
    pdfimages: findTool('pdfimages', 'poppler-utils'),
  };
  t = await createTestApp();
  cookie = await login(t.app);
  await storeReportSample(t.db);
  dir = await mkdtemp(join(tmpdir(), 'hailong-docx-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => t.app.request(path, { headers: { cookie } });
/** pdftotext may give a no-break space as a plain one. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('the Word report in LibreOffice', () => {
  it('draws the charts’ text with DejaVu Sans from the system (fonts-dejavu-core)', async () => {
    expect(chartFont()).toEqual({
      family: 'DejaVu Sans',
      files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
    });
    // Text alone on white: with no font found, resvg would draw nothing.
    const png = PNG.sync.read(
      Buffer.from(
        await chartPng(
          '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="10" y="28" font-size="20">Hài lòng 85,3 %</text></svg>',
        ),
      ),
    );
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('converts to PDF headless, with the title, the motto, every sector’s rate and both charts; pages rendered to ci-artifacts/', async () => {
    const res = await get('/api/reports/report.docx?kind=h1&year=2026');
    expect(res.status).toBe(200);
    const docx = join(dir, 'bao-cao.docx');
    await writeFile(docx, new Uint8Array(await res.arrayBuffer()));

    const converted = await convertToPdf(tools.soffice, docx, dir, join(dir, 'lo-profile'));
    expect(converted.code, `${converted.stdout}${converted.stderr}`).toBe(0);
    const pdf = join(dir, 'bao-cao.pdf');
    expect(existsSync(pdf), `${converted.stdout}${converted.stderr}`).toBe(true);

    const text = await run(tools.pdftotext, ['-layout', pdf, '-']);
    expect(text.code, text.stderr).toBe(0);
    const body = plain(text.stdout);
    expect(body).toContain('BÁO CÁO');
    expect(body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(body).toContain('Độc lập - Tự do - Hạnh phúc');
    const stats = (await (await get('/api/stats?from=2025-12-15&to=2026-06-14&groupBy=sector')).json()) as {
      rows: { label: string; rate: number | null; target: number }[];
    };
    expect(stats.rows.length).toBeGreaterThanOrEqual(3);
    for (const r of stats.rows) {
      expect(body).toContain(r.label);
      expect(body, r.label).toContain(plain(viRate(r.rate, r.target)));
    }

    // The charts came through as images, each with its caption.
    const images = await run(tools.pdfimages, ['-list', pdf]);
    expect(images.code, images.stderr).toBe(0);
    const imageRows = images.stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
    expect(imageRows).toHaveLength(2);
    const pages = body.split('\f');
    expect(pages.findIndex((p) => p.includes('Hình 1.'))).toBeGreaterThanOrEqual(0);
    // The page of the last chart: with the sector chart under its table on page 1, the trend's.
    const chartPage = pages.findIndex((p) => p.includes('Hình 2.')) + 1;
    expect(chartPage).toBeGreaterThan(0);

    // Page 1 and the chart page as PNG, for a person to look at.
    await mkdir(ARTIFACTS, { recursive: true });
    for (const [page, name] of [
      [1, 'report-docx-page1'],
      [chartPage, 'report-docx-charts'],
    ] as const) {
      const out = join(ARTIFACTS, name);
      const rendered = await run(tools.pdftoppm, ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
      expect(rendered.code, rendered.stderr).toBe(0);
      const png = PNG.sync.read(await readFile(`${out}.png`));
      // A4 at 80 dpi: 661 × 935 px.
      expect(png.width).toBeGreaterThanOrEqual(660);
      expect(png.width).toBeLessThanOrEqual(662);
      expect(png.height).toBeGreaterThanOrEqual(934);
      expect((await stat(`${out}.png`)).size).toBeGreaterThan(10_000);
    }
  }, 240_000);
});
