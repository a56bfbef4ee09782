import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActiveCounter } from '../../db/counters';
import { renderSurveyFormPage } from '../../server/citizen/survey-form-page';
import { EMPTY_VALUES } from '../../surveys/form-fields';
import { DESIGNER_SURVEY_40 } from '../fixtures/designer-survey-40';
import { launchBrowser } from '../support/browser';

/**
 * The citizen page of the designer's survey, served as the real route renders it (no database:
 * what is tested is the browser's show-if and the script's JSON), with the built script.
 */
const counter: ActiveCounter = {
  id: 1,
  tenant_id: 1,
  unit_id: 1,
  code: 'designer-forty',
  name: 'Bộ phận Một cửa',
  kiosk: false,
  survey_id: 1,
  unit_name: 'UBND xã Tân Hưng',
  tenant_name: 'Tỉnh Hưng Yên',
  retention_months: 24,
  sectors: ['land'],
  surveyVersion: { id: 9, version: 1, definition: DESIGNER_SURVEY_40 },
};
const posted: unknown[] = [];
const app = new Hono()
  .get('/q/:code', (c) =>
    c.html(
      renderSurveyFormPage({
        counter,
        lang: c.req.query('lang') === 'en' ? 'en' : 'vi',
        kiosk: false,
        kioskIntervalSeconds: 10,
        kioskIdleSeconds: 60,
        token: 'tok.sig',
        clientKey: crypto.randomUUID(),
        values: EMPTY_VALUES,
        errors: {},
      }),
    ),
  )
  .post('/q/:code', async (c) => {
    posted.push(await c.req.json());
    return c.json({ id: 1, reference: 'ABC-123', case: null }, 201);
  })
  .get('/q-assets/citizen.js', (c) => c.body(readFileSync('dist/client/q-assets/citizen.js'), 200, { 'content-type': 'text/javascript' }))
  .get('/q-sw.js', (c) => c.body('', 404));

let server: ServerType;
let url: string;
let browser: Browser;
const SHOTS = '/tmp/i17-citizen/shots';

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.SHOW_IF_TEST_PORT ?? 3812) }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function phone(js: boolean, width = 360): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, javaScriptEnabled: js, serviceWorkers: 'block' });
  return context.newPage();
}
const fieldset = (page: Page, key: string) => page.locator(`fieldset:has(input[name^="q.${key}"])`).first();
const tick = (page: Page, name: string, value = '1') => page.locator(`label:has(> input[name="${name}"][value="${value}"])`).click();

describe('show-if on the citizen page', () => {
  for (const js of [false, true]) {
    it(`hides a question until the earlier answer matches, and cascades, with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const page = await phone(js);
      await page.goto(`${url}/q/designer-forty`);
      const ease = fieldset(page, 'portal_ease');
      const problem = fieldset(page, 'portal_problem');
      await expect.poll(() => ease.isVisible()).toBe(false);
      // A box that is not one of the codes shows nothing.
      await tick(page, 'q.channels.1');
      await expect.poll(() => ease.isVisible()).toBe(false);
      await tick(page, 'q.channels.3');
      await expect.poll(() => ease.isVisible()).toBe(true);
      await expect.poll(() => problem.isVisible()).toBe(false);
      await tick(page, 'q.portal_ease', '1');
      await expect.poll(() => problem.isVisible()).toBe(true);
      await ease.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/show-if-360-js-${js ? 'on' : 'off'}.png` });
      // Unticking the box hides both again: the second follows the first.
      await tick(page, 'q.channels.3');
      await expect.poll(() => ease.isVisible()).toBe(false);
      await expect.poll(() => problem.isVisible()).toBe(false);
      // Nothing overflows the phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.context().close();
    });
  }

  it('sends, with script, the ticked boxes as a list of codes and a short text as a string', async () => {
    posted.length = 0;
    const page = await phone(true);
    await page.goto(`${url}/q/designer-forty`);
    await tick(page, 'q.overall', '4');
    await tick(page, 'q.channels.2');
    await tick(page, 'q.channels.7');
    await tick(page, 'q.portal_ease', '1');
    await page.locator('input[name="q.portal_problem"]').fill('Lỗi tải tệp');
    await page.locator('input[name="q.idea"]').fill('2026');
    await page.locator('form#survey button[type="submit"]').click();
    await expect.poll(() => page.locator('.done').textContent()).toContain('ABC-123');
    expect(posted).toHaveLength(1);
    expect((posted[0] as { answers: unknown }).answers).toEqual({
      overall: 4,
      channels: [2, 7],
      portal_ease: 1,
      portal_problem: 'Lỗi tải tệp',
      idea: '2026',
    });
    await page.context().close();
  });

  it('keeps ticked boxes and typed text across the language switch', async () => {
    const page = await phone(true);
    await page.goto(`${url}/q/designer-forty`);
    await tick(page, 'q.channels.2');
    await page.locator('input[name="q.idea"]').fill('Thêm ghế');
    await page.locator('a.lang').click();
    await page.waitForURL(/lang=en/);
    await expect.poll(() => page.locator('input[name="q.channels.2"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="q.idea"]').inputValue()).toBe('Thêm ghế');
    await expect.poll(() => fieldset(page, 'portal_ease').isVisible()).toBe(true);
    await page.context().close();
  });

  it('screenshots the page at 360 and 1366 px in both languages', async () => {
    for (const [width, lang] of [
      [360, 'vi'],
      [1366, 'vi'],
      [360, 'en'],
    ] as const) {
      const page = await phone(false, width);
      await page.goto(`${url}/q/designer-forty?lang=${lang}`);
      await tick(page, 'q.channels.2');
      await fieldset(page, 'channels').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/designer-${width}-${lang}.png` });
      await page.screenshot({ path: `${SHOTS}/designer-${width}-${lang}-full.png`, fullPage: true });
      await page.context().close();
    }
  });
});
