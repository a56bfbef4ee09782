import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { getJson, loginCookie } from '../support/http-client';
import { serverAndBrowser } from '../support/browser-suite';

const PASSWORD = 'admin-pages-password';
const demo = serverAndBrowser({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });

describe('an administrator gives a counter officer an account', () => {
  it('creates it with a password shown once; the officer lands on their counters and posters', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/app/login`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/?(\?.*)?$/);

    await page.goto(`${demo.server.url}/app/users`);
    const meta = await getJson<{ units: { id: number; code: string }[] }>(
      demo.server.url,
      '/api/meta',
      await loginCookie(demo.server.url, PASSWORD),
    );
    const oneStop = meta.units.find((u) => u.code === '33-TTPVHCC')!;
    await page.getByTestId('new-username').fill('can.bo.mot.cua');
    await page.getByTestId('new-role').selectOption('officer');
    await page.getByTestId('new-unit').selectOption(String(oneStop.id));
    await page.getByTestId('create-user').click();
    const password = (await page.getByTestId('generated-password').textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await expect.poll(() => page.locator('[data-testid="user-row"]').count()).toBe(2);
    await context.close();

    const officer = await demo.browser.newContext({ viewport: { width: 820, height: 1000 } });
    const op = await officer.newPage();
    await op.goto(`${demo.server.url}/app/login`);
    await op.locator('input[name="username"]').fill('can.bo.mot.cua');
    await op.locator('input[name="password"]').fill(password);
    await op.locator('[data-testid="login-form"] button[type="submit"]').click();
    await op.waitForURL(/\/app\/counters/);
    const rows = op.locator('[data-testid="counters-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await op.locator('[data-testid="poster-a4"]').first().getAttribute('href')).toMatch(/^\/posters\/demo-/);
    // and the analysis pages stay closed to an officer, on the server too
    expect((await op.request.get(`${demo.server.url}/api/stats`)).status()).toBe(403);
    await mkdir('test-artifacts', { recursive: true });
    await op.screenshot({ path: 'test-artifacts/officer-counters.png', fullPage: true });
    await officer.close();
  });
});
