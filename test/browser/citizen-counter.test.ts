import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { answersAt, loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

const PASSWORD = 'browser-test-password';
const KIOSK_PAUSE_S = 3;
const KIOSK_IDLE_S = 4;
let server: RunningServer;
let browser: Browser;
let cookie: string;

beforeAll(async () => {
  server = await runServer({
    HAILONG_ADMIN_PASSWORD: PASSWORD,
    HAILONG_DEMO: '1',
    HAILONG_KIOSK_INTERVAL_SECONDS: String(KIOSK_PAUSE_S),
    HAILONG_KIOSK_IDLE_SECONDS: String(KIOSK_IDLE_S),
  });
  browser = await launchBrowser();
  cookie = await loginCookie(server.url, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(js = true, serviceWorkers: 'allow' | 'block' = 'allow', bypassCSP = false): Promise<Page> {
  // bypassCSP only to inject axe-core: the page's own policy forbids scripts from anywhere else.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js, serviceWorkers, bypassCSP });
  return context.newPage();
}
const pick = (page: Page, key: string, value: string) => page.locator(`label:has(> input[name="q.${key}"][value="${value}"])`).click();
const send = (page: Page) => page.locator('form#survey button[type="submit"]:not([name])').click();

describe('offline', () => {
  it('keeps an answer sent without a connection and sends it once when the connection returns', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-land`);
    // the service worker is in charge and has kept the form
    // …and has finished keeping both the page and its script (the cache exists before they are in it).
    await page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller || !(await caches.has('hailong-citizen-v1'))) return false;
      const cache = await caches.open('hailong-citizen-v1');
      return !!(await cache.match('/q-assets/citizen.js')) && !!(await cache.match(location.pathname + location.search));
    });
    // The citizen comes back by opening the link again, in a new tab: a plain navigation the worker
    // controls (a reload of the tab the worker took over mid-load is not always routed through it).
    const again = await page.context().newPage();
    await again.goto(`${server.url}/q/demo-land`);
    await again.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 10_000 });
    await page.close();
    const before = await answersAt(server.url, cookie, 'demo-land');

    await again.context().setOffline(true);
    // the form loads again with no connection
    await again.goto(`${server.url}/q/demo-land`);
    await expect.poll(() => again.locator('form#survey').count()).toBe(1);
    await pick(again, 'overall', '4');
    await send(again);
    await expect.poll(() => again.locator('.done').textContent()).toContain('Chưa có mạng');
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before);

    await again.context().setOffline(false);
    await again.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => answersAt(server.url, cookie, 'demo-land'), { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => again.evaluate(() => localStorage.getItem('hailong.pending'))).toBe('[]');
    // sending again (a reload flushes whatever is kept) stores nothing more
    await again.goto(`${server.url}/q/demo-land`);
    await again.waitForTimeout(500);
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before + 1);
    await again.context().close();
  });

  it('stores once an answer whose acknowledgement was lost, sent again with the same client key', async () => {
    // No service worker here, so the test's network cut sits between the page and the server.
    const page = await phone(true, 'block');
    await page.goto(`${server.url}/q/demo-construction`);
    const before = await answersAt(server.url, cookie, 'demo-construction');
    // The server stores the answer but the phone never hears back, as on a dropped connection.
    await page.route('**/q/demo-construction*', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await pick(page, 'overall', '5');
    await send(page);
    await expect.poll(() => page.locator('.done').textContent()).toContain('Chưa có mạng');
    await page.unroute('**/q/demo-construction*');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.evaluate(() => localStorage.getItem('hailong.pending'))).toBe('[]');
    expect(await answersAt(server.url, cookie, 'demo-construction')).toBe(before + 1);
    await page.context().close();
  });
});

describe('a busy server', () => {
  it('keeps an answer the server could not take (503 while its database restarts), says so, and sends it after Retry-After', async () => {
    const page = await phone(true, 'block');
    await page.goto(`${server.url}/q/demo-investment`);
    const before = await answersAt(server.url, cookie, 'demo-investment');
    let refused = 0;
    // The server's answer during a database outage, as handleError gives it.
    await page.route('**/q/demo-investment*', async (route) => {
      if (route.request().method() !== 'POST' || refused > 0) return route.continue();
      refused++;
      await route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
        body: JSON.stringify({
          error: 'The system is busy; please try again in a moment.',
          message: { vi: 'Hệ thống đang bận, xin thử lại sau giây lát.', en: 'The system is busy; please try again in a moment.' },
        }),
      });
    });
    await pick(page, 'overall', '4');
    await send(page);
    await expect.poll(() => page.locator('.done').textContent()).toContain('Hệ thống đang bận: phiếu đã được lưu trên máy này');
    expect(refused).toBe(1);
    // No 'online' event, no reload: the script tries again by itself after the second asked for.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('hailong.pending')), { timeout: 15_000 }).toBe('[]');
    expect(await answersAt(server.url, cookie, 'demo-investment')).toBe(before + 1);
    await page.context().close();
  });
});

describe('kiosk mode', () => {
  it('thanks, pauses, then shows a fresh form; a half-filled form left alone is cleared', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-civil?kiosk=1`);
    const before = await answersAt(server.url, cookie, 'demo-civil');
    await pick(page, 'overall', '5');
    await send(page);
    await expect.poll(() => page.locator('.done h1').textContent()).toBe('Cảm ơn Ông/Bà đã đánh giá!');
    expect(await page.locator('.done a').count()).toBe(0);
    expect(await answersAt(server.url, cookie, 'demo-civil')).toBe(before + 1);
    // still thanking during the pause, then a fresh, empty form
    await page.waitForTimeout((KIOSK_PAUSE_S * 1000) / 2);
    expect(await page.locator('form#survey').count()).toBe(0);
    await page.waitForSelector('form#survey', { timeout: KIOSK_PAUSE_S * 1000 + 5000 });
    expect(page.url()).toContain('kiosk=1');
    expect(await page.locator('input[name="q.overall"]:checked').count()).toBe(0);

    await pick(page, 'overall', '2');
    await page.locator('textarea[name="comment"]').fill('Đang viết dở');
    await page.waitForTimeout(KIOSK_IDLE_S * 1000 + 5500);
    expect(await page.locator('input[name="q.overall"]:checked').count()).toBe(0);
    expect(await page.locator('textarea[name="comment"]').inputValue()).toBe('');
    await page.context().close();
  });
});

describe('one visit, one answer', () => {
  it('a dossier rated twice is stored once, with a kind message the second time', async () => {
    const dossier = '000.00.17.H31-230101-0099';
    const page = await phone(false);
    const before = await answersAt(server.url, cookie, 'demo-land');
    for (const expected of ['Cảm ơn Ông/Bà đã đánh giá!', 'Hồ sơ này đã được đánh giá rồi']) {
      await page.goto(`${server.url}/q/demo-land?dossier=${dossier}`);
      expect(await page.locator('input[name="dossierCode"]').inputValue()).toBe(dossier);
      await pick(page, 'overall', '4');
      await send(page);
      await expect.poll(() => page.locator('.done').textContent()).toContain(expected);
    }
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before + 1);
    await page.context().close();
  });

  it('a replayed form token is refused', async () => {
    const page = await phone(false);
    await page.goto(`${server.url}/q/demo-health`);
    const token = await page.locator('input[name="token"]').inputValue();
    await pick(page, 'overall', '5');
    await send(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cảm ơn Ông/Bà đã đánh giá!');
    const replay = await page.request.post(`${server.url}/q/demo-health`, {
      headers: { 'content-type': 'application/json' },
      data: { clientKey: 'replay-attempt-0001', token, answers: { overall: 1 } },
    });
    expect(replay.status()).toBe(409);
    await page.context().close();
  });
});

describe('accessible and tiny', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  it('has no serious or critical WCAG 2.2 AA violations on the form, its errors, and the thank-you page', async () => {
    const page = await phone(true, 'allow', true);
    const audit = async () => {
      await page.addScriptTag({ content: axeSource });
      return page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe;
        const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
    };
    for (const url of ['/q/demo-land', '/q/demo-health?lang=en', '/q/demo-education', '/q/no-such-counter']) {
      await page.goto(`${server.url}${url}`);
      expect({ url, violations: await audit() }).toEqual({ url, violations: [] });
    }
    await page.goto(`${server.url}/q/demo-land`);
    await page.locator('form#survey').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await page.evaluate(() => localStorage.clear());
    await send(page);
    await page.waitForSelector('#err-overall');
    expect({ url: 'errors', violations: await audit() }).toEqual({ url: 'errors', violations: [] });
    await pick(page, 'overall', '5');
    await send(page);
    await page.waitForSelector('.done');
    expect({ url: 'thanks', violations: await audit() }).toEqual({ url: 'thanks', violations: [] });
    await page.context().close();
  });

  it('switches to English by a link: the address says en, a reload asks nothing, the answers given come along', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-land`);
    await pick(page, 'overall', '4');
    await pick(page, 'access_q', 'na');
    await page.locator('textarea[name="comment"]').fill('Nhanh gọn');
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).search).toBe('?lang=en');
    // The new page is in English as soon as it arrives; its script puts the answers back just after.
    await expect.poll(() => page.locator('input[name="q.overall"][value="4"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('input[name="q.access_q"][value="na"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('textarea[name="comment"]').inputValue()).toBe('Nhanh gọn');
    // A GET page: reloading it shows no "resubmit the form?" question, and it stays in English.
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.reload();
    expect(dialogs).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Carried once: the reload shows a blank form.
    expect(await page.locator('input[name="q.overall"]:checked').count()).toBe(0);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    expect(new URL(page.url()).search).toBe('?lang=vi');
    await page.context().close();
  });

  it('switches language without JavaScript too, to the right address', async () => {
    const page = await phone(false);
    await page.goto(`${server.url}/q/demo-civil?kiosk=1`);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).search).toBe('?lang=en&kiosk=1');
    await page.context().close();
  });

  it('never scrolls sideways at 360 px, in Vietnamese or English, on any form or message page', async () => {
    const page = await phone();
    const paths = ['/q/demo-land', '/q/demo-health', '/q/demo-education', '/q/demo-investment', '/q/no-such-counter', '/q/'];
    for (const path of paths.flatMap((p) => [p, `${p}${p.includes('?') ? '&' : '?'}lang=en`])) {
      await page.goto(`${server.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
    }
    // The citizen form at a phone's and a laptop's width, for a person to look at.
    await mkdir('test-artifacts', { recursive: true });
    for (const [size, viewport] of [
      ['360', { width: 360, height: 740 }],
      ['1366', { width: 1366, height: 900 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/q/demo-land`);
      await page.screenshot({ path: `test-artifacts/citizen-form-${size}.png`, fullPage: true });
    }
    await page.context().close();
  });

  it('weighs at most 20 KB gzipped, all in, with no chart or dashboard code', async () => {
    const page = await phone();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/q/demo-land`);
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(
      [...new Set(loaded)]
        .filter((p) => !p.endsWith('sw.js'))
        .map(async (p) => Buffer.from(await (await fetch(`${server.url}${p}`)).arrayBuffer())),
    );
    const gzipped = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    expect(loaded.some((p) => p.startsWith('/app/'))).toBe(false);
    expect(bodies.some((b) => b.includes('chart.js') || b.includes('Chart'))).toBe(false);
    console.log(`citizen page, all in: ${bodies.length} files, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(20 * 1024);
    await page.context().close();
  });
});
