import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceHolding, rangeOf } from '../../client/dashboard/period-choice';
import { localDay } from '../../surveys/time';
import { launchBrowser } from '../support/browser';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * The analyst dashboard as a new user meets it with a year of demo data: log in, change filters,
 * and check every figure shown equals the API's for the same filter. Screenshots go to
 * test-artifacts/ (not committed) for a person to look at.
 */
const PASSWORD = 'dashboard-test-password';
const ARTIFACTS = 'test-artifacts';
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Generating a year of demo answers takes about 40 s.
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: 'full' });
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Cells = Record<string, Record<string, string>>;

/** Every row of a table by its data-key, each cell's raw data-value by its data-col. */
function tableValues(p: Page, testid: string): Promise<Cells> {
  return p.locator(`[data-testid="${testid}"]`).evaluate((table) => {
    const out: Record<string, Record<string, string>> = {};
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells: Record<string, string> = {};
      for (const cell of tr.querySelectorAll('[data-col]')) cells[cell.getAttribute('data-col')!] = cell.getAttribute('data-value') ?? '';
      for (const cell of tr.querySelectorAll('[data-col="interval"]')) {
        cells.low = cell.getAttribute('data-low') ?? '';
        cells.high = cell.getAttribute('data-high') ?? '';
      }
      out[tr.getAttribute('data-key')!] = cells;
    }
    return out;
  });
}

/** The API's answer for the page's own filter (its query string), fetched from the page with its session. */
function api<T = any>(p: Page, path: string, extra = ''): Promise<T> {
  return p.evaluate(
    async ([path, extra]) => {
      const q = location.search.replace(/^\?/, '');
      const res = await fetch(`${path}?${[q, extra].filter(Boolean).join('&')}`);
      return res.json();
    },
    [path, extra] as const,
  );
}

const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

interface ApiRow {
  key: string;
  n: number;
  satisfied: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  target: number;
  verdict: string;
  confidence: string | null;
}

const fromTable = (cells: Cells) =>
  Object.fromEntries(
    Object.entries(cells).map(([key, c]) => [
      key,
      {
        n: c.n,
        satisfied: c.satisfied,
        rate: c.rate,
        low: c.low,
        high: c.high,
        target: c.target,
        verdict: c.verdict,
        confidence: c.confidence,
      },
    ]),
  );
const fromApi = (rows: ApiRow[]) =>
  Object.fromEntries(
    rows.map((r) => [
      r.key,
      {
        n: str(r.n),
        satisfied: str(r.satisfied),
        rate: str(r.rate),
        low: str(r.interval?.low),
        high: str(r.interval?.high),
        target: str(r.target),
        verdict: r.verdict,
        confidence: r.confidence ?? '',
      },
    ]),
  );

/**
 * The table shows exactly the API's rows, with the same numbers. Polled, because the page
 * re-renders a moment after the URL changes and the figures must settle on the new filter.
 */
async function expectTable(p: Page, testid: string, rows: ApiRow[]) {
  await expect.poll(async () => fromTable(await tableValues(p, testid)), { timeout: 15_000 }).toEqual(fromApi(rows));
}

