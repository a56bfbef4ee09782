import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { dossierJson } from '../support/dossier-facts';

const PASSWORD = 'api-keys-browser-password';
const demo = serverAndBrowser({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });
const SHOTS = process.env.HAILONG_SHOTS_DIR ?? 'test-artifacts';

const sendBatch = (key: string) =>
  fetch(`${demo.server.url}/api/dossiers/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dossiers: [dossierJson(1)] }),
  });

describe('the API keys page on a phone', () => {
  it('creates a key, shows it once, and revokes it', async () => {
    await mkdir(SHOTS, { recursive: true });
    for (const width of [360, 1366]) {
      const context = await demo.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signInAs(page, demo.server.url, 'admin', PASSWORD);
      await page.goto(`${demo.server.url}/app/api-keys`);
      await expect.poll(() => page.locator('h1.page-title').textContent()).toBe('Khóa API');
      const name = `Một cửa tỉnh ${width}`;
      await page.getByTestId('new-key-name').fill(name);
      expect(await page.getByTestId('new-key-scope-dossiers:write').isChecked()).toBe(true);
      await page.getByTestId('create-key').click();
      const shown = page.getByTestId('api-key-secret');
      await shown.waitFor();
      const key = (await shown.textContent())!.trim();
      expect(key).toMatch(/^hl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(await page.getByTestId('api-key-once').textContent()).toMatch(/sẽ không hiển thị lại.*will not be shown again/);
      const row = page.locator('[data-testid="api-key-row"]', { hasText: name });
      await row.waitFor();
      expect(await row.textContent()).toContain(key.slice(0, 12));
      // The box fits the phone: the key wraps rather than pushing the page sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/api-keys-created-${width}.png`, fullPage: true });

      // The key works for the one-stop system; once hidden it is nowhere on the page, nor after a reload.
      expect((await sendBatch(key)).status).toBe(200);
      await page.getByTestId('hide-key').click();
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(key);

      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByTestId('revoke-key').click();
      await row.getByTestId('api-key-revoked').waitFor();
      expect(await row.getAttribute('data-revoked')).toBe('1');
      expect((await sendBatch(key)).status).toBe(401);
      await page.screenshot({ path: `${SHOTS}/api-keys-revoked-${width}.png`, fullPage: true });
      await context.close();
    }
  });
});
