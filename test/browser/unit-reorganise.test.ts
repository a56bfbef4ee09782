import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../surveys/time';
import { serverAndBrowser } from '../support/browser-suite';
import { answersAt, loginCookie } from '../support/http-client';

/**
 * The reorganisation forms and history on the unit tree page, on a 360 px phone: a ward of its own
 * with a counter is split in two (shares 60/40, the counter to the second), a demo ward renamed and
 * a service body moved under a ward; the history lists all three; the rename is undone, and once a
 * citizen answered at the moved counter the split's undo is refused in words.
 */
const PASSWORD = 'unit-reorganise-password';
const ARTIFACTS = 'test-artifacts';
const suite = serverAndBrowser({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD });

const signIn = (p: Page) => signInAs(p, suite.server.url, 'admin', PASSWORD);

const row = (p: Page, code: string) => p.locator(`[data-testid="unit-row"][data-code="${code}"]`);
const item = (p: Page, kind: string) => p.locator(`[data-testid="reorg-item"][data-kind="${kind}"]`);
const optionOf = async (p: Page, select: string, code: string) =>
  (await p
    .locator(`[data-testid="${select}"] option`, { hasText: `(${code})` })
    .first()
    .getAttribute('value'))!;

describe('reorganising units', () => {
  it('records a split, a rename and a move on a phone, lists them, undoes one and is refused the other', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    const today = localDay(new Date());

    // A ward with a counter and no answers yet, so that the only answer under the new tree is the test's own.
    const { units } = (await (await page.request.get(`${suite.server.url}/api/units`)).json()) as {
      units: { id: number; code: string; depth: number }[];
    };
    const province = units.find((u) => u.depth === 0)!;
    const ward = await page.request.post(`${suite.server.url}/api/units`, {
      data: { code: '99920', name: 'Phường Thử Tách', kind: 'ward', parentId: province.id },
    });
    expect(ward.status()).toBe(201);
    const wardId = ((await ward.json()) as { id: number }).id;
    const counter = await page.request.post(`${suite.server.url}/api/counters`, {
      data: { code: 'test-split', name: 'Quầy thử tách', unitId: wardId, sectors: ['civil_status'] },
    });
    expect(counter.status()).toBe(201);

    await mkdir(ARTIFACTS, { recursive: true });
    await page.goto(`${suite.server.url}/app/structure`);
    await expect.poll(() => row(page, '99920').count(), { timeout: 30_000 }).toBe(1);
    // The demo's own event: the merge of 1 July 2025 into Phường Phố Hiến.
    expect(await page.locator('[data-testid="reorg-item"]').count()).toBe(1);

    // Split: two new wards under the province, 60 % and 40 %, the counter to the second.
    await page.locator('[data-testid="unit-reorganise-kind"]').selectOption('split');
    await page.locator('[data-testid="unit-split-from"]').selectOption(await optionOf(page, 'unit-split-from', '99920'));
    await page.locator('[data-testid="unit-split-on"]').fill(today);
    await page.locator('[data-testid="unit-split-note"]').fill('Nghị quyết thử chia tách');
    for (const [i, code, name] of [
      [0, '99921', 'Phường Tách Một'],
      [1, '99922', 'Phường Tách Hai'],
    ] as const) {
      expect(await page.locator(`[data-testid="unit-split-${i}-kind"]`).inputValue()).toBe('ward');
      expect(await page.locator(`[data-testid="unit-split-${i}-parent"]`).inputValue()).toBe(String(province.id));
      await page.locator(`[data-testid="unit-split-${i}-code"]`).fill(code);
      await page.locator(`[data-testid="unit-split-${i}-name"]`).fill(name);
    }
    // A third new unit can be added and taken away again.
    await page.locator('[data-testid="unit-split-add"]').click();
    expect(await page.locator('[data-testid="unit-split-part"]').count()).toBe(3);
    await page.locator('[data-testid="unit-split-2-remove"]').click();
    expect(await page.locator('[data-testid="unit-split-part"]').count()).toBe(2);
    expect(await page.locator('[data-testid="unit-split-1-name"]').inputValue()).toBe('Phường Tách Hai');
    await page.locator('[data-testid="unit-split-0-share"]').fill('60');
    await page.locator('[data-testid="unit-split-1-share"]').fill('30');
    await expect.poll(() => page.locator('[data-testid="unit-split-sum"]').textContent()).toMatch(/90 %.*phải đúng 100 %/);
    await page.locator('[data-testid="unit-split-counter-test-split"]').selectOption({ label: 'Phường Tách Hai' });
    await page.locator('[data-testid="unit-split"]').click();
    await expect
      .poll(() => page.locator('[data-testid="unit-split-error"]').textContent())
      .toBe('Tổng tỷ lệ các đơn vị mới phải đúng 100 % (hiện là 90 %). Xin sửa rồi gửi lại.');
    expect(await row(page, '99920').count()).toBe(1);
    await page.locator('[data-testid="unit-split-1-share"]').fill('40');
    await expect.poll(() => page.locator('[data-testid="unit-split-sum"]').textContent()).toBe('Tổng tỷ lệ: 100 %');
    await page.locator('section[aria-labelledby="unit-reorganise-title"]').screenshot({ path: `${ARTIFACTS}/unit-split-360.png` });
    await page.locator('[data-testid="unit-split"]').click();
    await expect.poll(() => row(page, '99922').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid="unit-split-done"]').textContent()).toMatch(/Phường Thử Tách/);
    expect(await row(page, '99921').locator('.unit-name').textContent()).toBe('Phường Tách Một');
    expect(await row(page, '99920').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A new code of the wrong shape is refused in words, and nothing changes.
    await page.locator('[data-testid="unit-reorganise-kind"]').selectOption('recode');
    await page.locator('[data-testid="unit-recode-unit"]').selectOption(await optionOf(page, 'unit-recode-unit', '11983'));
    await page.locator('[data-testid="unit-recode-value"]').fill('123');
    await page.locator('[data-testid="unit-recode-on"]').fill(today);
    await page.locator('[data-testid="unit-recode"]').click();
    await expect.poll(() => page.locator('[data-testid="unit-recode-error"]').textContent()).toMatch(/đúng 5 chữ số/);
    expect(await row(page, '11983').count()).toBe(1);

    // Rename a demo ward.
    await page.locator('[data-testid="unit-reorganise-kind"]').selectOption('rename');
    await page.locator('[data-testid="unit-rename-unit"]').selectOption(await optionOf(page, 'unit-rename-unit', '11980'));
    expect(await page.locator('[data-testid="unit-rename-value"]').inputValue()).toBe('Phường Hồng Châu');
    await page.locator('[data-testid="unit-rename-value"]').fill('Phường Hồng Châu Mới');
    await page.locator('[data-testid="unit-rename-on"]').fill(today);
    await page.locator('[data-testid="unit-rename"]').click();
    await expect.poll(() => row(page, '11980').locator('.unit-name').textContent(), { timeout: 15_000 }).toBe('Phường Hồng Châu Mới');
    expect(await page.locator('[data-testid="unit-rename-done"]').textContent()).toBe('Đã ghi nhận: Đổi tên — Phường Hồng Châu (11980).');

    // Move the school under a ward: it is then one level deeper, right under it.
    await page.locator('[data-testid="unit-reorganise-kind"]').selectOption('move');
    await page.locator('[data-testid="unit-move-unit"]').selectOption(await optionOf(page, 'unit-move-unit', '33-THPT-CHUYEN'));
    await page.locator('[data-testid="unit-move-value"]').selectOption(await optionOf(page, 'unit-move-value', '11983'));
    await page.locator('[data-testid="unit-move-on"]').fill(today);
    await page.locator('[data-testid="unit-move"]').click();
    await expect.poll(() => row(page, '33-THPT-CHUYEN').getAttribute('data-depth'), { timeout: 15_000 }).toBe('2');
    const order = await page.locator('[data-testid="unit-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(order.indexOf('33-THPT-CHUYEN')).toBe(order.indexOf('11983') + 1);
    await page.locator('section[aria-labelledby="unit-reorganise-title"]').screenshot({ path: `${ARTIFACTS}/unit-reorganise-360.png` });

    // The history: newest first, each with its words, shares and counters.
    await expect.poll(() => page.locator('[data-testid="reorg-item"]').count()).toBe(4);
    expect(await page.locator('[data-testid="reorg-item"]').evaluateAll((li) => li.map((l) => l.getAttribute('data-kind')))).toEqual([
      'move',
      'rename',
      'split',
      'merge',
    ]);
    const split = item(page, 'split');
    expect(await split.locator('.reorg-kind').textContent()).toBe('Chia tách / Split');
    expect(await split.locator('[data-testid="reorg-link"]').allTextContents()).toEqual([
      'Phường Thử Tách (99920) → Phường Tách Một (99921) · 60 %',
      'Phường Thử Tách (99920) → Phường Tách Hai (99922) · 40 %',
    ]);
    expect(await split.locator('[data-testid="reorg-counters"]').textContent()).toBe('Quầy chuyển: test-split → 99922');
    expect(await split.textContent()).toContain('Căn cứ: Nghị quyết thử chia tách');
    expect(await item(page, 'rename').textContent()).toContain('Tên (11980): Phường Hồng Châu → Phường Hồng Châu Mới');
    expect(await item(page, 'move').locator('[data-testid="reorg-change"]').textContent()).toBe('Đơn vị cấp trên: 33 → 11983');
    expect(await item(page, 'move').locator('[data-testid="reorg-link"]').count()).toBe(0);

    // Undo the rename, after a confirm step: the old name is back and the event is marked.
    await item(page, 'rename').locator('[data-testid="reorg-undo"]').click();
    await item(page, 'rename').locator('[data-testid="reorg-undo-no"]').click();
    expect(await item(page, 'rename').getAttribute('data-undone')).toBe('0');
    await item(page, 'rename').locator('[data-testid="reorg-undo"]').click();
    await item(page, 'rename').locator('[data-testid="reorg-undo-yes"]').click();
    await expect.poll(() => item(page, 'rename').getAttribute('data-undone'), { timeout: 15_000 }).toBe('1');
    expect(await item(page, 'rename').locator('[data-testid="reorg-undone"]').textContent()).toBe('Đã hoàn tác / Undone');
    expect(await item(page, 'rename').locator('[data-testid="reorg-undo"]').count()).toBe(0);
    expect(await item(page, 'rename').locator('[data-testid="reorg-who"]').textContent()).toMatch(
      /^Ghi nhận lúc .+, bởi admin · Đã hoàn tác lúc .+, bởi admin$/,
    );
    await expect.poll(() => row(page, '11980').locator('.unit-name').textContent()).toBe('Phường Hồng Châu');

    // A citizen answers at the counter the split moved: the split can no longer be undone.
    const cookie = await loginCookie(suite.server.url, PASSWORD);
    const citizen = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const form = await citizen.newPage();
    await form.goto(`${suite.server.url}/q/test-split`);
    await form.locator('label:has(> input[name="q.overall"][value="5"])').click();
    await form.locator('form#survey button[type="submit"]:not([name])').click();
    await expect.poll(() => form.locator('h1').textContent()).toBe('Cảm ơn Ông/Bà đã đánh giá!');
    await citizen.close();
    await expect.poll(() => answersAt(suite.server.url, cookie, 'test-split'), { timeout: 15_000 }).toBe(1);
    await split.locator('[data-testid="reorg-undo"]').click();
    await split.locator('[data-testid="reorg-undo-yes"]').click();
    await expect.poll(() => split.locator('[data-testid="reorg-undo-error"]').textContent()).toMatch(/Không hoàn tác được: đã có 1 phiếu/);
    expect(await split.getAttribute('data-undone')).toBe('0');
    expect(await row(page, '99922').count()).toBe(1);
    expect(await row(page, '99920').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('section[aria-labelledby="reorg-history-title"]').screenshot({ path: `${ARTIFACTS}/reorg-history-360.png` });

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator('[data-testid="unit-reorganise-kind"]').selectOption('split');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.locator('section[aria-labelledby="unit-reorganise-title"]').screenshot({ path: `${ARTIFACTS}/unit-reorganise-1366.png` });
    await page.locator('section[aria-labelledby="reorg-history-title"]').screenshot({ path: `${ARTIFACTS}/reorg-history-1366.png` });

    // In English the history reads in English, the headings in both languages.
    await page.locator('[data-testid="lang-en"]').first().click();
    await expect.poll(() => split.locator('[data-testid="reorg-counters"]').textContent()).toBe('Counters moved: test-split → 99922');
    expect(await split.locator('[data-testid="reorg-link"]').first().textContent()).toBe(
      'Phường Thử Tách (99920) → Phường Tách Một (99921) · 60%',
    );
    expect(await item(page, 'rename').locator('[data-testid="reorg-who"]').textContent()).toMatch(
      /^Recorded .+ by admin · Undone at .+ by admin$/,
    );
    await page.locator('section[aria-labelledby="unit-reorganise-title"]').screenshot({ path: `${ARTIFACTS}/unit-reorganise-en-1366.png` });
    await context.close();
  });
});
