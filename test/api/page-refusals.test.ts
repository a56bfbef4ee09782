import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app';

/**
 * Addresses a person opens in the browser (the printable report, posters) refuse with a page in
 * both languages that says what to do, not with JSON; the API beside them keeps answering JSON.
 */
let t: TestApp;
let ward: string;
let units: Map<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await login(t.app);
  // the units in force: a code is unique only among them (the demo's former ward Hiến Nam had 11953 too)
  const meta = (await (await t.app.request('/api/units', { headers: { cookie: admin } })).json()) as {
    units: { id: number; code: string }[];
  };
  units = new Map(meta.units.map((u) => [u.code, u.id]));
  const created = await t.app.request('/api/users', {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'phan.tich.an.tao',
      role: 'analyst',
      unitId: units.get('11953'),
      password: 'ward-analyst-password',
    }),
  });
  expect(created.status).toBe(201);
  ward = await login(t.app, 'phan.tich.an.tao', 'ward-analyst-password');
});
afterAll(() => t.close());

const open = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { cookie } : {} });

async function refusalPage(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(/^<!doctype html><html lang="vi">/);
  expect(html).toContain(`data-status="${status}"`);
  expect(html).toContain('Bạn có thể làm gì / <span lang="en">What you can do</span>');
  return html;
}

describe('the printable report refuses as a page', () => {
  it('403 for a unit outside the account: both languages, what to do, and the way back to the reports', async () => {
    const html = await refusalPage(await open(`/reports/print?kind=year&year=2026&unit=${units.get('33-TTPVHCC')}`, ward), 403);
    expect(html).toContain('<h1>Bạn không có quyền xem đơn vị này.</h1>');
    expect(html).toContain('You do not have access to this unit.');
    expect(html).toContain('Hãy chọn một đơn vị trong phạm vi đó');
    expect(html).toContain('href="/app/reports"');
    expect(html).not.toContain('"message"');
    // The same refusal from the API stays JSON for programs.
    const api = await open(`/api/reports?kind=year&year=2026&unit=${units.get('33-TTPVHCC')}`, ward);
    expect(api.status).toBe(403);
    expect(((await api.json()) as { message: { vi: string } }).message.vi).toBe('Bạn không có quyền xem đơn vị này.');
  });

  it('400 for a period it cannot read, naming the field; 404 for a unit that does not exist', async () => {
    const bad = await refusalPage(await open('/reports/print?kind=custom&from=2026-03-01', ward), 400);
    expect(bad).toContain('<li>');
    const missing = await refusalPage(await open('/reports/print?kind=year&year=2026&unit=999999', ward), 404);
    expect(missing).toContain('Không tìm thấy đơn vị.');
  });

  it('401 without a session, with a link to log in; an unknown address under /reports/ is a 404 page', async () => {
    const html = await refusalPage(await open('/reports/print?kind=year&year=2026'), 401);
    expect(html).toContain('href="/app/login"');
    await refusalPage(await open('/reports/nothing-here', ward), 404);
  });

  it('still prints the report of a unit inside the account', async () => {
    const res = await open(`/reports/print?kind=year&year=2026&unit=${units.get('11953')}`, ward);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('@page{size:A4');
  });
});

describe('posters', () => {
  it('refuse as a page to a browser and as JSON to a program', async () => {
    const page = await t.app.request('/posters/unit/999999', { headers: { cookie: ward, accept: 'text/html' } });
    await refusalPage(page, 404);
    const json = await open('/posters/unit/999999', ward);
    expect(json.status).toBe(404);
    expect(json.headers.get('content-type')).toMatch(/json/);
  });
});

describe('who the session is', () => {
  it("names the unit an account is scoped to, so the app's header can show it", async () => {
    const me = (await (await open('/api/auth/me', ward)).json()) as { unitId: number; unit: { id: number; name: string } | null };
    expect(me.unit).toEqual({ id: units.get('11953'), name: 'Phường Phố Hiến', kind: 'ward' });
    const admin = (await (await open('/api/auth/me', await login(t.app))).json()) as { unit: unknown };
    expect(admin.unit).toBeNull();
  });
});
