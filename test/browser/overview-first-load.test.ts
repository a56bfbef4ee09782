import { describe, expect, it } from 'vitest';
import { defaultFilter } from '../../client/dashboard/filter';
import { serverAndBrowser } from '../support/browser-suite';

/**
 * The overview's first load asks for the period it shows, once: no request for other dates that
 * is then thrown away, nothing aborted, whether the analyst arrives from the login page, opens a
 * bookmarked period, or comes back from the reports page.
 */
const PASSWORD = 'first-load-password';
const demo = serverAndBrowser({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });

describe('the overview on first load', () => {
  it('makes one stats request for the shown period, with the URL’s dates, and none is aborted', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const stats: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/stats') stats.push(url.search);
    });
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const settled = async () => {
      await page.locator('[data-testid="overall"], [data-testid="empty"]').first().waitFor();
      await page.waitForLoadState('networkidle');
    };

    await page.goto(`${demo.server.url}/app/login`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/\?from=/);
    await settled();
    const { from, to } = defaultFilter();
    const shown = new URL(page.url()).searchParams;
    expect([shown.get('from'), shown.get('to')]).toEqual([from, to]);
    const forPeriod = stats.filter((s) => s.includes('groupBy=sector'));
    expect(forPeriod).toEqual([`?from=${from}&to=${to}&groupBy=sector`]);
    // The only other read is the period before, for the answers card: each asked once.
    expect(stats).toHaveLength(2);
    expect(new Set(stats).size).toBe(stats.length);

    stats.length = 0;
    await page.goto(`${demo.server.url}/app/?from=2026-06-15&to=2026-09-14`);
    await settled();
    expect(stats.filter((s) => s.includes('groupBy=sector'))).toEqual(['?from=2026-06-15&to=2026-09-14&groupBy=sector']);
    expect(stats).toHaveLength(2);

    stats.length = 0;
    await page.locator('[data-testid="nav-reports"]').click();
    await page.waitForURL(/\/app\/reports/);
    await page.locator('[data-testid="report-preview"], [data-testid="empty"]').first().waitFor();
    await page.locator('[data-testid="nav-overview"]').click();
    await settled();
    expect(stats.filter((s) => s.includes('groupBy=sector'))).toEqual(['?from=2026-06-15&to=2026-09-14&groupBy=sector']);
    expect(failed).toEqual([]);
    await context.close();
  });
});
