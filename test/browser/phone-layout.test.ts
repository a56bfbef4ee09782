import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePath, NEW_WAVE_PATH, pagePath, wavePath } from '../../client/app/links';
import { navEntries, redirectFor } from '../../client/app/roles';
import { routeOf } from '../../client/app/router';
import { launchBrowser, signInAs } from '../support/browser';
import { getJson, loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * Every page of the analyst app on a 360 px phone, for each kind of account the demo has: nothing
 * scrolls sideways, the pages sit behind one menu button, the filter is folded under its summary,
 * a table's verdict is on screen, and a ward's analyst is offered the ward only. The pages come
 * from the app's own list (client/app/roles.ts, router.ts, links.ts), so a page added there is
 * checked here without touching this file. Screenshots go to test-artifacts/ for a person to look at.
 */
const PASSWORD = 'phone-layout-password';
const OTHERS_PASSWORD = 'phone-layout-others';
const ARTIFACTS = 'test-artifacts';
const PHONE = { width: 360, height: 780 };
const LAPTOP = { width: 1366, height: 900 };

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
let units: Map<string, number>;
/** A wave and a complaint case, so their own pages are visited too. */
let waveId: number;
let caseId: number | undefined;

const ACCOUNTS = [
  { username: 'admin', role: 'admin', unit: null },
  { username: 'phan.tich', role: 'analyst', unit: null },
  { username: 'phan.tich.pho.hien', role: 'analyst', unit: '11953' },
  { username: 'can.bo.quay', role: 'officer', unit: '33-TTPVHCC' },
  { username: 'dieu.tra.vien', role: 'interviewer', unit: null },
] as const;

async function send(method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: adminCookie, 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  // The demo answers since 2025, so tables, charts and cases have rows (about 40 s).
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: 'full' });
  browser = await launchBrowser();
  await mkdir(ARTIFACTS, { recursive: true });
  adminCookie = await loginCookie(server.url, PASSWORD);
  // the units in force: a code is unique only among them (the demo's former ward Hiến Nam had 11953 too)
  const inForce = await getJson<{ units: { id: number; code: string }[] }>(server.url, '/api/units', adminCookie);
  units = new Map(inForce.units.map((u) => [u.code, u.id]));
  for (const a of ACCOUNTS.filter((x) => x.username !== 'admin')) {
    const unitId = a.unit === null ? null : units.get(a.unit)!;
    const res = await send('POST', '/api/users', { username: a.username, role: a.role, unitId, password: OTHERS_PASSWORD });
    expect(res.status, a.username).toBe(201);
  }
  const wave = await send('POST', '/api/waves', {
    name: 'Điều tra XHH 2026 — Trung tâm PVHCC và các phường',
    survey: 'sipas-counter',
    sector: 'land',
    from: '2026-04-01',
    to: '2026-06-30',
    strata: ['11953', '11980', '33-TTPVHCC'].map((code, i) => ({
      unitId: units.get(code)!,
      population: 1000 - i * 300,
    })),
  });
  expect(wave.status).toBe(201);
  waveId = ((await wave.json()) as { id: number }).id;
  const cases = await getJson<{ items: { id: number }[] }>(server.url, '/api/cases?limit=1', adminCookie);
  caseId = cases.items[0]?.id;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every address of the app a role may open: its pages in the menu, then a wave's and a case's own pages. */
function addressesOf(role: string): string[] {
  const own = [NEW_WAVE_PATH, wavePath(waveId), wavePath(waveId, true), ...(caseId ? [casePath(caseId)] : [])];
  return [...navEntries(role).map((p) => pagePath(p)), ...own.filter((path) => redirectFor(role, routeOf(path)) === null)];
}

const signIn = (page: Page, username: string) => signInAs(page, server.url, username, username === 'admin' ? PASSWORD : OTHERS_PASSWORD);

/** Nothing is loading any more, and charts have had their frame to draw. */
async function settled(page: Page) {
  await page.locator('main.dashboard').waitFor();
  await expect.poll(() => page.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** The elements that stick out past the right edge of the screen (not those inside a box that scrolls), to name in a failure. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScrollBox = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !inScrollBox(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
  });
}

