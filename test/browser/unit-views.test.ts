import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite';

/**
 * The two views of the past in the app: two wards with earlier paper answers are merged on the
 * unit tree page, on a phone; the unit ranking then shows the new ward with both wards' answers
 * (today's units), the trend of the new ward marks the merge as a break, and the tree of a day
 * before the merge shows the two wards again, each with its own answers.
 */
const PASSWORD = 'unit-views-password';
const ARTIFACTS = 'test-artifacts';
const suite = serverAndBrowser({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });

const signIn = (p: Page) => signInAs(p, suite.server.url, 'admin', PASSWORD);

/** Paper answers dated in a month at a counter: `satisfied` of `n` rated 5, the rest 2. */
async function importAnswers(p: Page, counter: string, n: number, satisfied: number, month = '2026-03') {
  const lines = ['submitted_at,sipas_overall'];
  for (let i = 0; i < n; i++) lines.push(`${month}-${String(1 + (i % 28)).padStart(2, '0')},${i < satisfied ? 5 : 2}`);
  const res = await p.request.post(`${suite.server.url}/api/imports?counter=${counter}`, {
    headers: { 'content-type': 'text/csv' },
    data: lines.join('\n'),
  });
  expect(res.status(), await res.text()).toBe(201);
}

describe('the two views of the past', () => {
  it('shows a merged ward with its predecessors’ answers, the break on its trend, and the old wards on an earlier day', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    const units = (await (await page.request.get(`${suite.server.url}/api/units`)).json()) as {
      units: { id: number; code: string; name: string; kind: string; validTo: string | null; parentId: number | null }[];
    };
    const wards = units.units.filter((u) => u.kind === 'ward' && u.validTo === null).slice(0, 2);
    expect(wards).toHaveLength(2);
    const province = units.units.find((u) => u.kind === 'province')!;
    for (const [i, ward] of wards.entries()) {
      const res = await page.request.post(`${suite.server.url}/api/counters`, {
        data: { code: `views-ward-${i}`, name: `Quầy ${ward.name}`, unitId: ward.id, sectors: ['civil_status'] },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await importAnswers(page, 'views-ward-0', 40, 36);
    await importAnswers(page, 'views-ward-1', 30, 21);

    await page.goto(`${suite.server.url}/app/structure`);
    const from = page.locator('[data-testid="unit-merge-from"]');
    await expect.poll(() => from.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await from.selectOption(wards.map((w) => String(w.id)));
    await page.locator('[data-testid="unit-merge-on"]').fill('2026-07-01');
    await page.locator('[data-testid="unit-merge-parent"]').selectOption(String(province.id));
    await page.locator('[data-testid="unit-merge-kind"]').selectOption('ward');
    await page.locator('[data-testid="unit-merge-code"]').fill('99911');
    await page.locator('[data-testid="unit-merge-name"]').fill('Phường Hợp Nhất');
    await page.locator('[data-testid="unit-merge"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-row"][data-code="99911"]').count(), { timeout: 15_000 }).toBe(1);
    const merged = (await (await page.request.get(`${suite.server.url}/api/units`)).json()).units.find(
      (u: { code: string; validTo: string | null }) => u.code === '99911' && u.validTo === null,
    ) as { id: number };
    // August's answers at the counters that moved are the new ward's own.
    await importAnswers(page, 'views-ward-0', 20, 19, '2026-08');

    // Today's units: the new ward carries both wards' March answers and its own of August, 76 satisfied of 90.
    const period = 'from=2026-01-01&to=2026-11-30';
    await page.goto(`${suite.server.url}/app/units?${period}`);
    const row = page.locator(`[data-key="${merged.id}"]`).first();
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await row.textContent()).toMatch(/90/);
    expect(await row.textContent()).toMatch(/84,4/);
    expect(await page.locator('[data-testid="view-rule"]').textContent()).toMatch(/cơ cấu đơn vị hiện nay/);
    for (const w of wards) expect(await page.locator(`[data-key="${w.id}"]`).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The new ward's trend marks the merge of 1 July as a break.
    await page.goto(`${suite.server.url}/app/trend?${period}&unit=${merged.id}`);
    const breaks = page.locator('[data-testid="reorganisation-breaks"]');
    await expect.poll(() => breaks.count(), { timeout: 30_000 }).toBe(1);
    expect(await breaks.locator('[data-day="2026-07-01"][data-kind="merge"]').count()).toBe(1);
    expect(await breaks.textContent()).toMatch(/Phường Hợp Nhất/);
    const months = page.locator('[data-testid="trend-table"] tbody tr');
    expect(await months.count()).toBe(2);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/unit-views-trend-360.png`, fullPage: true });

    // The tree of 30 June: the two wards, each with its own answers; the new ward only with its own.
    await page.goto(`${suite.server.url}/app/units?${period}`);
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="filter-toggle"]').click();
    await page.locator('select[name="view"]').selectOption('asOf');
    await page.locator('input[name="asOf"]').fill('2026-06-30');
    await expect.poll(() => page.url()).toContain('asOf=2026-06-30');
    const first = page.locator(`[data-key="${wards[0]!.id}"]`).first();
    await expect.poll(() => first.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await first.textContent()).toMatch(/90,0/);
    expect(await page.locator(`[data-key="${wards[1]!.id}"]`).first().textContent()).toMatch(/70,0/);
    expect(await page.locator(`[data-key="${merged.id}"]`).first().textContent()).toMatch(/95,0/);
    expect(await page.locator('[data-testid="view-rule"]').textContent()).toMatch(/30\/06\/2026/);
    await page.screenshot({ path: `${ARTIFACTS}/unit-views-asof-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}/unit-views-asof-1366.png`, fullPage: true });
    await context.close();
  });
});
