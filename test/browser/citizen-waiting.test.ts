import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_REFERENCE_PATTERN } from '../../server/references/answer-reference';
import { launchBrowser } from '../support/browser';
import { answersAt, getJson, loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

// What the citizen sees while an answer waits on the phone or the tablet, and once it is sent.
const PASSWORD = 'browser-test-password';
// Long enough for a slow, shared machine to open the next form within it.
const KIOSK_PAUSE_S = 8;
const ARTIFACTS = 'test-artifacts';
let server: RunningServer;
let browser: Browser;
let cookie: string;

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1', HAILONG_KIOSK_INTERVAL_SECONDS: String(KIOSK_PAUSE_S) });
  browser = await launchBrowser();
  cookie = await loginCookie(server.url, PASSWORD);
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// No service worker: the test's network cut sits between the page and the server.
async function phone(width = 360): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, serviceWorkers: 'block' });
  return context.newPage();
}
const pick = (page: Page, key: string, value: string) => page.locator(`label:has(> input[name="q.${key}"][value="${value}"])`).click();
const send = (page: Page) => page.locator('form#survey button[type="submit"]:not([name])').click();
const doneText = (page: Page) => page.locator('.done').innerText();
const pending = (page: Page) => page.evaluate(() => localStorage.getItem('hailong.pending'));
/** 'HH:MM' in Vietnam now, as the page writes the time an answer was sent. */
const vietnamClock = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(11, 16);
async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('a kiosk answer sent within the tablet pause', () => {
  it('says it waits for the pause, keeps it, and stores it once by itself after the pause', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-land?kiosk=1`);
    const before = await answersAt(server.url, cookie, 'demo-land');
    await pick(page, 'overall', '5');
    await send(page);
    await expect.poll(() => page.locator('.done h1').textContent()).toContain('Cảm ơn');

    // The next person opens a fresh form at once, before the pause is over.
    await page.goto(`${server.url}/q/demo-land?kiosk=1`);
    await pick(page, 'overall', '4');
    await send(page);
    await expect.poll(() => doneText(page)).toContain('Máy đánh giá tại quầy nghỉ vài giây giữa hai lượt');
    const waiting = await doneText(page);
    expect(waiting).toContain('Phiếu đang chờ gửi');
    expect(waiting).not.toContain('Cảm ơn bạn đã đánh giá');
    expect(waiting).toMatch(/sẽ tự gửi sau \d giây/);
    expect(waiting).toMatch(/will be sent by itself in \d seconds/);
    expect(JSON.parse((await pending(page))!)).toHaveLength(1);
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before + 1);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/kiosk-refusal-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/kiosk-refusal-1366.png`, fullPage: true });

    // No press, no reload: sent after the pause the server gave, and the screen says when.
    await expect.poll(() => doneText(page), { timeout: (KIOSK_PAUSE_S + 5) * 1000 }).toContain('đã được gửi lúc');
    const sent = await doneText(page);
    expect(sent).toContain('Cảm ơn');
    expect(sent).toMatch(/Mã tham chiếu[^:]*: [0-9A-Z]{5}-[0-9A-Z]{5}/);
    expect(await pending(page)).toBe('[]');
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before + 2);
    // …and the tablet then shows a fresh form after its pause, as after any answer.
    await page.waitForSelector('form#survey', { timeout: (KIOSK_PAUSE_S + 5) * 1000 });
    await page.waitForTimeout(500);
    expect(await answersAt(server.url, cookie, 'demo-land')).toBe(before + 2);
    await page.context().close();
  });
});

describe('an answer given offline', () => {
  it('updates the message once the kept answer is sent, saying when', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-construction`);
    const before = await answersAt(server.url, cookie, 'demo-construction');
    await page.context().setOffline(true);
    await pick(page, 'overall', '4');
    await send(page);
    await expect.poll(() => doneText(page)).toContain('Chưa có mạng');
    expect(await doneText(page)).toContain('Phiếu đang chờ gửi');

    await page.context().setOffline(false);
    const sentFrom = Date.now();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => doneText(page), { timeout: 15_000 }).toContain('đã được gửi lúc');
    const text = await doneText(page);
    expect(text).not.toContain('Chưa có mạng');
    const clock = /đã được gửi lúc (\d\d:\d\d) ngày (\d\d\/\d\d)/.exec(text);
    expect(clock).not.toBeNull();
    expect([vietnamClock(sentFrom), vietnamClock(Date.now())]).toContain(clock![1]);
    expect(text).toMatch(/Mã tham chiếu[^:]*: [0-9A-Z]{5}-[0-9A-Z]{5}/);
    expect(await answersAt(server.url, cookie, 'demo-construction')).toBe(before + 1);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/offline-sent-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/offline-sent-1366.png`, fullPage: true });
    await page.context().close();
  });
});

describe('a low rating with a call-back request', () => {
  it('thanks, says a case was opened and by which day the person is called, and gives the reference', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-investment`);
    await pick(page, 'overall', '1');
    await page.locator('textarea[name="comment"]').fill('Chờ quá lâu, không ai hướng dẫn');
    await page.locator('input[name="phone"]').fill('0912 345 678');
    await page.locator('input[name="contactConsent"]').check();
    await send(page);
    await expect.poll(() => doneText(page)).toContain('Cán bộ sẽ gọi lại số điện thoại Ông/Bà để lại, chậm nhất ngày');
    const text = await doneText(page);
    const reference = /Mã tham chiếu[^:]*: (\S+)/.exec(text)?.[1];
    expect(reference).toMatch(ANSWER_REFERENCE_PATTERN);
    expect(await page.locator('.done p.case').count()).toBe(1);
    await noSidewaysScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/thanks-case-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/thanks-case-1366.png`, fullPage: true });
    await page.context().close();
  });

  it('the case page shows staff the same reference, so a caller can be matched', async () => {
    const page = await phone();
    await page.goto(`${server.url}/q/demo-health`);
    await pick(page, 'overall', '2');
    await send(page);
    await expect.poll(() => doneText(page)).toContain('Mã tham chiếu');
    const reference = /Mã tham chiếu[^:]*: (\S+)/.exec(await doneText(page))![1]!;
    const cases = await getJson<{ items: { id: number }[] }>(server.url, '/api/cases?limit=1', cookie);
    const [name, value] = cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: server.url }]);
    await page.goto(`${server.url}/app/cases/${cases.items[0]!.id}`);
    await expect.poll(() => page.locator('[data-testid="case-reference"]').textContent(), { timeout: 15_000 }).toBe(reference);
    await page.screenshot({ path: `${ARTIFACTS}/case-reference-360.png`, fullPage: true });
    // The reference line fits a 360 px screen (the rest of the analyst page is not this test's).
    const right = await page.locator('[data-testid="case-reference"]').evaluate((e) => e.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${ARTIFACTS}/case-reference-1366.png`, fullPage: true });
    await page.context().close();
  });
});
