import { signInAs } from '../support/browser';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getJson, loginCookie } from '../support/http-client';
import { serverAndBrowser } from '../support/browser-suite';

const PASSWORD = 'account-scope-password';
const OTHERS = 'account-scope-others-1';
const demo = serverAndBrowser({ HAILONG_ADMIN_PASSWORD: PASSWORD, HAILONG_DEMO: '1' });
const SHOTS = process.env.HAILONG_SHOTS_DIR ?? 'test-artifacts';

async function send(cookie: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${demo.server.url}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const signIn = (page: Page, username: string, password: string) => signInAs(page, demo.server.url, username, password);

describe('a commune administrator on the accounts page', () => {
  it('sees its subtree only, picks units from its own tree, and ticks an officer’s counters', async () => {
    const admin = await loginCookie(demo.server.url, PASSWORD);
    const meta = await getJson<{ units: { id: number; code: string }[] }>(demo.server.url, '/api/meta', admin);
    const unit = (code: string) => meta.units.find((u) => u.code === code)!.id;
    // Two desks under the provincial service centre, which a scoped administrator then runs.
    for (const code of ['TT-A', 'TT-B']) {
      const body = { code, name: `Tổ tiếp nhận ${code}`, kind: 'service_body', parentId: unit('33-TTPVHCC') };
      expect((await send(admin, 'POST', '/api/units', body)).status).toBe(201);
    }
    const after = await getJson<{ units: { id: number; code: string }[] }>(demo.server.url, '/api/meta', admin);
    const unitNow = (code: string) => after.units.find((u) => u.code === code)!.id;
    for (const [username, role, code] of [
      ['quan.tri.tp', 'admin', '33-TTPVHCC'],
      ['can.bo.mot.cua', 'officer', '33-TTPVHCC'],
      ['phan.tich.benh.vien', 'analyst', '33-BVDK'],
    ] as const) {
      expect((await send(admin, 'POST', '/api/users', { username, role, unitId: unitNow(code), password: OTHERS })).status).toBe(201);
    }
    await mkdir(SHOTS, { recursive: true });

    // The tenant-wide administrator: the whole tenant is the first choice, named as such.
    const wide = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const wp = await wide.newPage();
    await signIn(wp, 'admin', PASSWORD);
    await wp.goto(`${demo.server.url}/app/users`);
    await expect.poll(() => wp.locator('[data-testid="user-row"]').count()).toBe(4);
    const wideOptions = await wp.getByTestId('new-unit').locator('option').allTextContents();
    expect(wideOptions[0]).toBe('Phạm vi: cả tỉnh / Scope: whole tenant');
    expect(wideOptions).toContain('— Trung tâm Phục vụ hành chính công tỉnh Hưng Yên (33-TTPVHCC) · Cơ quan, đơn vị sự nghiệp');
    await wp.screenshot({ path: `${SHOTS}/accounts-tenant-admin-1366.png`, fullPage: true });
    await wide.close();

    for (const width of [1366, 360]) {
      const context = await demo.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, 'quan.tri.tp', OTHERS);
      await page.goto(`${demo.server.url}/app/users`);
      await expect.poll(() => page.locator('[data-testid="user-row"]').count()).toBe(2);
      const names = await page.locator('[data-testid="user-row"] th').allTextContents();
      expect(names.map((n) => n.trim()).sort()).toEqual(['can.bo.mot.cua', 'quan.tri.tp']);
      await expect
        .poll(() => page.getByTestId('new-unit').locator('option').allTextContents())
        .toEqual([
          'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên (33-TTPVHCC) · Cơ quan, đơn vị sự nghiệp',
          '— Tổ tiếp nhận TT-A (TT-A) · Cơ quan, đơn vị sự nghiệp',
          '— Tổ tiếp nhận TT-B (TT-B) · Cơ quan, đơn vị sự nghiệp',
        ]);
      expect(await page.getByTestId('users-scope-note').isVisible()).toBe(true);

      const officer = page.locator('[data-testid="user-row"]', { hasText: 'can.bo.mot.cua' });
      await officer.getByTestId('staff-counters').locator('summary').click();
      const boxes = officer.getByTestId('staff-counter');
      expect(await boxes.count()).toBe(3);
      if (width === 1366) {
        await officer.locator('input[value="demo-land"]').check();
        await officer.getByTestId('save-staff-counters').click();
        await expect.poll(() => page.locator('[data-testid="staff-counters-now"]').first().textContent()).toContain('1 quầy: demo-land');
        await page
          .locator('[data-testid="user-row"]', { hasText: 'can.bo.mot.cua' })
          .getByTestId('staff-counters')
          .locator('summary')
          .click();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/accounts-commune-admin-${width}.png`, fullPage: true });
      await context.close();
    }

    // The officer now sees only the counter it was linked to.
    const officerCookie = await loginCookie(demo.server.url, OTHERS, 'can.bo.mot.cua');
    const counters = await getJson<{ counters: { code: string }[] }>(demo.server.url, '/api/officer/counters', officerCookie);
    expect(counters.counters.map((k) => k.code)).toEqual(['demo-land']);
  });
});
