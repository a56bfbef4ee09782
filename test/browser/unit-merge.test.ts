import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../surveys/time';
import { serverAndBrowser } from '../support/browser-suite';

/**
 * Recording a merge on the unit tree page, on a 360 px phone: two wards (or communes) of the demo
 * merged into a new one under the province; the old ones leave the tree in force, the new one is
 * in it. Nothing scrolls sideways; the form is photographed.
 */
const PASSWORD = 'unit-merge-password';
const ARTIFACTS = 'test-artifacts';
const suite = serverAndBrowser({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });

const signIn = (p: Page) => signInAs(p, suite.server.url, 'admin', PASSWORD);

const row = (p: Page, code: string) => p.locator(`[data-testid="unit-row"][data-code="${code}"]`);

describe('recording a merge', () => {
  it('merges two units into a new one from the unit tree page, on a phone', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${suite.server.url}/app/structure`);
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const provinceCode = (await page.locator('[data-testid="unit-row"][data-depth="0"]').first().getAttribute('data-code'))!;

    const from = page.locator('[data-testid="unit-merge-from"]');
    let kind = 'ward';
    if ((await from.locator('option[data-kind="ward"]').count()) < 2) kind = 'commune';
    const options = from.locator(`option[data-kind="${kind}"]`);
    expect(await options.count()).toBeGreaterThanOrEqual(2);
    const picked = [(await options.nth(0).getAttribute('value'))!, (await options.nth(1).getAttribute('value'))!];
    const codes = [
      /\((\d{5})\)$/.exec((await options.nth(0).textContent())!)![1]!,
      /\((\d{5})\)$/.exec((await options.nth(1).textContent())!)![1]!,
    ];
    await from.selectOption(picked);
    await page.locator('[data-testid="unit-merge-on"]').fill(localDay(new Date()));
    const parentOption = page.locator('[data-testid="unit-merge-parent"] option', { hasText: `(${provinceCode})` }).first();
    await page.locator('[data-testid="unit-merge-parent"]').selectOption((await parentOption.getAttribute('value'))!);
    await page.locator('[data-testid="unit-merge-kind"]').selectOption(kind);
    await page.locator('[data-testid="unit-merge-code"]').fill('99901');
    await page.locator('[data-testid="unit-merge-name"]').fill('Phường Hợp Nhất');
    await page.locator('[data-testid="unit-merge-note"]').fill('Nghị quyết thử');
    await page.locator('[data-testid="unit-merge"]').click();
    await expect.poll(() => row(page, '99901').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid="unit-merge-done"]').textContent()).toMatch(/Phường Hợp Nhất/);
    for (const code of codes) expect(await row(page, code).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A merge of one unit is refused in words, and nothing changes.
    const merged = (await from.locator('option', { hasText: '(99901)' }).first().getAttribute('value'))!;
    await page.locator('[data-testid="unit-merge-code"]').fill('99902');
    await page.locator('[data-testid="unit-merge-name"]').fill('Lần hai');
    await from.selectOption([merged]);
    await page.locator('[data-testid="unit-merge"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-merge-error"]').textContent()).toMatch(/ít nhất 2 đơn vị/);
    expect(await row(page, '99902').count()).toBe(0);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator('section[aria-labelledby="unit-merge-title"]').screenshot({ path: `${ARTIFACTS}/unit-merge-360.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.locator('section[aria-labelledby="unit-merge-title"]').screenshot({ path: `${ARTIFACTS}/unit-merge-1366.png` });
    await context.close();
  });
});