async function settled(p: Page) {
  await expect.poll(() => p.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

/** chart.js has drawn: the canvas holds coloured pixels. */
async function expectDrawn(p: Page, selector: string) {
  const canvas = p.locator(selector);
  await expect
    .poll(
      () =>
        canvas.evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i] !== data[i + 1]) coloured++;
          return coloured;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(500);
}

describe('the analyst dashboard with a year of demo data', () => {
  it('keeps chart code off the citizen page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const citizen = await ctx.newPage();
    const requested: string[] = [];
    const scripts: string[] = [];
    citizen.on('request', (r) => requested.push(r.url()));
    citizen.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
    });
    await citizen.goto(`${server.url}/q/demo-land`);
    await citizen.waitForLoadState('networkidle');
    expect(requested.filter((u) => new URL(u).pathname.startsWith('/app/'))).toEqual([]);
    expect(requested.filter((u) => /chart/i.test(u))).toEqual([]);
    for (const body of scripts) expect(body).not.toMatch(/BarController|chart\.js|Chart\.register/);
    expect(await citizen.evaluate(() => 'Chart' in window)).toBe(false);
    await ctx.close();
  });

  it('logs in to an overview that matches /api/stats and /api/alerts, loading chart.js as its own chunk', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/app/`);
    await page.waitForURL(/\/app\/login/);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/\?from=/);
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe('Tổng quan');

    const stats = await api(page, '/api/stats', 'groupBy=sector');
    expect(stats.overall.n).toBeGreaterThan(1000);
    const overall = page.locator('[data-testid="overall"]');
    expect(await overall.locator('[data-col="n"]').getAttribute('data-value')).toBe(String(stats.overall.n));
    expect(await overall.locator('[data-col="rate"]').getAttribute('data-value')).toBe(String(stats.overall.rate));
    expect(await overall.locator('[data-col="target"]').getAttribute('data-value')).toBe('90');
    expect(await page.locator('[data-testid="responses"] [data-col="n"]').getAttribute('data-value')).toBe(String(stats.overall.n));
    await expectTable(page, 'sector-table', stats.rows);
    // vi-VN figures: decimal comma, a space before %.
    expect(await overall.locator('[data-col="rate"]').textContent()).toMatch(/^\d{2},\d\s%$/);

    const alerts = await api(page, '/api/alerts');
    await expect.poll(() => page.locator('[data-testid="alerts"] li[data-kind], [data-testid="no-alerts"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="alerts"] li[data-kind]').count()).toBe(alerts.alerts.length);
    expect(await page.locator('[data-testid="alert-count"] .summary-big').getAttribute('data-value')).toBe(String(alerts.alerts.length));

    await expectDrawn(page, 'canvas[data-testid="sector-chart"]');
    expect(chunks.some((p) => /^\/app\/assets\/chart-setup-[\w-]+\.js$/.test(p))).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/overview.png`, fullPage: true });
  });

  it('applies a report period, a sector and a unit, and shows the API figures for each', async () => {
    // The report period holding today (Decree 09/2019: the 15th to the 14th).
    await page.locator('select[name="periodKind"]').selectOption('report');
    const today = localDay(new Date());
    const expected = rangeOf(choiceHolding('report', today, { from: today, to: today }));
    await page.waitForURL((u) => u.searchParams.get('from') === expected.from && u.searchParams.get('to') === expected.to);
    expect(await page.locator('[data-testid="period-range"]').getAttribute('data-from')).toBe(expected.from);
    await settled(page);
    await expectTable(page, 'sector-table', (await api(page, '/api/stats', 'groupBy=sector')).rows);

    // Quarter I of this year's reports, chosen by name.
    await page.locator('select[name="report"]').selectOption('q1');
    await page.waitForURL((u) => u.searchParams.get('from')!.endsWith('-12-15') && u.searchParams.get('to')!.endsWith('-03-14'));
    await settled(page);
    await expectTable(page, 'sector-table', (await api(page, '/api/stats', 'groupBy=sector')).rows);

    // Back to a wide window, then the sectors page keeps the filter in its link.
    await page.locator('select[name="periodKind"]').selectOption('year');
    await page.waitForURL((u) => u.searchParams.get('from')!.endsWith('-01-01') && u.searchParams.get('to')!.endsWith('-12-31'));
    await page.locator('[data-testid="nav-sectors"]').click();
    await page.waitForURL(/\/app\/sectors\?from=/);
    await settled(page);
    expect(await page.locator('[data-testid="nav-sectors"]').getAttribute('aria-current')).toBe('page');
    const sectors = await api(page, '/api/stats', 'groupBy=sector');
    await expectTable(page, 'sector-table', sectors.rows);
    await expectDrawn(page, 'canvas[data-testid="sector-chart"]');
    await page.locator('section.panel:has([data-testid="sector-chart"])').screenshot({ path: `${ARTIFACTS}/sector-chart.png` });

    // A sector: the headline becomes that sector against its own target.
    await page.locator('select[name="sector"]').selectOption('land');
    await page.waitForURL(/sector=land/);
    await settled(page);
    const land = await api(page, '/api/stats', 'groupBy=sector');
    await expect
      .poll(() => page.locator('[data-testid="overall"] [data-col="target"]').getAttribute('data-value'))
      .toBe(String(land.overall.target));
    expect(land.overall.target).toBe(85);
    await expectTable(page, 'sector-table', land.rows);

    // A unit means its whole subtree: pick the service centre, which holds the one-stop counters.
    const meta = await api(page, '/api/meta');
    const city = meta.units.find((u: { code: string }) => u.code === '33-TTPVHCC');
    await page.locator('select[name="sector"]').selectOption('');
    await page.locator('select[name="unit"]').selectOption(String(city.id));
    await page.waitForURL((u) => u.searchParams.get('unit') === String(city.id) && !u.searchParams.has('sector'));
    await settled(page);
    const inCity = await api(page, '/api/stats', 'groupBy=sector');
    await expect
      .poll(() => page.locator('[data-testid="overall"] [data-col="n"]').getAttribute('data-value'))
      .toBe(String(inCity.overall.n));
    await expectTable(page, 'sector-table', inCity.rows);

    // The link is shareable: a fresh tab with the same URL shows the same view.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await settled(shared);
    expect(await shared.locator('select[name="unit"]').inputValue()).toBe(String(city.id));
    await expectTable(shared, 'sector-table', inCity.rows);
    await shared.close();
    await page.locator('[data-testid="clear-filter"]').click();
    await page.waitForURL((u) => !u.searchParams.has('unit'));
  });

  it('ranks units and draws the trend with the same figures as the API', async () => {
    await page.locator('[data-testid="nav-units"]').click();
    await page.waitForURL(/\/app\/units\?/);
    await settled(page);
    const units = await api(page, '/api/stats', 'groupBy=unit');
    await expectTable(page, 'unit-table', units.rows);
    const cells = await tableValues(page, 'unit-table');
    const ranked = Object.values(cells).filter((c) => c.rank !== '');
    expect(ranked.length).toBeGreaterThan(0);
    await expectDrawn(page, 'canvas[data-testid="unit-chart"]');

    await page.locator('[data-testid="nav-trend"]').click();
    await page.waitForURL(/\/app\/trend\?/);
    await settled(page);
    const trend = await api(page, '/api/stats/trend');
    expect(trend.rows.length).toBeGreaterThan(1);
    await expectTable(page, 'trend-table', trend.rows);
    await expectDrawn(page, 'canvas[data-testid="trend-chart"]');
    // Sorting a column reorders rows without changing a figure.
    await page.locator('[data-testid="trend-table"] th[data-col="rate"] button').click();
    const rates = await page.locator('[data-testid="trend-table"] tbody [data-col="rate"]').evaluateAll((cells) =>
      cells
        .map((c) => c.getAttribute('data-value'))
        .filter((v) => v !== '')
        .map(Number),
    );
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it('shows factor indices, the answer distribution and the heat map as the API gives them', async () => {
    await page.locator('[data-testid="nav-factors"]').click();
    await page.waitForURL(/\/app\/factors\?/);
    await settled(page);
    const factors = await api(page, '/api/stats/factors');
    for (const s of factors.surveys.filter((s: { n: number }) => s.n > 0)) {
      const cells = await tableValues(page, `factor-table-${s.survey}`);
      for (const f of s.factors) {
        expect(cells[f.key]).toMatchObject({ satisfied: str(f.satisfied), valid: str(f.valid), index: str(f.index) });
      }
    }

    await page.locator('[data-testid="nav-distribution"]').click();
    await page.waitForURL(/\/app\/distribution\?/);
    await settled(page);
    const dist = await api(page, '/api/stats/distribution', 'groupBy=sector');
    const distCells = await tableValues(page, 'distribution-table');
    for (const r of dist.rows) {
      expect(distCells[r.key]).toMatchObject({
        'level-1': str(r.counts['1']),
        'level-3': str(r.counts['3']),
        'level-5': str(r.counts['5']),
        total: str(r.total),
      });
    }
    await expectDrawn(page, 'canvas[data-testid="distribution-chart"]');

    await page.locator('[data-testid="nav-heatmap"]').click();
    await page.waitForURL(/\/app\/heatmap\?/);
    await settled(page);
    const heat = await api(page, '/api/stats/heatmap');
    expect(heat.cells.length).toBeGreaterThan(10);
    for (const c of heat.cells) {
      const td = page.locator(`[data-testid="heatmap"] tr[data-weekday="${c.weekday}"] td[data-hour="${c.hour}"]`);
      expect(await td.getAttribute('data-n')).toBe(String(c.n));
    }
    await page.locator('[data-testid="metric-rate"]').click();
    await expect.poll(() => page.locator('[data-testid="heatmap"]').getAttribute('data-metric')).toBe('rate');
    const busiest = heat.cells.reduce((a: { n: number }, b: { n: number }) => (b.n > a.n ? b : a));
    const busiestCell = page.locator(`[data-testid="heatmap"] tr[data-weekday="${busiest.weekday}"] td[data-hour="${busiest.hour}"]`);
    expect(await busiestCell.getAttribute('data-rate')).toBe(String(busiest.rate));
    expect(await busiestCell.textContent()).toBe(String(Math.round(busiest.rate)));
    await page.locator('section.panel:has([data-testid="heatmap"])').screenshot({ path: `${ARTIFACTS}/heatmap.png` });
  });

  it('lists comments newest first, searches them, and shows them as text', async () => {
    await page.locator('[data-testid="nav-comments"]').click();
    await page.waitForURL(/\/app\/comments\?/);
    await settled(page);
    const feed = await api(page, '/api/comments', 'limit=50');
    expect(feed.items.length).toBeGreaterThan(0);
    const ids = await page
      .locator('[data-testid="comments"] > li')
      .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-id'))));
    expect(ids).toEqual(feed.items.map((i: { id: number }) => i.id));
    const word = (feed.items[0].comment as string).split(/\s+/).find((w) => w.length > 3)!;
    await page.locator('[data-testid="comment-search"]').fill(word);
    const found = await api(page, '/api/comments', `limit=50&q=${encodeURIComponent(word)}`);
    await expect
      .poll(async () =>
        page.locator('[data-testid="comments"] > li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-id')))),
      )
      .toEqual(found.items.map((i: { id: number }) => i.id));
  });

  it('switches to English, keeps working on a tablet, and explains an empty filter', async () => {
    await page.locator('[data-testid="lang-en"]').click();
    await page.locator('[data-testid="nav-overview"]').click();
    await page.waitForURL(/\/app\/\?/);
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe('Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-testid="overall"] [data-col="rate"]').textContent()).toMatch(/^\d{2}\.\d%$/);

    await page.setViewportSize({ width: 820, height: 1180 });
    for (const nav of ['overview', 'units', 'heatmap']) {
      await page.locator(`[data-testid="nav-${nav}"]`).click();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    }

    // A period with no answers at all says so, in words.
    await page.goto(`${server.url}/app/?from=2001-01-01&to=2001-01-31`);
    await settled(page);
    expect(await page.locator('[data-testid="empty"]').first().textContent()).toBe('No answers yet for this filter');
    await page.locator('[data-testid="lang-vi"]').click();
    expect(await page.locator('[data-testid="empty"]').first().textContent()).toBe('Chưa có phiếu nào cho bộ lọc này');
    await context.close();
  });
});
