import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite';

const PASSWORD = 'browser-test-password';
const demo = serverAndBrowser({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });

describe('from a QR scan at the counter to the rate on the dashboard', () => {
  it('a citizen answers on a 360 px phone with JavaScript off', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/q/demo-land`);
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
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cảm ơn Ông/Bà đã đánh giá!');
    await context.close();
  });

  it('an analyst logs in and sees that answer counted, with the same figures as /api/stats', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/app/`);
    await page.waitForURL(/\/app\/login/);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="login-error"]').textContent()).toContain('không đúng');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/?(\?.*)?$/);

    const overall = page.locator('[data-testid="overall"]');
    await expect.poll(() => overall.locator('[data-col="n"]').getAttribute('data-value')).toBe('1');
    expect(await overall.locator('[data-col="rate"]').getAttribute('data-value')).toBe('100');
    const land = page.locator('[data-testid="sector-table"] tr[data-sector="land"]');
    expect(await land.locator('[data-col="n"]').getAttribute('data-value')).toBe('1');
    expect(await land.locator('[data-col="rate"]').textContent()).toMatch(/^100,0\s%$/);
    expect(await land.locator('[data-col="verdict"]').getAttribute('data-value')).toBe('too_few');

    // the page shows what the API says for the same filter
    const api = await page.evaluate(async () => (await fetch(`/api/stats${location.search || ''}`)).json());
    expect(api.overall.n).toBe(1);
    for (const row of api.rows as { key: string; n: number; satisfied: number }[]) {
      const tr = page.locator(`[data-testid="sector-table"] tr[data-sector="${row.key}"]`);
      expect(await tr.locator('[data-col="n"]').getAttribute('data-value')).toBe(String(row.n));
      expect(await tr.locator('[data-col="satisfied"]').getAttribute('data-value')).toBe(String(row.satisfied));
    }
    // chart.js has drawn: the canvas holds coloured pixels
    const chart = page.locator('canvas[data-testid="sector-chart"]');
    await expect
      .poll(() =>
        chart.evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! !== data[i + 1]!) coloured++;
          return coloured;
        }),
      )
      .toBeGreaterThan(100);
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/dashboard.png', fullPage: true });
    await context.close();
  });
});
