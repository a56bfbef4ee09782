import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite';

/**
 * The administrator's unit tree on a 360 px phone: a unit added under the province, renamed,
 * retired; a unit list refused line by line, then imported with its counts. Nothing scrolls
 * sideways; the page is photographed at 360 and 1366 px.
 */
const PASSWORD = 'unit-tree-password';
const ARTIFACTS = 'test-artifacts';
const suite = serverAndBrowser({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });

const signIn = (p: Page) => signInAs(p, suite.server.url, 'admin', PASSWORD);

const narrow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
const row = (p: Page, code: string) => p.locator(`[data-testid="unit-row"][data-code="${code}"]`);

describe('the unit tree page', () => {
  it('adds, renames and retires a unit, and imports a list, on a phone', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${suite.server.url}/app/structure`);
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const province = page.locator('[data-testid="unit-row"][data-depth="0"]').first();
    const provinceCode = (await province.getAttribute('data-code'))!;

    // Add a service body under the province.
    const parentOption = page.locator('[data-testid="unit-create-parent"] option', { hasText: `(${provinceCode})` }).first();
    await page.locator('[data-testid="unit-create-parent"]').selectOption((await parentOption.getAttribute('value'))!);
    await page.locator('[data-testid="unit-create-kind"]').selectOption('service_body');
    await page.locator('[data-testid="unit-create-code"]').fill('UT-MC');
    await page.locator('[data-testid="unit-create-name"]').fill('Bộ phận một cửa thử');
    await page.locator('[data-testid="unit-create"]').click();
    await expect.poll(() => row(page, 'UT-MC').count()).toBe(1);
    expect(await row(page, 'UT-MC').getAttribute('data-depth')).toBe('1');

    // A code of the wrong shape is refused in words.
    await page.locator('[data-testid="unit-create-kind"]').selectOption('commune');
    await page.locator('[data-testid="unit-create-code"]').fill('12');
    await page.locator('[data-testid="unit-create-name"]').fill('Xã mã sai');
    await page.locator('[data-testid="unit-create"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-create-error"]').textContent()).toMatch(/5 chữ số/);

    // Rename, then retire.
    await row(page, 'UT-MC').locator('[data-testid="unit-edit"]').click();
    await row(page, 'UT-MC').locator('[data-testid="unit-edit-name"]').fill('Một cửa thử (đổi tên)');
    await row(page, 'UT-MC').locator('[data-testid="unit-save"]').click();
    await expect.poll(() => row(page, 'UT-MC').locator('.unit-name').textContent()).toBe('Một cửa thử (đổi tên)');
    await row(page, 'UT-MC').locator('[data-testid="unit-edit"]').click();
    await row(page, 'UT-MC').locator('[data-testid="unit-retire"]').click();
    await expect.poll(() => row(page, 'UT-MC').count()).toBe(0);
    await page.locator('[data-testid="units-show-retired"]').check();
    await expect.poll(() => row(page, 'UT-MC').getAttribute('data-retired')).toBe('1');

    // A list with a bad line is refused whole; a good one is imported with its counts.
    const file = (text: string) => ({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .locator('[data-testid="unit-import-file"]')
      .setInputFiles(file(`code,name,kind,parent_code\nUT-A,Cơ quan A,cơ quan,${provinceCode}\n123,Xã sai,xã,${provinceCode}\n`));
    await page.locator('[data-testid="unit-import-run"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-import-problems"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="unit-import-problems"] tbody tr').getAttribute('data-line')).toBe('3');
    expect(await row(page, 'UT-A').count()).toBe(0);
    expect(await narrow(page)).toBeLessThanOrEqual(360);

    await page
      .locator('[data-testid="unit-import-file"]')
      .setInputFiles(file(`code,name,kind,parent_code\nUT-B,Phòng B,cơ quan,UT-A\nUT-A,Cơ quan A,cơ quan,${provinceCode}\n`));
    await page.locator('[data-testid="unit-import-run"]').click();
    const done = page.locator('[data-testid="unit-import-done"]');
    await expect.poll(() => done.getAttribute('data-created')).toBe('2');
    await expect.poll(() => row(page, 'UT-B').getAttribute('data-depth')).toBe('2');

    await row(page, 'UT-A').locator('[data-testid="unit-edit"]').click();
    expect(await narrow(page)).toBeLessThanOrEqual(360);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/unit-tree-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await narrow(page)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: `${ARTIFACTS}/unit-tree-1366.png`, fullPage: true });
    await context.close();
  });
});
