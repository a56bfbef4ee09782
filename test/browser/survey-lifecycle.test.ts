import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../surveys/time';
import { launchBrowser, signInAs } from '../support/browser';
import { dictionary, findPspp, frequencies, runPspp, tables } from '../support/pspp';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * A questionnaire's whole life, as a province lives it (issue 17): built in the designer with three
 * factors, a 3-level item, a choice item and a show-if; previewed at 360 px; published and asked at
 * a counter; answered with script and without; reworded as a new version while the first keeps
 * its answers; both versions in the trend with the break; and the SPSS export read by GNU PSPP
 * with the 3-level scale's labels.
 */
const PASSWORD = 'survey-lifecycle-password';
const COUNTER = 'demo-land';
const PHONE = { width: 360, height: 780 };
let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let dir: string;
/** The keys the designer suggested, read back from the page. */
const keys: Record<'wait' | 'staff' | 'source' | 'used', string> = { wait: '', staff: '', source: '', used: '' };

const today = localDay(new Date());
const lastMonth = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD });
  browser = await launchBrowser();
  admin = await browser.newContext({ viewport: PHONE });
  page = await admin.newPage();
  await signInAs(page, server.url, 'admin', PASSWORD);
  dir = await mkdtemp(join(tmpdir(), 'hailong-lifecycle-'));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const field = (path: string) => page.locator(`#field-${path.replace(/\./g, '-')}`);
const questionKeys = (factor: number) =>
  page
    .locator(`[data-testid="factor-${factor}-questions"] [data-testid="question-editor"]`)
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key ?? ''));
const noSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Same-origin calls with the administrator's session, as the app makes them. */
const api = (method: string, path: string, body?: unknown, type = 'application/json') =>
  page.evaluate(
    async ({ method, path, body, type }) => {
      const res = await fetch(path, { method, headers: { 'content-type': type }, body: body === undefined ? undefined : (body as string) });
      return { status: res.status, body: (await res.text()) as string };
    },
    { method, path, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), type },
  );

/** Saves the draft and waits for the server's check: no problem left. */
async function saveDraft() {
  const saved = page.locator('[data-testid="save-state"]');
  const before = await saved.textContent();
  await page.locator('[data-testid="save-draft"]').click();
  await expect.poll(() => saved.textContent(), { timeout: 30_000 }).not.toBe(before);
  expect(await page.locator('[data-testid="draft-problems"]').allTextContents()).toEqual([]);
  expect(await page.locator('[data-testid="draft-valid"]').count()).toBe(1);
}

async function answerAtCounter(options: { javaScript: boolean; source: 1 | 2; wait: 1 | 2 | 3; staff: number; used?: number[] }) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: options.javaScript });
  const citizen = await context.newPage();
  await citizen.goto(`${server.url}/q/${COUNTER}`);
  await citizen.locator(`input[name="q.${keys.wait}"][value="${options.wait}"]`).check();
  await citizen.locator(`input[name="q.${keys.staff}"][value="${options.staff}"]`).check();
  const firstBox = citizen.locator(`input[name="q.${keys.used}.1"]`);
  expect(await firstBox.isVisible()).toBe(false);
  await citizen.locator(`input[name="q.${keys.source}"][value="${options.source}"]`).check();
  // Shown only when the person learnt of the procedure on the portal (code 1), script or not.
  expect(await firstBox.isVisible()).toBe(options.source === 1);
  for (const code of options.used ?? []) await citizen.locator(`input[name="q.${keys.used}.${code}"]`).check();
  expect(await noSideways(citizen)).toBe(true);
  await citizen.locator('form#survey button[type="submit"]').click();
  await citizen.locator('.done').waitFor({ timeout: 30_000 });
  await context.close();
}

