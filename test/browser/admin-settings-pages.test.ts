import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/browser';
import { getJson, loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * The administrator's screens for what was API only: the kiosk switch per counter, flagged answers
 * cleared, the retention period previewed and applied, and the audit log read and verified. Each
 * is used on a 360 px phone (nothing may scroll sideways) and photographed at 360 and 1366 px;
 * roles the rule book keeps out do not see their links.
 */
const PASSWORD = 'admin-settings-password';
const STAFF_PASSWORD = 'staff-settings-password';
const ARTIFACTS = 'test-artifacts';
let server: RunningServer;
let browser: Browser;
let admin: string;
let context: BrowserContext;
let page: Page;

const signIn = (p: Page, username: string, password: string) => signInAs(p, server.url, username, password);

async function settled(p: Page) {
  await expect.poll(() => p.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

/** Nothing wider than the phone, then the page as it looks there and on an office screen. */
async function checkAndPhotograph(p: Page, name: string) {
  await settled(p);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await p.screenshot({ path: `${ARTIFACTS}/${name}-360.png`, fullPage: true });
  await p.setViewportSize({ width: 1366, height: 900 });
  await p.screenshot({ path: `${ARTIFACTS}/${name}-1366.png`, fullPage: true });
  await p.setViewportSize({ width: 360, height: 800 });
}

/** One answer at a counter as a phone sends it; the same deviceKey each time makes a burst. */
async function answer(code: string, i: number) {
  const form = await (await fetch(`${server.url}/q/${code}`, { headers: { accept: 'application/json' } })).json();
  const res = await fetch(`${server.url}/q/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientKey: `settings-${process.pid}-${i}-${Date.now()}`,
      token: form.token,
      deviceKey: 'one-phone-many-answers',
      answers: { overall: 5 },
      comment: `Phiếu thử số ${i}`,
    }),
  });
  expect(res.status).toBe(201);
}

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1', HAILONG_BURST_MAX: '2' });
  browser = await launchBrowser();
  admin = await loginCookie(server.url, PASSWORD);
  for (let i = 1; i <= 4; i++) await answer('demo-land', i);
  expect((await post('/api/users', { username: 'phan.tich', role: 'analyst', password: STAFF_PASSWORD })).status).toBe(201);
  expect((await post('/api/users', { username: 'can.bo.quay', role: 'officer', password: STAFF_PASSWORD })).status).toBe(201);
  await mkdir(ARTIFACTS, { recursive: true });
  context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
  await signIn(page, 'admin', PASSWORD);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an administrator on a phone', () => {
  it('turns kiosk mode on for a counter, and its form runs as a kiosk', async () => {
    const kioskOf = async () => (await getJson<{ counter: { kiosk: boolean } }>(server.url, '/q/demo-land')).counter.kiosk;
    expect(await kioskOf()).toBe(false);
    // On a phone the pages sit behind the menu button.
    await page.getByTestId('nav-toggle').click();
    await page.locator('[data-testid="nav-kiosk"]').click();
    await page.waitForURL(/\/app\/kiosk$/);
    const land = page.locator('[data-testid="kiosk-counter"][data-code="demo-land"]');
    await expect.poll(() => land.getAttribute('data-kiosk')).toBe('off');
    expect(await land.locator('[data-testid="kiosk-state"]').textContent()).toBe('Kiosk đang tắt / Kiosk off');
    await land.locator('[data-testid="kiosk-toggle"]').click();
    await expect.poll(() => land.getAttribute('data-kiosk')).toBe('on');
    expect(await land.locator('[data-testid="kiosk-state"]').textContent()).toBe('Kiosk đang bật / Kiosk on');
    expect(await kioskOf()).toBe(true);
    await checkAndPhotograph(page, 'kiosk-switch');
  });

  it('clears a flagged answer, which then leaves the list and is in the audit log', async () => {
    const flagged = () => getJson<{ total: number; items: { id: number }[] }>(server.url, '/api/flagged', admin);
    const before = await flagged();
    expect(before.total).toBe(2);
    await page.goto(`${server.url}/app/flagged`);
    await settled(page);
    const items = page.locator('[data-testid="flagged-item"]');
    expect(await items.count()).toBe(2);
    expect(await items.first().locator('[data-testid="flag-reason"]').textContent()).toMatch(/^Gửi dồn dập/);
    await checkAndPhotograph(page, 'flagged');
    const id = Number(await items.first().getAttribute('data-id'));
    await items.first().locator('[data-testid="flagged-clear"]').click();
    await expect.poll(() => items.first().getAttribute('data-cleared')).toBe('1');
    expect(await page.locator('[data-testid="flagged-total"]').getAttribute('data-total')).toBe('1');
    const after = await flagged();
    expect(after.total).toBe(1);
    expect(after.items.map((i) => i.id)).not.toContain(id);
    const audit = await getJson<{ items: { subject: string; actor: { username: string } }[] }>(
      server.url,
      '/api/audit?action=flag_cleared',
      admin,
    );
    expect(audit.items[0]).toMatchObject({ subject: `response:${id}`, actor: { username: 'admin' } });
  });

  it('previews a shorter retention period, then applies it once confirmed', async () => {
    await page.goto(`${server.url}/app/retention`);
    await settled(page);
    expect(await page.locator('[data-testid="retention-now"]').getAttribute('data-months')).toBe('24');
    await page.locator('[data-testid="retention-months"]').fill('0');
    await page.locator('[data-testid="retention-preview"]').click();
    expect(await page.locator('#months-error').textContent()).toBe('Nhập một số nguyên từ 1 đến 120.');
    await page.locator('[data-testid="retention-months"]').fill('12');
    await page.locator('[data-testid="retention-preview"]').click();
    const willRemove = page.locator('[data-testid="retention-will-remove"]');
    await willRemove.waitFor();
    expect(await willRemove.getAttribute('data-responses')).toBe('0');
    // Only a preview so far: the period has not changed.
    expect((await getJson<{ months: number }>(server.url, '/api/privacy/retention', admin)).months).toBe(24);
    await checkAndPhotograph(page, 'retention');
    await page.locator('[data-testid="retention-confirm"]').click();
    await expect.poll(async () => (await getJson<{ months: number }>(server.url, '/api/privacy/retention', admin)).months).toBe(12);
    await expect.poll(() => page.locator('[data-testid="retention-now"]').getAttribute('data-months')).toBe('12');
    expect(await page.locator('[data-testid="retention-applied-done"]').textContent()).toMatch(/^Đã đặt thời hạn 12 tháng/);
  });

  it('reads the audit log by kind and verifies the chain: ok, with the number of entries checked', async () => {
    await page.goto(`${server.url}/app/audit`);
    await settled(page);
    expect(await page.locator('[data-testid="audit-entry"]').count()).toBeGreaterThan(3);
    await page.locator('[data-testid="audit-action-filter"]').selectOption('counter_changed');
    await page.locator('[data-testid="audit-apply"]').click();
    await page.waitForURL(/\/app\/audit\?action=counter_changed$/);
    await settled(page);
    const kinds = await page.locator('[data-testid="audit-entry"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(kinds).toEqual(['counter_changed']);
    expect(await page.locator('[data-testid="audit-entry-action"]').textContent()).toBe('Đổi cài đặt quầy');

    await page.locator('[data-testid="audit-verify"]').click();
    const result = page.locator('[data-testid="audit-verify-result"]');
    await result.waitFor();
    const verdict = await getJson<{ ok: boolean; entries: number }>(server.url, '/api/audit/verify', admin);
    expect(verdict.ok).toBe(true);
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('(ok)');
    expect(await page.locator('[data-testid="audit-verify-entries"]').textContent()).toBe(`Đã kiểm tra ${verdict.entries} mục.`);
    await checkAndPhotograph(page, 'audit');
  });

  it('sees roles and units in words in the accounts table', async () => {
    await page.goto(`${server.url}/app/users`);
    await settled(page);
    const analyst = page.locator('[data-testid="user-row"]', { hasText: 'phan.tich' });
    expect(await analyst.locator('[data-testid="user-role-name"]').textContent()).toBe('Cán bộ phân tích / Analyst');
    expect(await analyst.locator('[data-testid="user-unit-name"]').textContent()).toBe(
      'Toàn bộ (không giới hạn đơn vị) / Everything (no unit limit)',
    );
    await checkAndPhotograph(page, 'users');
  });
});

describe('an administrator setting up counters on a phone', () => {
  it('creates a counter from the form, edits its sectors, retires it, and brings a sheet in with its problem report', async () => {
    // the ward in force with code 11953 (Phố Hiến, not the former ward Hiến Nam that had it until 30 June 2025)
    const inForce = await getJson<{ units: { id: number; code: string }[] }>(server.url, '/api/units', admin);
    const ward = inForce.units.find((u) => u.code === '11953')!;
    const counterOf = async (code: string) =>
      (
        await getJson<{ counters: { code: string; sectors: string[]; retired: boolean }[] }>(server.url, '/api/counters', admin)
      ).counters.find((c) => c.code === code);
    await page.goto(`${server.url}/app/kiosk`);
    await settled(page);
    await page.locator('[data-testid="new-counter-panel"] > summary').click();
    await page.getByTestId('new-counter-name').fill('Quầy Lao động');
    await page.locator('select[data-testid="new-counter-unit"]').selectOption(String(ward.id));
    await page.locator('[data-testid="new-counter-sectors"] input[value="labour"]').check();
    await page.getByTestId('create-counter').click();
    expect(await page.getByTestId('new-counter-done').textContent()).toContain('11953-quay-lao-dong');
    expect(await counterOf('11953-quay-lao-dong')).toMatchObject({ sectors: ['labour'], retired: false });

    const card = page.locator('[data-testid="kiosk-counter"][data-code="11953-quay-lao-dong"]');
    await card.waitFor();
    await card.getByTestId('counter-edit').click();
    await card.locator('[data-testid="edit-counter-sectors"] input[value="other"]').check();
    await card.getByTestId('counter-save').click();
    await expect.poll(() => card.getByTestId('counter-sectors').textContent()).toBe('Lao động – Thương binh và Xã hội, Khác');
    expect((await counterOf('11953-quay-lao-dong'))!.sectors).toEqual(['labour', 'other']);

    page.once('dialog', (d) => void d.accept());
    await card.getByTestId('counter-retire').click();
    await expect.poll(() => card.getAttribute('data-retired')).toBe('1');
    expect((await fetch(`${server.url}/q/11953-quay-lao-dong`)).status).toBe(410);

    await page.locator('[data-testid="counter-sheet-panel"] > summary').click();
    const sheet = (text: string) => ({ name: 'quay.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .getByTestId('counter-sheet-file')
      .setInputFiles(sheet('code,name,unit_code,sectors\nx-1,Quầy A,NOPE,land\nx-2,Quầy B,11953,\n'));
    await page.getByTestId('counter-sheet-send').click();
    const rejected = page.getByTestId('counter-sheet-rejected');
    await rejected.waitFor();
    expect(await rejected.getAttribute('data-problems')).toBe('2');
    expect(
      await page
        .locator('[data-testid="counter-sheet-problems"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column'))),
    ).toEqual(['unit_code', 'sectors']);
    expect(await counterOf('x-1')).toBeUndefined();
    await checkAndPhotograph(page, 'counters-sheet-problems');

    await page.getByTestId('counter-sheet-file').setInputFiles(sheet('code,name,unit_code,sectors\nx-2,Quầy B,11953,land|justice\n'));
    await page.getByTestId('counter-sheet-send').click();
    const saved = page.getByTestId('counter-sheet-saved');
    await saved.waitFor();
    expect(await saved.getAttribute('data-created')).toBe('1');
    expect((await counterOf('x-2'))!.sectors).toEqual(['land', 'justice']);
    await page.locator('[data-testid="kiosk-counter"][data-code="x-2"]').waitFor();
    await checkAndPhotograph(page, 'counters-admin');
  });
});

describe('people the rule book keeps out', () => {
  it('an analyst is offered the flagged answers but not the kiosk switch, retention or audit log; an officer none of them', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const p = await ctx.newPage();
    await signIn(p, 'phan.tich', STAFF_PASSWORD);
    await settled(p);
    const links = () => p.locator('nav a[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(await links()).toContain('nav-flagged');
    for (const hidden of ['nav-kiosk', 'nav-retention', 'nav-audit', 'nav-users']) expect(await links()).not.toContain(hidden);
    // Typed in by hand, the page sends them home, and the server refuses the call anyway.
    await p.goto(`${server.url}/app/audit`);
    await p.waitForURL((url) => url.pathname === '/app/');
    expect((await p.request.get(`${server.url}/api/audit`)).status()).toBe(403);
    await ctx.close();

    const officerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const o = await officerCtx.newPage();
    await signIn(o, 'can.bo.quay', STAFF_PASSWORD);
    await settled(o);
    const officerLinks = await o.locator('nav a[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(officerLinks).toEqual(['nav-counters']);
    await officerCtx.close();
  });
});
