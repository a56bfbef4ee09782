import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/browser';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * A province adopts hailong as a new user would, on a fresh install with no demo: the operator
 * creates the tenant from the command line; its administrator signs in, imports 30 communes of
 * the real Hưng Yên list, adds two counters to a ward, sets 2027's land target to 88 %, creates an
 * analyst for that ward and prints a poster; a citizen answers on a 360 px phone; the answer is on
 * the dashboard against 2026's target (85 %, today's plan year), and the analyst sees only their
 * ward. Screenshots of each page land in test-artifacts/.
 */
const SHOTS = 'test-artifacts';
const WARD = '11953'; // Phường Phố Hiến
const OTHER_COMMUNE = '11983'; // Phường Sơn Nam
const ANALYST = 'phan.tich.pho.hien';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let adminName: string;
let adminPassword: string;

/** The operator's command, as the README gives it, on the data folder the server will use. */
async function tenantCreate(): Promise<string> {
  const args = ['run', '--silent', 'tenant:create', '--', '--code', 'hung-yen', '--name', 'Tỉnh Hưng Yên'];
  args.push('--unit-code', '33', '--unit-name', 'Tỉnh Hưng Yên', '--unit-kind', 'province', '--admin', 'quantri.hungyen');
  const { stdout } = await promisify(execFile)('npm', args, { env: { ...process.env, HAILONG_DATA_DIR: dataDir, HAILONG_DEMO: '0' } });
  return stdout;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hailong-province-'));
  const out = await tenantCreate();
  adminName = 'quantri.hungyen';
  // The one-time password is the only long word on the line naming it.
  const line = out.split('\n').find((l) => /mật khẩu|password/i.test(l) && !/--admin-password/.test(l));
  adminPassword = line?.match(/([A-Za-z0-9_-]{12,})\s*$/)?.[1] ?? '';
  expect(adminPassword, out).not.toBe('');
  server = await runServer({ HAILONG_DEMO: '0' }, { dataDir });
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (page: Page, username: string, password: string) => signInAs(page, server.url, username, password);

const apiGet = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(p);
    return { status: res.status, body: (await res.json()) as unknown };
  }, path) as Promise<{ status: number; body: T }>;

const unitId = async (page: Page, code: string) =>
  (await apiGet<{ units: { id: number; code: string }[] }>(page, '/api/units')).body.units.find((u) => u.code === code)!.id;

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The 30 communes and wards: the first lines of the real list, province first. */
function thirtyCommunes(): string {
  const lines = readFileSync('test/fixtures/hung-yen-2025.csv', 'utf8').trim().split('\n');
  return [...lines.slice(0, 32)].join('\n') + '\n';
}