describe('a survey written in the designer', () => {
  it('is built with three factors, a 3-level item, a choice and a show-if, and saved without problems', async () => {
    await page.goto(`${server.url}/app/surveys`);
    await page.locator('[data-testid="new-survey-key"]').fill('ks-2026');
    await page.locator('[data-testid="new-survey-title-vi"]').fill('Khảo sát một cửa 2026');
    await page.locator('[data-testid="new-survey-submit"]').click();
    await page.waitForURL(/\/app\/surveys\/ks-2026$/);

    // Factor 1: the blank draft's question, made a 3-level one.
    await field('factors.0.items.0.type').selectOption('scale3');
    await field('factors.0.items.0.text.vi').fill('Thời gian chờ tại quầy');
    // Factor 2: a 5-level item.
    await page.locator('[data-testid="add-factor"]').click();
    await field('factors.1.key').fill('staff');
    await field('factors.1.label.vi').fill('Công chức');
    // A new factor comes with one question of the 5-level scale.
    await field('factors.1.items.0.text.vi').fill('Thái độ của công chức');
    // Factor 3: a choice, and a multiple choice shown only after its first option.
    await page.locator('[data-testid="add-factor"]').click();
    await field('factors.2.key').fill('info');
    await field('factors.2.label.vi').fill('Thông tin');
    // A question made a choice comes with two options to name.
    await field('factors.2.items.0.type').selectOption('choice');
    await field('factors.2.items.0.text.vi').fill('Ông/Bà biết thủ tục qua đâu?');
    await field('factors.2.items.0.options.0.label.vi').fill('Cổng dịch vụ công');
    await field('factors.2.items.0.options.1.label.vi').fill('Người quen');
    await page.locator('[data-testid="factor-2-questions-add"]').click();
    await field('factors.2.items.1.type').selectOption('multi');
    await field('factors.2.items.1.text.vi').fill('Ông/Bà đã dùng chức năng nào?');
    const usedEditor = page.locator('[data-testid="factor-2-questions"] [data-testid="question-editor"]').nth(1);
    await usedEditor.locator('[data-testid="add-option"]').click();
    await field('factors.2.items.1.options.0.label.vi').fill('Nộp hồ sơ');
    await field('factors.2.items.1.options.1.label.vi').fill('Thanh toán');
    await field('factors.2.items.1.options.2.label.vi').fill('Tra cứu');
    keys.wait = (await questionKeys(0))[0]!;
    keys.staff = (await questionKeys(1))[0]!;
    [keys.source, keys.used] = (await questionKeys(2)) as [string, string];
    await usedEditor.locator('[data-testid="show-if-question"]').selectOption(keys.source);
    await usedEditor.locator('.show-if-codes input[type="checkbox"]').first().check();

    await saveDraft();
    expect(Object.values(keys).every((k) => /^[a-z][a-z0-9_]*$/.test(k))).toBe(true);
    expect(new Set(Object.values(keys)).size).toBe(4);
    expect(await noSideways(page)).toBe(true);
  });

  it('previews at 360 px as citizens will see it, in Vietnamese and English, before anything is published', async () => {
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.locator(`input[name="q.${keys.wait}"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    // Three levels, and "Không ý kiến" beside them.
    expect(await frame.locator(`input[name="q.${keys.wait}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(
      ['1', '2', '3', 'na'],
    );
    expect(await frame.locator('.preview').textContent()).toContain('Xem trước — không lưu');
    expect(
      await page.locator('[data-testid="preview-frame"]').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().width),
    ).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(tmpdir(), 'hailong-survey-designer-360.png'), fullPage: true });
    await page.locator('[data-testid="preview-en"]').click();
    await expect.poll(() => frame.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe('en');
    const versions = JSON.parse((await api('GET', '/api/surveys/ks-2026/versions')).body) as { versions: unknown[] };
    expect(versions.versions).toHaveLength(0);
  });

  it('is published as version 1 and asked at a counter, with script and without', async () => {
    await page.locator('[data-testid="publish"]').click();
    await page.locator('[data-testid="publish-yes"]').click();
    await page.locator('[data-testid="version-1"]').waitFor({ timeout: 30_000 });
    expect((await api('PATCH', `/api/counters/${COUNTER}`, { survey: 'ks-2026' })).status).toBe(200);
    // Last month's paper forms, entered under version 1.
    const paper = [`submitted_at,${keys.wait},${keys.staff}`, ...[3, 3, 2, 1].map((v, i) => `${lastMonth}-1${i},${v},${v + 2}`)].join('\n');
    expect((await api('POST', `/api/imports?counter=${COUNTER}`, paper, 'text/csv')).status).toBe(201);

    await answerAtCounter({ javaScript: true, source: 1, wait: 3, staff: 5, used: [1, 3] });
    await answerAtCounter({ javaScript: false, source: 2, wait: 1, staff: 2 });
    const versions = JSON.parse((await api('GET', '/api/surveys/ks-2026/versions')).body) as {
      versions: { version: number; responses: number }[];
    };
    expect(versions.versions.map((v) => [v.version, v.responses])).toEqual([[1, 6]]);
  });

  it('gets a new version for a changed wording; the first keeps its answers, and the trend shows the break', async () => {
    await page.locator('[data-testid="version-1"] [data-testid="edit-version"]').click();
    await field('factors.0.items.0.text.vi').waitFor();
    await field('factors.0.items.0.text.vi').fill('Thời gian chờ đến lượt');
    await saveDraft();
    await page.locator('[data-testid="publish"]').click();
    await page.locator('[data-testid="publish-yes"]').click();
    await page.locator('[data-testid="version-2"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="version-2"]').getAttribute('data-current')).toBe('1');

    await answerAtCounter({ javaScript: true, source: 1, wait: 2, staff: 4, used: [2] });
    const versions = JSON.parse((await api('GET', '/api/surveys/ks-2026/versions')).body) as {
      versions: { version: number; responses: number }[];
    };
    expect(versions.versions.map((v) => [v.version, v.responses])).toEqual([
      [2, 1],
      [1, 6],
    ]);

    await page.goto(`${server.url}/app/trend?from=${lastMonth}-01&to=${today}&survey=ks-2026`);
    const change = page.locator('[data-testid="version-changes"] span[data-survey="ks-2026"]');
    await change.waitFor({ timeout: 30_000 });
    expect(await change.getAttribute('data-month')).toBe(today.slice(0, 7));
    expect(await change.textContent()).toMatch(/2$/);
    expect(await noSideways(page)).toBe(true);
  });

  it('exports the answers as SPSS that PSPP reads with the 3-level labels and the counts given', async () => {
    const res = await page.request.get(`${server.url}/api/exports/responses.sav?from=${lastMonth}-01&to=${today}&survey=ks-2026`);
    expect(res.status()).toBe(200);
    const wait = `ks_2026_${keys.wait}`;
    const { csv } = await runPspp(
      findPspp(),
      dir,
      new Uint8Array(await res.body()),
      `DISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=${wait} ${wait}_v2.`,
    );
    const out = tables(csv);
    const variables = dictionary(out);
    expect(variables.get(wait)?.Label).toBe('Thời gian chờ tại quầy');
    expect(variables.get(`${wait}_v2`)?.Label).toBe('Thời gian chờ đến lượt');
    const [first, second] = out.filter((x) => x.rows[0]?.[2] === 'Frequency').map(frequencies);
    expect(first!.valid).toEqual(
      new Map([
        ['Không hài lòng', 2],
        ['Hài lòng', 1],
        ['Rất hài lòng', 3],
      ]),
    );
    expect(second!.valid).toEqual(new Map([['Hài lòng', 1]]));
  });
});
