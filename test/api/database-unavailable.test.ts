import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { appConfigFromEnv } from '../../server/config/app-config';
import { parseEnv } from '../../server/config/env';
import { outageSwitch } from '../support/outage-switch';
import { createTestApp, formToken, login, newClientKey, type TestApp } from '../support/test-app';

// The HTTP face of a database outage, on the embedded database and on PostgreSQL alike: the
// handle's queries fail as a connect to a stopped database does, then recover. (The drill in
// database-outage.test.ts does it for real, through a TCP proxy in front of PostgreSQL.)
let t: TestApp;
let app: ReturnType<typeof createApp>;
const outage = outageSwitch();
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  app = createApp({ db: outage.wrap(t.db), config: appConfigFromEnv(parseEnv({ HAILONG_TRUST_PROXY: '1' }), t.state.secret) });
  admin = await login(app);
});
afterAll(() => t.close());
beforeEach(() => outage.end());

const storedWithKey = async (clientKey: string) =>
  (await t.db.dbRead.selectFrom('responses').select('id').where('client_key', '=', clientKey).execute()).length;

const BUSY_VI = 'Hệ thống đang bận, xin thử lại sau giây lát';

function expectBusy(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  expect(res.headers.get('cache-control')).toBe('no-store');
}

describe('a submission while the database is unavailable', () => {
  it('JSON: 503 with Retry-After and a bilingual message; the same client key afterwards is stored once', async () => {
    const body = { clientKey: newClientKey(), token: await formToken(app, 'demo-land'), answers: { overall: 4 } };
    const send = () =>
      app.request('/q/demo-land', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    outage.start();
    const refused = await send();
    expectBusy(refused);
    const error = (await refused.json()) as { error: string; message: { vi: string; en: string } };
    expect(error.message.vi).toContain(BUSY_VI);
    expect(error.message.en).toBe('The system is busy; please try again in a moment.');
    expect((await send()).status).toBe(503);
    outage.end();
    expect(await storedWithKey(body.clientKey)).toBe(0);
    const first = await send();
    expect(first.status).toBe(201);
    const again = await send();
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(((await first.json()) as { id: number }).id);
    expect(await storedWithKey(body.clientKey)).toBe(1);
  });

  it('no-JS form: the form comes back (503, Retry-After) with the answers given, ready to send again', async () => {
    const html = await (await app.request('/q/demo-land?lang=vi')).text();
    const clientKey = /name="clientKey" value="([^"]+)"/.exec(html)![1]!;
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const fields = { token, clientKey, channel: 'qr', 'q.overall': '4', 'q.access_q': '2', comment: 'Chờ lâu quá' };
    outage.start();
    const res = await app.request('/q/demo-land?lang=vi', { method: 'POST', body: new URLSearchParams(fields) });
    expectBusy(res);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain(BUSY_VI);
    expect(page).toContain('Các câu trả lời của Ông/Bà vẫn được giữ');
    expect(page).toMatch(/name="q.overall" value="4" checked/);
    expect(page).toMatch(/name="q.access_q" value="2" checked/);
    expect(page).toContain('Chờ lâu quá</textarea>');
    expect(page).toContain(`name="clientKey" value="${clientKey}"`);
    outage.end();
    // Pressing Send again on that page: its fields as they are.
    const again = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(again.clientKey).toBe(clientKey);
    const sent = await app.request('/q/demo-land?lang=vi', {
      method: 'POST',
      body: new URLSearchParams({ ...again, 'q.overall': '4', 'q.access_q': '2', comment: 'Chờ lâu quá' }),
    });
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain('Cảm ơn Ông/Bà đã đánh giá!');
    expect(await storedWithKey(clientKey)).toBe(1);
  });

  it('no-JS form at a counter not read yet: a page that sends the same fields again, stored once', async () => {
    // A fresh app: its counter cache has never read demo-civil.
    const fresh = createApp({ db: outage.wrap(t.db), config: appConfigFromEnv(parseEnv({}), t.state.secret) });
    const token = await formToken(app, 'demo-civil');
    const clientKey = newClientKey();
    const fields = { token, clientKey, channel: 'qr', sector: 'justice', 'q.overall': '5', comment: 'Nhanh & gọn "tốt"' };
    outage.start();
    const res = await fresh.request('/q/demo-civil?lang=en', { method: 'POST', body: new URLSearchParams(fields) });
    expectBusy(res);
    const page = await res.text();
    expect(page).toContain('The system is busy; please try again in a moment. Your answers are kept');
    expect(page).toContain('<form method="post" action="/q/demo-civil?lang=en">');
    const resent = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
      ]),
    );
    expect(resent).toEqual(fields);
    outage.end();
    const sent = await fresh.request('/q/demo-civil?lang=en', { method: 'POST', body: new URLSearchParams(resent) });
    expect(sent.status).toBe(201);
    expect(await storedWithKey(clientKey)).toBe(1);
    const row = await t.db.dbRead
      .selectFrom('responses')
      .select(['comment', 'sector_code'])
      .where('client_key', '=', clientKey)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ comment: 'Nhanh & gọn "tốt"', sector_code: 'justice' });
  });
});

describe('pages and the analyst API while the database is unavailable', () => {
  it('a form page that cannot be read answers a friendly 503 page that reloads itself', async () => {
    const fresh = createApp({ db: outage.wrap(t.db), config: appConfigFromEnv(parseEnv({}), t.state.secret) });
    outage.start();
    const res = await fresh.request('/q/demo-health', { headers: { accept: 'text/html,application/xhtml+xml' } });
    expectBusy(res);
    const page = await res.text();
    expect(page).toContain('<h1>Hệ thống đang bận</h1>');
    expect(page).toContain(BUSY_VI);
    expect(page).toContain('<meta http-equiv="refresh" content="10"/>');
    outage.end();
    expect((await fresh.request('/q/demo-health')).status).toBe(200);
  });

  it('a form page read before still opens, from the counter it was read with', async () => {
    expect((await app.request('/q/demo-education')).status).toBe(200);
    outage.start();
    const res = await app.request('/q/demo-education');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="token"');
  });

  it('the analyst API answers 503 with Retry-After as JSON, then serves again', async () => {
    const stats = () => app.request('/api/stats?groupBy=sector', { headers: { cookie: admin, accept: 'application/json' } });
    outage.start();
    const res = await stats();
    expectBusy(res);
    expect(((await res.json()) as { message: { vi: string } }).message.vi).toContain(BUSY_VI);
    outage.end();
    expect((await stats()).status).toBe(200);
  });

  it('/healthz says degraded (503) while /livez stays ok, and both are ok again after', async () => {
    const health = async () => {
      const res = await app.request('/healthz');
      return { status: res.status, body: await res.json() };
    };
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: t.db.kind, databaseReachable: true } });
    await new Promise((r) => setTimeout(r, 1_100)); // the last answer is reused for a second
    outage.start();
    expect(await health()).toEqual({ status: 503, body: { status: 'degraded', database: t.db.kind, databaseReachable: false } });
    const live = await app.request('/livez');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    outage.end();
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await health()).status).toBe(200);
  });
});