describe('a province sets itself up from nothing', () => {
  let landCounter = '';
  let analystPassword = '';

  it('the administrator imports the communes, adds counters, sets a target, creates an analyst and prints a poster', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, adminName, adminPassword);

    // Nothing is there yet but the province the operator named.
    await page.goto(`${server.url}/app/structure`);
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count(), { timeout: 30_000 }).toBe(1);
    const csv = thirtyCommunes();
    expect(csv.split('\n').filter(Boolean)).toHaveLength(32); // header, the province, 30 communes
    await page
      .locator('[data-testid="unit-import-file"]')
      .setInputFiles({ name: 'hung-yen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid="unit-import-run"]').click();
    const imported = page.locator('[data-testid="unit-import-done"]');
    await expect.poll(() => imported.getAttribute('data-created'), { timeout: 30_000 }).toBe('30');
    expect(await imported.getAttribute('data-unchanged')).toBe('1');
    await expect.poll(() => page.locator('[data-testid="unit-row"]').count()).toBe(31);
    await page.screenshot({ path: `${SHOTS}/setup-units-1366.png`, fullPage: true });

    // Two counters at the ward, from the form.
    const ward = await unitId(page, WARD);
    await page.goto(`${server.url}/app/kiosk`);
    for (const [name, sector] of [
      ['Quầy Đất đai', 'land'],
      ['Quầy Hộ tịch', 'civil_status'],
    ] as const) {
      const panel = page.locator('[data-testid="new-counter-panel"]');
      if (!(await panel.evaluate((d: HTMLDetailsElement) => d.open))) await panel.locator('> summary').click();
      await page.getByTestId('new-counter-name').fill(name);
      await page.locator('select[data-testid="new-counter-unit"]').selectOption(String(ward));
      await page.locator(`[data-testid="new-counter-sectors"] input[value="${sector}"]`).check();
      await page.getByTestId('create-counter').click();
      await expect.poll(() => page.getByTestId('new-counter-done').textContent()).toContain(name);
    }
    const counters = (
      await apiGet<{ counters: { code: string; name: string; unit: { id: number }; sectors: string[] }[] }>(page, '/api/counters')
    ).body.counters;
    expect(counters.filter((k) => k.unit.id === ward).map((k) => k.sectors)).toEqual(expect.arrayContaining([['land'], ['civil_status']]));
    landCounter = counters.find((k) => k.sectors[0] === 'land')!.code;
    await expect.poll(() => page.locator('[data-testid="kiosk-counter"]').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/setup-counters-1366.png`, fullPage: true });

    // 2027's land target: 88 %; 2026 keeps 85 %.
    await page.goto(`${server.url}/app/targets`);
    await page.getByTestId('targets-year').selectOption('2027');
    await expect.poll(() => page.getByTestId('targets-form').getAttribute('data-year')).toBe('2027');
    await page.locator('[data-testid="target-row"][data-sector="land"] [data-testid="target-input"]').fill('88');
    await page.getByTestId('targets-save').click();
    await expect.poll(() => page.locator('[data-testid="target-row"][data-sector="land"]').getAttribute('data-target')).toBe('88');
    const y2026 = await apiGet<{ targets: { sector: string; target: number }[] }>(page, '/api/targets?year=2026');
    expect(y2026.body.targets.find((t) => t.sector === 'land')!.target).toBe(85);
    await page.screenshot({ path: `${SHOTS}/setup-targets-1366.png`, fullPage: true });

    // An analyst for the ward, chosen from the tree.
    await page.goto(`${server.url}/app/users`);
    await page.getByTestId('new-username').fill(ANALYST);
    await page.getByTestId('new-role').selectOption('analyst');
    await page.getByTestId('new-unit').selectOption(String(ward));
    await page.getByTestId('create-user').click();
    analystPassword = (await page.getByTestId('generated-password').textContent({ timeout: 30_000 }))!.trim();
    expect(analystPassword.length).toBeGreaterThanOrEqual(10);
    await expect.poll(() => page.locator('[data-testid="user-row"]').count()).toBe(2);

    // The land counter's poster: its QR address is the counter's form.
    await page.goto(`${server.url}/app/kiosk`);
    const card = page.locator('[data-testid="kiosk-counter"]', { hasText: 'Quầy Đất đai' });
    const poster = (await card.getByTestId('counter-poster').getAttribute('href'))!;
    await page.goto(new URL(poster, server.url).href);
    expect(await page.getByTestId('poster-url').textContent()).toBe(`${server.url}/q/${landCounter}`);
    expect(await page.locator('.poster .qr svg').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/setup-poster-1366.png`, fullPage: true });

    // A land counter in another commune, so the analyst's scope has something to leave out.
    const other = await unitId(page, OTHER_COMMUNE);
    const created = await page.evaluate(async (unit) => {
      const res = await fetch('/api/counters', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Quầy Đất đai Sơn Nam', unitId: unit, sectors: ['land'] }),
      });
      return { status: res.status, code: ((await res.json()) as { code: string }).code };
    }, other);
    expect(created.status).toBe(201);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const p = await phone.newPage();
    for (const code of [landCounter, created.code]) {
      await p.goto(`${server.url}/q/${code}`);
      expect(await noSideways(p)).toBeLessThanOrEqual(0);
      await p.locator('label.opt:has(input[name="q.overall"][value="5"])').click();
      if (code === landCounter) await p.screenshot({ path: `${SHOTS}/setup-citizen-360.png`, fullPage: true });
      await p.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await expect.poll(() => p.locator('h1').textContent(), { timeout: 30_000 }).toBe('Cảm ơn Ông/Bà đã đánh giá!');
    }
    await phone.close();
  });

  it('the answers are on the dashboard against 2026’s target, and the analyst sees only their ward', async () => {
    const admin = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await admin.newPage();
    await signIn(page, adminName, adminPassword);
    await page.goto(`${server.url}/app/`);
    const land = page.locator('[data-testid="sector-table"] tr[data-sector="land"]');
    await expect.poll(() => land.locator('[data-col="n"]').getAttribute('data-value'), { timeout: 30_000 }).toBe('2');
    expect(await land.locator('[data-col="target"]').getAttribute('data-value')).toBe('85');
    await page.screenshot({ path: `${SHOTS}/setup-dashboard-admin-1366.png`, fullPage: true });
    await admin.close();

    const phone = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const ap = await phone.newPage();
    await signIn(ap, ANALYST, analystPassword);
    await ap.goto(`${server.url}/app/`);
    const mine = ap.locator('[data-testid="sector-table"] tr[data-sector="land"]');
    await expect.poll(() => mine.locator('[data-col="n"]').getAttribute('data-value'), { timeout: 30_000 }).toBe('1');
    expect(await mine.locator('[data-col="target"]').getAttribute('data-value')).toBe('85');
    expect(await noSideways(ap)).toBeLessThanOrEqual(0);
    await ap.screenshot({ path: `${SHOTS}/setup-dashboard-analyst-360.png`, fullPage: true });
    const units = (await apiGet<{ units: { code: string }[] }>(ap, '/api/units')).body.units.map((u) => u.code);
    expect(units).toEqual([WARD]);
    const outside = await apiGet<unknown>(ap, `/api/stats?unit=${await unitIdAsAdmin(OTHER_COMMUNE)}`);
    expect(outside.status).toBe(403);
    await phone.close();
  });
});

/** A unit's id read by the administrator (the analyst cannot see it). */
async function unitIdAsAdmin(code: string): Promise<number> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: adminName, password: adminPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${server.url}/api/units`, { headers: { cookie } });
  return ((await res.json()) as { units: { id: number; code: string }[] }).units.find((u) => u.code === code)!.id;
}
