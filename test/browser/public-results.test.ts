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

    const wide = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const widePage = await wide.newPage();
    await widePage.goto(`${url}/cong-khai?lang=en`);
    await widePage.screenshot({ path: `${SHOTS}/public-1366-en.png`, fullPage: true });
    await context.close();
    await wide.close();
  }, 240_000);
});
