import { mkdir, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPeriod } from '../../surveys/periods';
import { shownRate } from '../../surveys/rate-precision';
import { yamaneSampleSize } from '../../surveys/statistics';
import { localDay } from '../../surveys/time';
import { launchBrowser } from '../support/browser';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * Taking results away and bringing them in, as an analyst and an interviewer do it through the
 * app with a year of demo data: a CSV export, the 6-month report and its printable page, a survey
 * wave from set-up to keyed-in interviews, and an import that is refused, then accepted.
 */
const PASSWORD = 'filing-test-password';
const ARTIFACTS = 'test-artifacts';
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const today = localDay(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: 'full' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await mkdir(ARTIFACTS, { recursive: true });
  await page.goto(`${server.url}/app/login`);
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.waitForURL(/\/app\/\?from=/);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A JSON answer of the API, fetched from the page with its session. */
function api<T = any>(p: Page, url: string): Promise<T> {
  return p.evaluate(async (url) => (await fetch(url)).json(), url);
}

async function settled(p: Page) {
  await expect.poll(() => p.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

/** Every row of a table by its data-key, each cell's data-value by its data-col. */
function tableValues(p: Page, testid: string): Promise<Record<string, Record<string, string>>> {
  return p.locator(`[data-testid="${testid}"]`).evaluate((table) => {
    const out: Record<string, Record<string, string>> = {};
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells: Record<string, string> = {};
      for (const cell of tr.querySelectorAll('[data-col]')) cells[cell.getAttribute('data-col')!] = cell.getAttribute('data-value') ?? '';
      out[tr.getAttribute('data-key')!] = cells;
    }
    return out;
  });
}

const viCount = (text: string) => Number(text.replace(/\./g, '').trim());
/** A rate as the printed report writes it beside its target (surveys/rate-precision.ts): "87,5 %", "89,95 %". */
const viRate = (v: number, target: number) => {
  const shown = shownRate(v, target);
  return `${shown.value.toFixed(shown.digits).replace('.', ',')}\u00a0%`;
};

describe('filing results with a year of demo data', () => {
  it('exports the CSV of a sector filter with progress, one row per response', async () => {
    await page.locator('[data-testid="nav-exports"]').click();
    await page.waitForURL(/\/app\/exports\?/);
    await page.locator('select[name="sector"]').selectOption('land');
    await page.waitForURL((u) => u.searchParams.get('sector') === 'land');

    // Record whether the progress line ever showed (a small file can finish between two looks).
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean; maxBytes: number };
      w.sawProgress = false;
      w.maxBytes = 0;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="download-progress"]');
        if (!el) return;
        w.sawProgress = true;
        w.maxBytes = Math.max(w.maxBytes, Number(el.getAttribute('data-bytes')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const downloading = page.waitForEvent('download');
    await page.locator('[data-testid="format-csv"]').check();
    await page.locator('[data-testid="start-download"]').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^hailong-responses-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    const rows = parse(text, { bom: true }) as string[][];
    const header = rows[0]!;
    expect(header).toContain('flags');

    const stats = await api(page, `/api/stats?${new URL(page.url()).searchParams}`);
    // /api/stats counts unflagged answers only; the CSV keeps flagged ones, marked in "flags".
    expect(rows.length - 1).toBe(stats.overall.n + (stats.excluded?.flagged ?? 0));
    expect(rows.slice(1).every((r) => r[header.indexOf('sector')] === 'land')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const done = page.locator('[data-testid="download-done"]');
    expect(await done.getAttribute('data-rows')).toBe(String(rows.length - 1));
    expect(await done.getAttribute('data-filename')).toBe(download.suggestedFilename());
    await page.screenshot({ path: `${ARTIFACTS}/exports.png`, fullPage: true });
  });

  it('previews the 6-month report with the API figures, and prints them the same', async () => {
    await page.locator('[data-testid="nav-reports"]').click();
    await page.waitForURL(/\/app\/reports/);
    await page.locator('select[name="reportKind"]').selectOption('h1');
    await page.locator('select[name="year"]').selectOption(String(year));
    const period = reportPeriod('h1', year);
    await expect
      .poll(() => page.locator('[data-testid="report-preview"]').getAttribute('data-from'), { timeout: 30_000 })
      .toBe(period.from);
    await settled(page);
    expect(await page.locator('[data-testid="report-preview"]').getAttribute('data-to')).toBe(period.to);
    expect(await page.locator('[data-testid="report-title"]').textContent()).toContain('6 tháng');

    const stats = await api(page, `/api/stats?from=${period.from}&to=${period.to}&groupBy=sector`);
    expect(stats.overall.n).toBeGreaterThan(1000);
    expect(await page.locator('[data-testid="overall"] [data-col="n"]').getAttribute('data-value')).toBe(String(stats.overall.n));
    expect(await page.locator('[data-testid="overall"] [data-col="rate"]').getAttribute('data-value')).toBe(String(stats.overall.rate));
    const shown = await tableValues(page, 'report-sector-table');
    const expected = Object.fromEntries(
      stats.rows.map((r: any) => [r.key, { n: String(r.n), rate: String(r.rate ?? ''), verdict: r.verdict }]),
    );
    expect(Object.fromEntries(Object.entries(shown).map(([k, c]) => [k, { n: c.n, rate: c.rate, verdict: c.verdict }]))).toEqual(expected);

    // The printable page opens in a new tab and carries the same figures.
    const opening = context.waitForEvent('page');
    await page.locator('[data-testid="open-print"]').click();
    const print = await opening;
    await print.waitForLoadState('load');
    expect(new URL(print.url()).pathname).toBe('/reports/print');
    expect(new URL(print.url()).searchParams.get('kind')).toBe('h1');
    const printed = await print
      .locator('table')
      .first()
      .evaluate((table) =>
        [...table.querySelectorAll('tbody tr[data-key]')].map((tr) => ({
          key: tr.getAttribute('data-key')!,
          n: tr.querySelector('[data-col="n"]')!.textContent,
          rate: tr.querySelector('[data-col="rate"]')!.textContent,
        })),
      );
    for (const r of stats.rows) {
      const line = printed.find((x) => x.key === r.key);
      expect(line, r.key).toBeDefined();
      expect(viCount(line!.n)).toBe(r.n);
      expect(line!.rate).toBe(viRate(r.rate, r.target));
    }
    expect(viCount(printed.find((x) => x.key === '_overall')!.n)).toBe(stats.overall.n);
    for (const [size, viewport] of [
      ['360', { width: 360, height: 740 }],
      ['1366', { width: 1366, height: 900 }],
    ] as const) {
      await print.setViewportSize(viewport);
      await print.screenshot({ path: `${ARTIFACTS}/report-print-${size}.png`, fullPage: true });
      expect(await print.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
    expect(await print.locator('[data-testid="print-docx"]').getAttribute('href')).toMatch(/^\/api\/reports\/report\.docx\?kind=h1&year=/);
    await print.emulateMedia({ media: 'print' });
    await print.screenshot({ path: `${ARTIFACTS}/report-print.png`, fullPage: true });
    await print.close();
    await page.screenshot({ path: `${ARTIFACTS}/report-preview.png`, fullPage: true });
  });

  it('downloads the 6-month report as a Word file, and its settings form saves the signer into the next one', async () => {
    const period = reportPeriod('h1', year);
    const docxText = async () => {
      const downloading = page.waitForEvent('download');
      await page.locator('[data-testid="report-word"]').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`hailong-bao-cao-${period.from}-${period.to}.docx`);
      const xml = strFromU8(unzipSync(new Uint8Array(await readFile(await download.path())))['word/document.xml']!);
      return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    };
    await page.locator('input[name="docNumber"]').fill('27');
    const first = await docxText();
    expect(first).toContain('BÁO CÁO');
    expect(first).toContain('Số: 27/BC-UBND');
    const stats = await api(page, `/api/stats?from=${period.from}&to=${period.to}&groupBy=sector`);
    for (const r of stats.rows) expect(first).toContain(viRate(r.rate, r.target));

    const settings = page.locator('[data-testid="report-settings"]');
    await settings.locator('summary').click();
    const form = page.locator('[data-testid="report-settings-form"]');
    await expect.poll(() => form.locator('input[name="signerName"]').count(), { timeout: 30_000 }).toBe(1);
    await form.locator('input[name="signerName"]').fill('Trần Thị Bình');
    await form.locator('textarea[name="recipients"]').fill('Như trên\nSở Nội vụ\nLưu: VT, VP');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${ARTIFACTS}/report-settings-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-testid="report-settings-save"]').click();
    await expect.poll(() => page.locator('[data-testid="report-settings-done"]').count(), { timeout: 30_000 }).toBe(1);
    expect((await api(page, '/api/reports/settings')).signerName).toBe('Trần Thị Bình');
    const second = await docxText();
    expect(second).toContain('Trần Thị Bình');
    expect(second).toContain('- Sở Nội vụ;');
    expect(second).toContain('- Lưu: VT, VP.');
  });

  let waveId = 0;
  const populations = [1200, 800, 350];

  it('sets up a wave with three strata and shows the Yamane size of each as the numbers are typed', async () => {
    await page.locator('[data-testid="nav-waves"]').click();
    await page.waitForURL(/\/app\/waves$/);
    await page.locator('[data-testid="new-wave"]').click();
    await page.waitForURL(/\/app\/waves\/new$/);
    await page.locator('input[name="name"]').fill('Điều tra XHH thử nghiệm');
    await page.locator('input[name="from"]').fill(`${year}-01-01`);
    await page.locator('input[name="to"]').fill(today);
    // units in force only: the demo's former wards (retired on 30 June 2025) take no new stratum
    const inForce = await api(page, '/api/units');
    const units: number[] = inForce.units
      .filter((u: any) => u.kind === 'ward' || u.kind === 'service_body')
      .slice(0, 3)
      .map((u: any) => u.id);
    expect(units).toHaveLength(3);
    for (const [i, unit] of units.entries()) {
      await page.locator('[data-testid="stratum-unit"]').selectOption(String(unit));
      await page.locator('[data-testid="add-stratum"]').click();
      await page.locator(`input[data-unit="${unit}"]`).fill(String(populations[i]));
    }
    const required = populations.map((N) => yamaneSampleSize(N, 0.05));
    for (const [i, unit] of units.entries()) {
      expect(
        await page.locator(`[data-testid="strata-table"] tr[data-key="${unit}"] [data-col="required"]`).getAttribute('data-value'),
      ).toBe(String(required[i]));
    }
    expect(await page.locator('[data-col="required-total"]').getAttribute('data-value')).toBe(String(required.reduce((a, b) => a + b)));
    await page.screenshot({ path: `${ARTIFACTS}/wave-new.png`, fullPage: true });
    await page.locator('[data-testid="create-wave"]').click();
    await page.waitForURL(/\/app\/waves\/\d+$/);
    waveId = Number(new URL(page.url()).pathname.split('/').pop());
    await settled(page);
    const strata = await tableValues(page, 'strata-progress');
    expect(Object.fromEntries(Object.entries(strata).map(([k, c]) => [k, Number(c.required)]))).toEqual(
      Object.fromEntries(units.map((u, i) => [u, required[i]])),
    );
  });

  it('takes three interviews typed on the keyboard, and the wave shows them collected and weighted', async () => {
    await page.locator('[data-testid="enter-interviews"]').click();
    await page.waitForURL(/\/entry$/);
    const wave = await api(page, `/api/waves/${waveId}`);
    const [a, b] = wave.strata.map((s: any) => s.unitId) as number[];
    await page.locator('select[name="stratum"]').selectOption(String(a));
    await page.locator('[data-testid="start-entry"]').click();
    const card = page.locator('[data-testid="entry-question"]');
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);

    // 1: every question of the long form answered 4, then Enter on the comment step.
    const questions = await page.locator('[data-testid="answer-strip"] li').count();
    expect(questions).toBe(23);
    for (let i = 0; i < questions; i++) await page.keyboard.press('4');
    expect(await card.getAttribute('data-key')).toBe('comment');
    await expect.poll(() => page.locator('[data-testid="comment-input"]').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Cán bộ nhiệt tình');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="saved-interviews"] li[data-status="saved"]').count(), { timeout: 15_000 }).toBe(1);

    // 2: the overall question only (5), Backspace to correct a slip, Enter to save.
    await expect.poll(() => card.getAttribute('data-step')).toBe('0');
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('3');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="saved-interviews"] li[data-status="saved"]').count(), { timeout: 15_000 }).toBe(2);

    // 3: another stratum; overall 2, no opinion on the next, and "no opinion" refused on the overall question.
    await page.locator('[data-testid="change-stratum"]').click();
    await page.locator('select[name="stratum"]').selectOption(String(b));
    await page.locator('[data-testid="start-entry"]').click();
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('9');
    expect(await page.locator('[data-testid="entry-notice"]').textContent()).toContain('Không ý kiến');
    await page.keyboard.press('2');
    await page.keyboard.press('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="saved-interviews"] li[data-status="saved"]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('[data-testid="running-count"]').getAttribute('data-saved')).toBe('3');
    await page.screenshot({ path: `${ARTIFACTS}/wave-entry.png`, fullPage: true });

    await page.locator('[data-testid="back-to-wave"]').click();
    await page.waitForURL(/\/app\/waves\/\d+$/);
    await settled(page);
    const after = await api(page, `/api/waves/${waveId}`);
    const strata = await tableValues(page, 'strata-progress');
    expect(strata[String(a)]!.collected).toBe('2');
    expect(strata[String(b)]!.collected).toBe('1');
    // Stratum a: 2 satisfied, weight N/2 each; stratum b: 1 not satisfied, weight N: rate = N_a / (N_a + N_b).
    const popA = wave.strata.find((s: any) => s.unitId === a).population;
    const popB = wave.strata.find((s: any) => s.unitId === b).population;
    expect(after.weighted.rate).toBeCloseTo((popA * 100) / (popA + popB), 9);
    const weighted = page.locator('[data-testid="weighted"]');
    expect(await weighted.locator('[data-col="rate"]').getAttribute('data-value')).toBe(String(after.weighted.rate));
    expect(await weighted.locator('[data-col="nEff"]').getAttribute('data-value')).toBe(String(after.weighted.nEff));
    expect(await page.locator('[data-testid="unweighted"] [data-col="rate"]').getAttribute('data-value')).toBe(
      String(after.unweighted.rate),
    );
    expect(await page.locator('[data-testid="weighted-result"]').textContent()).toContain('không gộp với tỷ lệ phiếu QR');
    await page.screenshot({ path: `${ARTIFACTS}/wave.png`, fullPage: true });
  });

  it('refuses an import with a bad row and stores nothing, then imports the fixed file', async () => {
    const wave = await api(page, `/api/waves/${waveId}`);
    const meta = await api(page, '/api/meta');
    const codeOf = (id: number) => meta.units.find((u: any) => u.id === id).code as string;
    const unit = codeOf(wave.strata[2].unitId);
    const collected = (w: any) => w.strata.reduce((n: number, s: any) => n + s.collected, 0);
    const before = collected(wave);
    const csv = (bad: string) =>
      `submitted_at,unit_code,overall,access_1,comment\n${today},${unit},4,5,Tốt\n${today},${unit},${bad},9,\n${today},${unit},5,Không ý kiến,"Nhanh, gọn"\n`;

    await page.locator('[data-testid="nav-imports"]').click();
    await page.waitForURL(/\/app\/imports$/);
    await page.locator('[data-testid="into-wave"]').check();
    await page.locator('select[name="wave"]').selectOption(String(waveId));
    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'phieu-giay.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('7')) });
    expect(await page.locator('[data-testid="import-run"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="import-check"]').click();
    await page.locator('[data-testid="import-problems"]').waitFor();
    const problems = await page.locator('[data-testid="import-problems"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        line: tr.getAttribute('data-line'),
        column: tr.getAttribute('data-column'),
        message: tr.querySelector('[data-col="message"]')!.textContent,
      })),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: '3', column: 'overall' });
    expect(problems[0]!.message).toMatch(/\S/);
    expect(await page.locator('[data-testid="import-run"]').isDisabled()).toBe(true);
    expect(collected(await api(page, `/api/waves/${waveId}`))).toBe(before);
    await page.screenshot({ path: `${ARTIFACTS}/import-rejected.png`, fullPage: true });

    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'phieu-giay.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('3')) });
    await page.locator('[data-testid="import-check"]').click();
    await page.locator('[data-testid="import-checked"]').waitFor();
    expect(await page.locator('[data-testid="import-checked"]').getAttribute('data-valid')).toBe('3');
    expect(collected(await api(page, `/api/waves/${waveId}`))).toBe(before);
    await page.locator('[data-testid="import-run"]').click();
    await page.locator('[data-testid="import-stored"]').waitFor();
    expect(await page.locator('[data-testid="import-stored"]').getAttribute('data-stored')).toBe('3');
    expect(await page.locator('[data-testid="import-stored"]').textContent()).toContain('Đã nhập 3 phiếu');
    expect(collected(await api(page, `/api/waves/${waveId}`))).toBe(before + 3);
  });
});
