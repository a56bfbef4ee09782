import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/browser';
import { loginCookie } from '../support/http-client';
import { runServer, type RunningServer } from '../support/run-server';

/**
 * The survey designer in a browser, against the real API: a survey listed, a draft's problem
 * beside its field, a question moved by keyboard with the move said aloud, the draft saved and
 * published after the confirm step, and the new version in the list.
 */
const PASSWORD = 'survey-designer-password';
let server: RunningServer;
let browser: Browser;
let page: Page;

const DRAFT = {
  key: 'tiep-dan',
  version: 1,
  kind: 'custom',
  form: 'short',
  title: { vi: 'Phiếu tiếp dân', en: 'Citizen reception' },
  intro: { vi: 'Xin ý kiến của ông/bà' },
  satisfactionRule: 'factor_mean',
  factors: [
    {
      key: 'thai_do',
      label: { vi: 'Thái độ' },
      items: [
        { key: 'lich_su', type: 'scale5', text: { vi: 'Cán bộ lịch sự' } },
        { key: 'lang_nghe', type: 'scale3', text: { vi: '' } },
      ],
    },
  ],
  extras: [],
  comment: { label: { vi: 'Góp ý' }, maxLength: 500 },
};

beforeAll(async () => {
  server = await runServer({ HAILONG_ADMIN_PASSWORD: PASSWORD });
  browser = await launchBrowser();
  const cookie = await loginCookie(server.url, PASSWORD);
  const send = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify(body),
    });
  expect((await send('POST', '/api/surveys', { key: 'tiep-dan' })).status).toBe(201);
  expect((await send('PUT', '/api/surveys/tiep-dan/draft', { definition: DRAFT })).status).toBe(200);
  page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await signInAs(page, server.url, 'admin', PASSWORD);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const keys = () =>
  page
    .locator('[data-testid="factor-0-questions"] [data-testid="question-editor"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));

describe('the survey designer', () => {
  it('lists the built-in surveys as read-only and the new one with its draft badge', async () => {
    await page.goto(`${server.url}/app/surveys`);
    await page.locator('[data-testid="survey-tiep-dan"]').waitFor();
    expect(await page.locator('[data-testid="survey-tiep-dan"] [data-testid="badge-draft"]').count()).toBe(1);
    expect(await page.locator('[data-testid="survey-sipas-counter"] [data-testid="badge-built-in"]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('refuses an invalid JSON file with a table of what is wrong, field by field, and stores nothing', async () => {
    const file = { ...DRAFT, key: 'hong', satisfactionRule: 'mean', factors: [] };
    await page.locator('[data-testid="import-survey-file"]').setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.locator('[data-testid="import-survey-submit"]').click();
    await page.locator('[data-testid="import-survey-problems"]').waitFor();
    const paths = await page
      .locator('[data-testid="import-survey-problems"] tr[data-path]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path));
    expect(paths.sort()).toEqual(['factors', 'satisfactionRule']);
    expect(await page.locator('[data-testid="survey-hong"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('shows the empty text’s problem beside its field and in the summary', async () => {
    await page.goto(`${server.url}/app/surveys/tiep-dan`);
    const field = page.locator('#field-factors-0-items-1-text-vi');
    await field.waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="draft-problems"] li[data-path="factors.0.items.1.text.vi"]').count()).toBe(1);
  });

  it('moves a question with Alt + ↓, keeps the focus in it and says where it went', async () => {
    await page.locator('#field-factors-0-items-0-text-vi').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await keys()).toEqual(['lang_nghe', 'lich_su']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-factors-0-items-1-text-vi');
    expect(await page.locator('[data-testid="reorder-announcement"]').textContent()).toContain('2');
    expect(await page.locator('[data-testid="save-state"]').textContent()).toContain('chưa lưu');
  });

  it('saves the fixed draft, publishes it after the confirm step and lists version 1', async () => {
    await page.locator('#field-factors-0-items-0-text-vi').fill('Cán bộ lắng nghe');
    await page.locator('[data-testid="save-draft"]').click();
    await page.locator('[data-testid="draft-valid"]').waitFor();
    await page.locator('[data-testid="publish"]').click();
    await page.locator('[data-testid="publish-yes"]').click();
    await page.locator('[data-testid="version-1"]').waitFor();
    expect(await page.locator('[data-testid="version-1"]').getAttribute('data-current')).toBe('1');
    expect(await page.locator('[data-testid="no-draft"]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
