import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups } from '../../db/stats';
import { storePendingResponses, storeResponses } from '../../db/responses';
import { createActivityLoader, recentActivities } from '../../db/visit-signals';
import { sourceHash } from '../../server/http/source-hash';
import { randomResponses } from '../support/random-responses';
import { dbSnapshot } from '../support/db-snapshot';
import { createTestApp, formToken, login, newClientKey, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ HAILONG_BURST_MAX: '3', HAILONG_KIOSK_INTERVAL_SECONDS: '10' });
  cookie = await login(t.app);
});
afterAll(() => t.close());

const from = (ip: string) => ({ 'x-forwarded-for': ip });
async function submitFrom(ip: string, code: string, body: Record<string, unknown>) {
  return t.app.request(`/q/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from(ip) },
    body: JSON.stringify({ clientKey: newClientKey(), token: await formToken(t.app, code), ...body }),
  });
}
const api = async <T>(path: string, init: RequestInit = {}) => {
  const res = await t.app.request(path, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
  return { status: res.status, body: (await res.json()) as T };
};

describe('one rating per dossier', () => {
  it('refuses a second rating of the same dossier kindly, storing one', async () => {
    const dossierCode = '000.00.17.H31-230101-0042';
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, dossierCode })).status).toBe(201);
    const before = await dbSnapshot(t.db);
    const second = await submitJson(t.app, 'demo-construction', { answers: { overall: 1 }, dossierCode: ` ${dossierCode.toLowerCase()} ` });
    expect(second.status).toBe(409);
    const body = (await second.json()) as { message: { vi: string }; fields: Record<string, unknown> };
    expect(body.message.vi).toContain('Hồ sơ này đã được đánh giá rồi');
    expect(body.fields).toHaveProperty('_dossier_code');
    expect(await dbSnapshot(t.db)).toEqual(before);
  });

  it('opens the form with the dossier code of a receipt-slip QR filled in', async () => {
    const html = await (await t.app.request('/q/demo-land?dossier=000.00.17.H31-230101-0007')).text();
    expect(html).toMatch(/name="dossierCode" value="000\.00\.17\.H31-230101-0007"/);
  });
});

describe('the language switch', () => {
  it('is a link to the page in the other language, so its address says the language and a reload asks nothing', async () => {
    const html = await (await t.app.request('/q/demo-land')).text();
    expect(html).toContain('<a class="lang" href="/q/demo-land?lang=en" hreflang="en" lang="en">English</a>');
    expect(html).not.toContain('name="switchLang"');
    const english = await (await t.app.request('/q/demo-land?lang=en&kiosk=1')).text();
    expect(english).toContain('<a class="lang" href="/q/demo-land?lang=vi&amp;kiosk=1" hreflang="vi" lang="vi">Tiếng Việt</a>');
  });

  it("keeps a receipt's dossier code in the link, and nothing else that was typed into the address", async () => {
    const html = await (await t.app.request('/q/demo-land?dossier=000.00.17.h31-230101-0007')).text();
    expect(html).toContain('href="/q/demo-land?lang=en&amp;dossier=000.00.17.H31-230101-0007"');
    const odd = await (await t.app.request(`/q/demo-land?dossier=${encodeURIComponent('"><b>x')}`)).text();
    expect(odd).toContain('href="/q/demo-land?lang=en" hreflang');
  });

  it('takes a switch posted by a page from before (kept by a service worker) as a switch: 303 to the address, nothing stored', async () => {
    const html = await (await t.app.request('/q/demo-land')).text();
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const clientKey = /name="clientKey" value="([^"]+)"/.exec(html)![1]!;
    const before = await dbSnapshot(t.db);
    const res = await t.app.request('/q/demo-land?lang=vi', {
      method: 'POST',
      body: new URLSearchParams({ token, clientKey, 'q.overall': '4', 'q.access_q': 'na', comment: 'Nhanh', switchLang: 'en' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/q/demo-land?lang=en');
    expect(await dbSnapshot(t.db)).toEqual(before);
  });
});

describe('bursts from one sender', () => {
  it('are stored but flagged past the limit, left out of rates until an analyst clears them', async () => {
    const statsBefore = (await api<{ overall: { n: number }; excluded: { flagged: number } }>('/api/stats?sector=investment')).body;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await submitFrom('203.0.113.9', 'demo-investment', { answers: { overall: 1 } })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    // another sender at the same counter is not affected
    expect((await submitFrom('198.51.100.4', 'demo-investment', { answers: { overall: 5 } })).status).toBe(201);

    const rows = await sql<{ flags: string[]; origin_hash: string | null }>`
      select flags, origin_hash from responses where sector_code = 'investment' order by id`.execute(t.db.dbRead);
    expect(rows.rows.map((r) => r.flags.join(','))).toEqual(['', '', '', 'burst', 'burst', '']);
    // no address in clear anywhere in the row
    const raw = await sql<{ row: string }>`select r::text as row from responses r where sector_code = 'investment'`.execute(t.db.dbRead);
    for (const r of raw.rows) expect(r.row).not.toContain('203.0.113.9');

    const stats = (await api<{ overall: { n: number }; excluded: { flagged: number } }>('/api/stats?sector=investment')).body;
    expect(stats.overall.n).toBe(statsBefore.overall.n + 4);
    expect(stats.excluded.flagged).toBe(2);

    const flagged = (await api<{ total: number; items: { id: number; flags: string[]; counter: { code: string } }[] }>('/api/flagged'))
      .body;
    expect(flagged.total).toBe(2);
    expect(flagged.items.every((f) => f.flags.includes('burst') && f.counter.code === 'demo-investment')).toBe(true);

    const clear = await api<{ cleared: boolean }>(`/api/flagged/${flagged.items[0]!.id}/clear`, { method: 'POST' });
    expect(clear).toEqual({ status: 200, body: { id: flagged.items[0]!.id, cleared: true } });
    expect((await api(`/api/flagged/${flagged.items[0]!.id}/clear`, { method: 'POST' })).status).toBe(404);
    const after = (await api<{ overall: { n: number }; excluded: { flagged: number } }>('/api/stats?sector=investment')).body;
    expect(after.overall.n).toBe(stats.overall.n + 1);
    expect(after.excluded.flagged).toBe(1);

    const filter = { tenantId: t.state.tenantId, from: '2020-01-01', to: '2030-12-31' };
    expect(await satisfiedCountsFromRollups(t.db.dbRead, filter, 'counter')).toEqual(
      await satisfiedCountsFromResponses(t.db.dbRead, filter, 'counter'),
    );
  });

  it('are also seen by the browser key when the address changes', async () => {
    const deviceKey = 'device-key-for-test-1';
    for (let i = 0; i < 3; i++)
      expect((await submitFrom(`192.0.2.${i + 1}`, 'demo-health', { answers: { overall: 4 }, deviceKey })).status).toBe(201);
    expect((await submitFrom('192.0.2.99', 'demo-health', { answers: { overall: 4 }, deviceKey })).status).toBe(201);
    const rows = await sql<{ flags: string[] }>`select flags from responses where sector_code = 'health' order by id`.execute(t.db.dbRead);
    expect(rows.rows.map((r) => r.flags.join(','))).toEqual(['', '', '', 'burst']);
  });

  it('count the answers a server whose clock runs a few minutes ahead stored', async () => {
    const now = new Date();
    const base = await randomResponses(t.db, { count: 4, seed: 7, codes: ['demo-civil'], from: now, days: 0 });
    const sender = { origin_hash: 'origin-ahead', device_hash: null, flags: [] };
    const ahead = new Date(now.getTime() + 5 * 60_000);
    await storeResponses(
      t.db.dbWrite,
      base.slice(0, 3).map((r) => ({ ...r, ...sender, submitted_at: ahead })),
    );
    const burst = { max: 3, since: new Date(now.getTime() - 10 * 60_000) };
    const [stored] = await storePendingResponses(t.db.dbWrite, [{ item: { ...base[3]!, ...sender, submitted_at: now }, burst }]);
    const row = await sql<{ flags: string[] }>`select flags from responses where id = ${stored!.id}`.execute(t.db.dbRead);
    expect(row.rows[0]!.flags).toEqual(['burst']);
  });

  it('use a keyed hash that changes every day', () => {
    const a = sourceHash('secret', '2026-03-01', 'origin', '203.0.113.9');
    expect(a).toBe(sourceHash('secret', '2026-03-01', 'origin', '203.0.113.9'));
    expect(a).not.toBe(sourceHash('secret', '2026-03-02', 'origin', '203.0.113.9'));
    expect(a).not.toBe(sourceHash('other', '2026-03-01', 'origin', '203.0.113.9'));
    expect(a).toHaveLength(22);
    expect(sourceHash('secret', '2026-03-01', 'origin', null)).toBeNull();
  });
});

describe('burst checks of submissions arriving together', () => {
  it('are answered by one query, each sender with its own counts', async () => {
    const base = await randomResponses(t.db, {
      count: 6,
      seed: 31,
      codes: ['demo-education'],
      from: new Date('2026-03-02T02:00:00Z'),
      days: 0,
    });
    const sender = (i: number) => ({ origin_hash: i < 3 ? 'origin-a' : 'origin-b', device_hash: i < 2 ? 'device-a' : null });
    await storeResponses(
      t.db.dbWrite,
      base.map((r, i) => ({ ...r, ...sender(i), submitted_at: new Date(Date.parse('2026-03-02T02:00:00Z') + i * 60_000) })),
    );
    const counterId = base[0]!.counter_id!;
    const since = new Date('2026-03-02T01:00:00Z');
    const queries = [
      { counterId, originHash: 'origin-a', deviceHash: null, since },
      { counterId, originHash: 'origin-b', deviceHash: 'device-a', since },
      { counterId, originHash: 'origin-a', deviceHash: null, since: new Date('2026-03-02T02:01:30Z') },
      { counterId, originHash: 'nobody', deviceHash: 'nothing', since },
      { counterId: counterId + 1000, originHash: 'origin-a', deviceHash: null, since },
    ];
    const expected = [
      { fromOrigin: 3, fromDevice: 0, lastAt: new Date('2026-03-02T02:02:00Z') },
      { fromOrigin: 3, fromDevice: 2, lastAt: new Date('2026-03-02T02:05:00Z') },
      { fromOrigin: 1, fromDevice: 0, lastAt: new Date('2026-03-02T02:02:00Z') },
      { fromOrigin: 0, fromDevice: 0, lastAt: null },
      { fromOrigin: 0, fromDevice: 0, lastAt: null },
    ];
    expect(await recentActivities(t.db.dbRead, queries)).toEqual(expected);
    const load = createActivityLoader(t.db.dbRead);
    expect(await Promise.all(queries.map(load))).toEqual(expected);
  });
});

describe('kiosk mode', () => {
  it('paces the tablet: a second answer within the interval is refused with 429, storing nothing', async () => {
    const deviceKey = 'kiosk-tablet-0001';
    expect((await submitFrom('10.0.0.5', 'demo-civil', { answers: { overall: 5 }, channel: 'kiosk', deviceKey })).status).toBe(201);
    const before = await dbSnapshot(t.db);
    const tooSoon = await submitFrom('10.0.0.5', 'demo-civil', { answers: { overall: 4 }, channel: 'kiosk', deviceKey });
    expect(tooSoon.status).toBe(429);
    expect(((await tooSoon.json()) as { message: { vi: string } }).message.vi).toMatch(/Máy đánh giá tại quầy nghỉ vài giây/);
    expect(await dbSnapshot(t.db)).toEqual(before);
    // a phone on the same Wi-Fi is not paced by the kiosk
    expect((await submitFrom('10.0.0.5', 'demo-civil', { answers: { overall: 4 }, deviceKey: 'a-phone-key-1' })).status).toBe(201);
  });

  it('serves a form that says it is a kiosk, and a thank-you page that returns to a fresh form', async () => {
    const html = await (await t.app.request('/q/demo-education?kiosk=1')).text();
    expect(html).toMatch(/data-kiosk="10"/);
    expect(html).toContain('name="channel" value="kiosk"');
    expect(html).toContain('action="/q/demo-education?lang=vi&amp;kiosk=1"');
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const answers = Object.fromEntries([...html.matchAll(/name="(q\.[a-z_0-9]+)" value="5"/g)].map((m) => [m[1]!, '5']));
    const res = await t.app.request('/q/demo-education?lang=vi&kiosk=1', {
      method: 'POST',
      headers: from('10.9.9.9'),
      body: new URLSearchParams({ token, clientKey: newClientKey(), channel: 'kiosk', ...answers, 'q.respondent_type': '1' }),
    });
    expect(res.status).toBe(201);
    const thanks = await res.text();
    expect(thanks).toContain('<meta http-equiv="refresh" content="10;url=/q/demo-education?lang=vi&amp;kiosk=1"/>');
    expect(thanks).not.toContain('<a ');
    const row = await sql<{
      channel: string;
      satisfied: boolean;
    }>`select channel, satisfied from responses order by id desc limit 1`.execute(t.db.dbRead);
    expect(row.rows[0]).toEqual({ channel: 'kiosk', satisfied: true });
  });

  it('is one setting per counter, changed by an administrator', async () => {
    const set = await api<{ code: string; kiosk: boolean }>('/api/counters/demo-land', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kiosk: true }),
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ code: 'demo-land', kiosk: true });
    const html = await (await t.app.request('/q/demo-land')).text();
    expect(html).toContain('name="channel" value="kiosk"');
    const off = await api('/api/counters/demo-land', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kiosk: false }),
    });
    expect(off.status).toBe(200);
    expect(await (await t.app.request('/q/demo-land')).text()).toContain('name="channel" value="qr"');
    const bad = await api('/api/counters/demo-land', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kiosk: 'yes' }),
    });
    expect(bad.status).toBe(422);
    expect(
      (
        await api('/api/counters/nope-counter', {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kiosk: true }),
        })
      ).status,
    ).toBe(404);
  });
});
