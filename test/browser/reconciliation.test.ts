import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db';
import { storeDossiers } from '../../db/dossiers';
import { migrateToLatest } from '../../db/migrate';
import { firstStart } from '../../server/bootstrap/first-start';
import { parseEnv } from '../../server/config/env';
import { resolveDossiers } from '../../server/dossiers/resolve-dossiers';
import { launchBrowser, signInAs } from '../support/browser';
import { dossierJson } from '../support/dossier-facts';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * An analyst enters the national portal's R3 for the service centre in March 2026 and reads the
 * difference and the dossiers behind it. Four dossiers are put in the data folder before the
 * server starts: one unrated, one rated "không hài lòng", one satisfied, one overdue.
 */
const PASSWORD = 'recon-browser-password';
const SHOTS = 'test-artifacts';
let dataDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hailong-recon-'));
  const db = await createDb({ dataDir });
  await migrateToLatest(db.dbWrite);
  const state = await firstStart(db.dbWrite, parseEnv({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD }), () => {});
  const items = [
    dossierJson(1),
    dossierJson(2, { rating: 1, ratingScale: 3 }),
    dossierJson(3, { rating: 3, ratingScale: 3 }),
    dossierJson(4, { finishedAt: '2026-03-11T09:00:00+07:00' }),
  ];
  const { records, problems } = await resolveDossiers(
    db.dbWrite,
    state.tenantId,
    undefined,
    items.map((value, at) => ({ at, value })),
  );
  expect(problems).toEqual([]);
  await storeDossiers(db.dbWrite, state.tenantId, records, 'api');
  await db.close();
  server = await runServer({ HAILONG_DEMO: '1', HAILONG_ADMIN_PASSWORD: PASSWORD }, { dataDir });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function settled(p: Page) {
  await expect.poll(() => p.locator('[data-testid="loading"]').count(), { timeout: 30_000 }).toBe(0);
}

describe('reconciliation page', () => {
  it('enters a portal figure, shows the difference with its sign and the overdue dossier behind it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signInAs(page, server.url, 'admin', PASSWORD);
    await page.goto(`${server.url}/app/reconciliation`);
    await expect.poll(() => page.locator('h1.page-title').textContent()).toContain('Đối chiếu với Cổng DVC quốc gia');
    await settled(page);
    await page.locator('[data-testid="recon-year"]').selectOption('2026');
    const centre = await page
      .locator('[data-testid="recon-unit"] option')
      .filter({ hasText: 'Trung tâm Phục vụ hành chính công' })
      .getAttribute('value');
    await page.locator('[data-testid="recon-unit"]').selectOption(centre!);
    await page.locator('[data-testid="recon-indicator"]').selectOption('r3');
    await page.locator('[data-testid="recon-period"]').selectOption('m3');
    await page.locator('[data-testid="recon-value"]').fill('25,5');
    await page.locator('[data-testid="recon-save"]').click();
    await expect.poll(() => page.locator('[data-testid="recon-save-done"]').count()).toBe(1);

    const row = page.locator('[data-testid="recon-row"][data-indicator="r3"]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    // hailong: 2 of 4 (2 rated "không hài lòng", 4 overdue); the portal's 25.5 % is 24.5 points lower.
    expect(await row.locator('[data-testid="recon-hailong"]').textContent()).toContain('(2/4)');
    expect(Number(await row.locator('[data-testid="recon-difference"]').getAttribute('data-value'))).toBeCloseTo(24.5, 6);
    expect(await row.locator('[data-testid="recon-difference"]').textContent()).toContain('+24,5');
    expect(await row.locator('[data-testid="recon-difference"]').textContent()).toContain('hailong cao hơn');
    // round(0.745 × 4) = 3 failed on the portal, 2 in hailong.
    expect(await row.locator('[data-testid="recon-failed"]').getAttribute('data-more')).toBe('1');
    expect(await row.locator('[data-testid="recon-reason-overdue"]').getAttribute('data-count')).toBe('1');
    expect(await row.locator('[data-testid="recon-reason-unrated"]').getAttribute('data-count')).toBe('2');

    await row.locator('[data-testid="recon-reason-overdue"]').click();
    const list = page.locator('[data-testid="recon-dossiers"]');
    await expect.poll(() => list.locator('[data-testid="recon-dossier"]').count()).toBe(1);
    expect(await list.locator('[data-testid="recon-dossier"]').getAttribute('data-code')).toBe(String(dossierJson(4).code));
    const csv = await list.locator('[data-testid="recon-csv"]').getAttribute('href');
    const text = await page.evaluate(async (url) => (await fetch(url!)).text(), csv);
    expect(text).toContain(String(dossierJson(4).code));
    expect(text).not.toContain(String(dossierJson(2).code));
    await page.screenshot({ path: `${SHOTS}/reconciliation-1366.png`, fullPage: true });

    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await settled(page);
    await page.locator('[data-testid="recon-year"]').selectOption('2026');
    await expect.poll(() => page.locator('[data-testid="recon-row"]').count(), { timeout: 15_000 }).toBe(1);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/reconciliation-360.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
