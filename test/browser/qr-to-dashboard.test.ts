import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { runServer, type RunningServer } from '../support/run-server';

const PASSWORD = 'browser-test-password';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('from a QR scan at the counter to the rate on the dashboard', () => {
  it('a citizen answers on a 360 px phone with JavaScript off', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/q/demo-land`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // sending without the required overall question keeps the other answer and says what is missing
    await page.locator('label.opt:has(input[name="q.access_q"][value="4"])').click();
    await page.locator('form').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.locator('#err-overall').textContent()).toContain('Xin trả lời câu hỏi này');
    expect(await page.locator('input[name="q.access_q"][value="4"]').isChecked()).toBe(true);

    await page.locator('label.opt:has(input[name="q.overall"][value="5"])').click();
    await page.locator('textarea[name="comment"]').fill('Cán bộ hướng dẫn rất tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cảm ơn bạn đã đánh giá!');
    await context.close();
  });
});