describe('every page on a 360 px phone', () => {
  for (const account of ACCOUNTS) {
    it(`${account.username} (${account.role}${account.unit ? `, ${account.unit}` : ''}): no page scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await signIn(page, account.username);
      const addresses = addressesOf(account.role);
      expect(addresses.length).toBeGreaterThan(0);
      const wide: Record<string, { scrollWidth: number; sticking: string[] }> = {};
      for (const address of addresses) {
        await page.goto(`${server.url}${address}`);
        await settled(page);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > PHONE.width) wide[address] = { scrollWidth, sticking: await overflowing(page) };
      }
      expect(wide).toEqual({});
      await context.close();
    });
  }
});

describe('the frame on a phone', () => {
  it('opens the pages from one button (aria-expanded), closes on Escape and after a choice', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'phan.tich');
    await settled(page);
    const toggle = page.getByTestId('nav-toggle');
    const units = page.getByTestId('nav-units');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toContain('Tổng quan');
    expect(await units.isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await units.isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/menu-open-360.png` });
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await units.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-toggle');

    // From the keyboard: Enter opens it, a link is reached with Tab, and following it closes the list.
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await units.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/units/);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toContain('Xếp hạng đơn vị');
    await context.close();
  });

  it('folds the filter under a summary line, opens it on demand, and keeps the verdict of every row on screen', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'phan.tich');
    await page.goto(`${server.url}/app/sectors?from=2026-01-01&to=2026-06-30`);
    await settled(page);
    expect(await page.getByTestId('filter-summary').textContent()).toBe('Đang xem: 01/01/2026 – 30/06/2026 · Tất cả đơn vị');
    expect(await page.getByTestId('filter-bar').isVisible()).toBe(false);
    // The first figures sit on the first screen, not below a screenful of selects.
    expect((await page.getByTestId('filter-toggle').boundingBox())!.y).toBeLessThan(PHONE.height / 2);

    await page.getByTestId('filter-toggle').click();
    expect(await page.getByTestId('filter-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.locator('select[name="sector"]').selectOption('land');
    await page.waitForURL(/sector=land/);
    expect(await page.getByTestId('filter-summary').textContent()).toBe('Đang xem: 01/01/2026 – 30/06/2026 · Đất đai');

    await page.locator('select[name="sector"]').selectOption('');
    await settled(page);
    const verdicts = page.locator('[data-testid="sector-table"] td[data-col="verdict"]');
    expect(await verdicts.count()).toBeGreaterThan(3);
    for (const box of await verdicts.evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThan(0);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
    }
    await context.close();
  });
});

describe("a ward's analyst", () => {
  it('is offered its own ward only, sees the ward named in the header, and is told what to do with a unit outside it', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, 'phan.tich.pho.hien');
    await settled(page);
    expect(await page.getByTestId('tenant-name').textContent()).toContain('Phường Phố Hiến');
    expect(await page.getByTestId('tenant-name').textContent()).not.toContain('Tỉnh');

    await page.getByTestId('filter-toggle').click();
    const options = await page.locator('select[name="unit"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['', String(units.get('11953'))]);
    const counters = await page.locator('select[name="counter"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(counters).toEqual(['', 'demo-an-tao', 'demo-civil']);
    // Every other unit picker of the app keeps to the ward too (the reports page's).
    await page.goto(`${server.url}/app/reports`);
    await settled(page);
    const reportUnits = await page.locator('select[name="unit"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(reportUnits.filter(Boolean)).toEqual([String(units.get('11953'))]);

    // An address naming the hospital is still refused by the server; the page says what to do instead of "try again".
    await page.goto(`${server.url}/app/?unit=${units.get('33-BVDK')}`);
    await settled(page);
    const refusal = page.locator('[data-testid="error"][data-status="403"]').first();
    expect(await refusal.textContent()).toContain('Bạn không có quyền xem đơn vị này.');
    expect(await refusal.getByTestId('forbidden-hint').textContent()).toContain('chỉ xem được các đơn vị được giao');
    expect(await page.getByRole('button', { name: 'Thử lại' }).count()).toBe(0);
    await refusal.getByTestId('show-own-units').click();
    await page.waitForURL((url) => !url.search.includes('unit='));
    await settled(page);
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    await context.close();
  });
});

describe('screenshots for a person to look at', () => {
  it('takes the overview, units, counters, users and factors at 360 px and 1366 px', async () => {
    const shots: { who: string; path: string; name: string; sizes: ('360' | '1366')[] }[] = [
      { who: 'phan.tich', path: '/app/', name: 'overview', sizes: ['360', '1366'] },
      { who: 'phan.tich', path: '/app/units', name: 'units', sizes: ['360', '1366'] },
      { who: 'can.bo.quay', path: '/app/counters', name: 'counters', sizes: ['360', '1366'] },
      { who: 'admin', path: '/app/users', name: 'users', sizes: ['360'] },
      { who: 'phan.tich', path: '/app/factors', name: 'factors', sizes: ['360'] },
    ];
    // One sign-in per account (password hashing is slow on purpose), the window resized for each shot.
    for (const who of new Set(shots.map((s) => s.who))) {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await signIn(page, who);
      for (const shot of shots.filter((s) => s.who === who)) {
        for (const size of shot.sizes) {
          await page.setViewportSize(size === '360' ? PHONE : LAPTOP);
          await page.goto(`${server.url}${shot.path}`);
          await settled(page);
          await page.screenshot({ path: `${ARTIFACTS}/${shot.name}-${size}.png`, fullPage: true });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(Number(size));
        }
      }
      await context.close();
    }
  }, 300_000);
});
