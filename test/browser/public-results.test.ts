import { gzipSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite';

const PASSWORD = 'public-results-browser';
const suite = serverAndBrowser({ HAILONG_DEMO: 'full', HAILONG_ADMIN_PASSWORD: PASSWORD });
const SHOTS = '/tmp/i20a-public';

async function adminCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('public results page', () => {
  it('reads on a 360 px phone with JavaScript off, matches /api/stats and stays under 30 KB gzipped', async () => {
    const url = suite.server.url;
    const cookie = await adminCookie(url);
    const put = await fetch(`${url}/api/public-results/settings`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ enabled: true, showComplaints: true, showPublishedCases: true, threshold: 10 }),
    });
    expect(put.status).toBe(200);
    const figures = (await (await fetch(`${url}/api/public/results`)).json()) as {
      unit: { id: number };
      quarter: { from: string; to: string; sectors: { sector: string; cell: { shown: boolean; rate?: number | null } }[] };
    };
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const res = await page.goto(`${url}/cong-khai`);
    expect(res!.status()).toBe(200);
    const html = await res!.text();
    // The page's CSS is inline, so the HTML is everything there is to load.
    const gzipped = gzipSync(Buffer.from(html)).length;
    expect(gzipped).toBeLessThanOrEqual(30 * 1024);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Nothing to run: no script, no external resource, so it works the same with JavaScript off.
    expect(html).not.toMatch(/<script|<link[^>]+stylesheet|<img/i);
    // No cell's content runs out of its box (the trend table has five columns at 360 px).
    const spilling = await page.evaluate(
      () =>
        [...document.querySelectorAll('table.trend th, table.trend td, section')].filter((el) => el.scrollWidth > el.clientWidth + 1)
          .length,
    );
    expect(spilling).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/public-360.png`, fullPage: true });

    const stats = (await (
      await fetch(`${url}/api/stats?from=${figures.quarter.from}&to=${figures.quarter.to}&unit=${figures.unit.id}&groupBy=sector`, {
        headers: { cookie },
      })
    ).json()) as { rows: { key: string; rate: number | null }[] };
    let checked = 0;
    for (const s of figures.quarter.sectors) {
      if (!s.cell.shown) continue;
      const shown = await page.locator(`section >> nth=0 >> li[data-sector="${s.sector}"] .big`).getAttribute('data-rate');
      expect(Number(shown)).toBe(stats.rows.find((r) => r.key === s.sector)!.rate);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);

    // The trend by sector: each shown cell's rate is /api/stats's for that quarter.
    const trend = (
      (await (await fetch(`${url}/api/public/results`)).json()) as {
        trend: { from: string; to: string; sectors: { sector: string; cell: { shown: boolean; n?: number; rate?: number | null } }[] }[];
      }
    ).trend;
    expect(await page.locator('table.trend tbody tr').count()).toBeGreaterThan(0);
    let trendChecked = 0;
    for (const [i, q] of trend.entries()) {
      const qStats = (await (
        await fetch(`${url}/api/stats?from=${q.from}&to=${q.to}&unit=${figures.unit.id}&groupBy=sector`, { headers: { cookie } })
      ).json()) as { rows: { key: string; rate: number | null }[] };
      for (const s of q.sectors) {
        const td = page.locator(`table.trend tr[data-sector="${s.sector}"] td >> nth=${i}`);
        if (!s.cell.shown) {
          expect(await td.textContent()).toBe('ẩn');
          continue;
        }
        if (!s.cell.n) continue;
        expect(Number(await td.getAttribute('data-rate'))).toBe(qStats.rows.find((r) => r.key === s.sector)!.rate);
        trendChecked++;
      }
    }
    expect(trendChecked).toBeGreaterThan(0);

    const wide = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const widePage = await wide.newPage();
    await widePage.goto(`${url}/cong-khai?lang=en`);
    await widePage.screenshot({ path: `${SHOTS}/public-1366-en.png`, fullPage: true });
    await context.close();
    await wide.close();
  }, 240_000);

  it('lets an administrator publish a closed case’s outcome from the case page, and the public page shows it', async () => {
    const url = suite.server.url;
    const cookie = await adminCookie(url);
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { cookie, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // A low rating at a counter opens a case, as a citizen's phone would send it.
    const token = ((await (await fetch(`${url}/q/demo-land`, { headers: { accept: 'application/json' } })).json()) as { token: string })
      .token;
    const submitted = await fetch(`${url}/q/demo-land`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, clientKey: `pr-browser-${Date.now()}`, answers: { overall: 1 } }),
    });
    expect(submitted.status).toBeLessThan(300);
    const cases = ((await (await send('GET', '/api/cases')).json()) as { items: { id: number; status: string; unit: { id: number } }[] })
      .items;
    const open = cases.find((c) => c.status !== 'closed')!;
    expect((await send('POST', `/api/cases/${open.id}/assign`, { unitId: open.unit.id })).status).toBe(200);
    expect((await send('POST', `/api/cases/${open.id}/answer`, { answer: 'Đã liên hệ và hướng dẫn lại thủ tục.' })).status).toBe(200);
    expect((await send('POST', `/api/cases/${open.id}/close`)).status).toBe(200);

    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${url}/app/login`);
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-form"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/\?from=/);
    await page.goto(`${url}/app/cases/${open.id}`);
    await page.locator('[data-testid="case-publish-form"]').waitFor();
    expect(await page.locator('[data-testid="case-publish-state"]').textContent()).toContain('Chưa công khai');
    // A phone number in the words is refused, in words.
    await page.locator('[data-testid="case-publish-input"]').fill('Đã gọi lại số 0912 345 678.');
    await page.locator('[data-testid="case-publish-toggle"]').check();
    await page.locator('[data-testid="case-publish"]').click();
    await expect.poll(() => page.locator('[data-testid="case-publish-form"]').textContent()).toContain('số điện thoại');
    const words = 'Bộ phận một cửa đã rút ngắn thời gian trả kết quả hộ tịch xuống một ngày.';
    await page.locator('[data-testid="case-publish-input"]').fill(words);
    await page.locator('[data-testid="case-publish"]').click();
    await expect.poll(() => page.locator('[data-testid="case-publish-state"]').textContent()).toContain('Đang công khai');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/case-publish-360.png`, fullPage: true });
    await context.close();

    const noJs = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const publicPage = await noJs.newPage();
    await publicPage.goto(`${url}/cong-khai/${open.unit.id}`);
    expect(await publicPage.locator('blockquote[data-outcome]').first().textContent()).toContain(words);
    await noJs.close();
  }, 240_000);
});
