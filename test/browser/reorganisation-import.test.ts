import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../surveys/time';
import { serverAndBrowser } from '../support/browser-suite';

/**
 * A reorganisation sheet imported on the unit tree page, on a 360 px phone: a bad line is refused
 * by line and column; the dry run lists what would change and writes nothing; Record writes it and
 * the tree shows the new unit instead of the old ones. Nothing scrolls sideways; photographed.
 */
const PASSWORD = 'reorg-sheet-password';
const ARTIFACTS = 'test-artifacts';
const suite = serverAndBrowser({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });
const HEADER = 'old_code,new_code,share,new_name,new_kind,parent_code,effective_on,note,counter_code';

const signIn = (p: Page) => signInAs(p, suite.server.url, 'admin', PASSWORD);

const row = (p: Page, code: string) => p.locator(`[data-testid="unit-row"][data-code="${code}"]`);
const sheet = (p: Page, csv: string) =>
  p.locator('[data-testid="reorg-sheet-file"]').setInputFiles({ name: 'sap-xep.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

describe('importing a reorganisation sheet', () => {
  it('checks a sheet first, then records it, on a phone', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${suite.server.url}/app/structure`);
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const { units } = await page.evaluate(async () => (await fetch('/api/units')).json() as Promise<{ units: any[] }>);
    const top = units.find((u) => u.depth === 0)!;
    let kind = 'ward';
    if (units.filter((u) => u.kind === kind && u.parentId === top.id).length < 2) kind = 'commune';
    const [a, b] = units.filter((u) => u.kind === kind && u.parentId === top.id);
    expect(b).toBeDefined();
    const day = localDay(new Date());
    await page.locator('[data-testid="reorg-sheet-on"]').fill(day);

    // One bad line: the whole file is refused, by line and column.
    await sheet(page, `${HEADER}\n${a.code},99911,,Phường Bảng Tính,,,,,\n${b.code},99911,,Phường Bảng Tính,,,,,\n99990,99912,,X,,,,,\n`);
    await page.locator('[data-testid="reorg-sheet-check"]').click();
    const problem = page.locator('[data-testid="reorg-sheet-problems"] tr[data-line="4"][data-column="old_code"]');
    await expect.poll(() => problem.count(), { timeout: 15_000 }).toBe(1);
    expect(await problem.textContent()).toMatch(/99990/);
    expect(await page.locator('[data-testid="reorg-sheet-record"]').count()).toBe(0);

    // The dry run lists the merge and changes nothing.
    await sheet(page, `${HEADER}\n${a.code},99911,,Phường Bảng Tính,,,,Nghị quyết thử,\n${b.code},99911,,Phường Bảng Tính,,,,,\n`);
    await page.locator('[data-testid="reorg-sheet-check"]').click();
    const event = page.locator('[data-testid="reorg-sheet-events"] tr[data-kind="merge"]');
    await expect.poll(() => event.count(), { timeout: 15_000 }).toBe(1);
    expect(await event.locator('[data-col="old"]').textContent()).toContain(a.code);
    expect(await event.locator('[data-col="old"]').textContent()).toContain(b.code);
    expect(await event.locator('[data-col="new"] li[data-code="99911"]').getAttribute('data-created')).toBe('true');
    expect(await event.textContent()).toMatch(/Sáp nhập/);
    expect(await row(page, a.code).count()).toBe(1);
    expect(await row(page, '99911').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const section = page.locator('section[aria-labelledby="reorg-sheet-title"]');
    expect(
      await section.evaluate(
        (el) => Math.max(...[...el.querySelectorAll('*')].map((c) => c.getBoundingClientRect().right)) - el.getBoundingClientRect().right,
      ),
    ).toBeLessThanOrEqual(0);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator('section[aria-labelledby="reorg-sheet-title"]').screenshot({ path: `${ARTIFACTS}/reorg-sheet-360.png` });

    // Record: the tree reloads with the new unit and without the old ones.
    await page.locator('[data-testid="reorg-sheet-record"]').click();
    await expect.poll(() => row(page, '99911').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid="reorg-sheet-recorded"]').getAttribute('data-events')).toBe('1');
    expect(await row(page, a.code).count()).toBe(0);
    expect(await row(page, b.code).count()).toBe(0);
    expect(await page.locator('[data-testid="reorg-sheet-record"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.locator('section[aria-labelledby="reorg-sheet-title"]').screenshot({ path: `${ARTIFACTS}/reorg-sheet-1366.png` });
    await context.close();
  });

  it('checks a split with shares and counters, in English, on a phone, and writes nothing', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.evaluate(() => localStorage.setItem('hailong.lang', 'en'));
    await page.goto(`${suite.server.url}/app/structure`);
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const { counters } = await page.evaluate(async () => (await fetch('/api/counters')).json() as Promise<{ counters: any[] }>);
    const serving = counters.filter((c) => !c.retired);
    // The service centre's counters (the first test merged two wards, whose new unit starts today).
    const unitCode = serving.find((c) => c.code === 'demo-land').unit.code as string;
    const own = serving.filter((c) => c.unit.code === unitCode);
    const lines = [`${unitCode},99921,60%,Ward North,,,${localDay(new Date())},,`, `${unitCode},99922,"0,4",Ward South,,,,,`];
    own.forEach((c, i) => lines.push(`${unitCode},${i % 2 === 0 ? '99921' : '99922'},,,,,,,${c.code}`));
    await sheet(page, `${HEADER}\n${lines.join('\n')}\n`);
    await page.locator('[data-testid="reorg-sheet-check"]').click();
    const event = page.locator('[data-testid="reorg-sheet-events"] tr[data-kind="split"]');
    await expect.poll(() => event.count(), { timeout: 15_000 }).toBe(1);
    expect(await event.textContent()).toMatch(/Split/);
    expect(await event.locator('[data-col="new"] li[data-code="99921"]').textContent()).toMatch(/share 60%/);
    expect(await event.locator('[data-col="new"] li[data-code="99922"]').textContent()).toMatch(/share 40%/);
    for (const c of own) expect(await event.locator('[data-col="counters"]').textContent()).toContain(c.code);
    expect(await row(page, unitCode).count()).toBe(1);
    expect(await row(page, '99921').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator('section[aria-labelledby="reorg-sheet-title"]').screenshot({ path: `${ARTIFACTS}/reorg-sheet-split-en-360.png` });
    await context.close();
  });
});
