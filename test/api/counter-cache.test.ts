import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCounter, findActiveCounter } from '../../db/counters';
import { ensureSurveyVersion } from '../../db/surveys';
import { COUNTER_CACHE_TTL_MS, createCounterCache } from '../../server/citizen/counter-cache';
import { renderSurveyFormPage } from '../../server/citizen/survey-form-page';
import { EMPTY_VALUES } from '../../surveys/form-fields';
import { sipasCounterShort } from '../../surveys/instruments';
import { outageSwitch } from '../support/outage-switch';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
});
afterAll(() => t.close());

const page = async (path: string) => (await t.app.request(path)).text();
const hiddenValue = (html: string, name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))![1]!;

describe('GET /q/:code from the cached counter and page', () => {
  it('serves the same bytes as a fresh full render over a fresh database read', async () => {
    for (const [code, query, lang, kiosk, dossierCode] of [
      ['demo-land', '', 'vi', false, ''],
      ['demo-civil', '?lang=en&kiosk=1', 'en', true, ''],
      ['demo-health', `?dossier=${encodeURIComponent('000.00.17.H31-230101-0001"&<x>')}`, 'vi', false, '000.00.17.H31-230101-0001"&<x>'],
    ] as const) {
      await page(`/q/${code}${query}`); // fills the caches
      const html = await page(`/q/${code}${query}`);
      const counter = (await findActiveCounter(t.db.dbRead, code))!;
      const fresh = renderSurveyFormPage({
        counter,
        lang,
        kiosk,
        kioskIntervalSeconds: 10,
        kioskIdleSeconds: 60,
        token: hiddenValue(html, 'token'),
        clientKey: hiddenValue(html, 'clientKey'),
        values: { ...EMPTY_VALUES, dossierCode },
        errors: {},
      });
      expect(html).toBe(fresh);
    }
  });

  it('gives every request its own token and client key', async () => {
    const [a, b] = [await page('/q/demo-land'), await page('/q/demo-land')];
    expect(hiddenValue(a, 'token')).not.toBe(hiddenValue(b, 'token'));
    expect(hiddenValue(a, 'clientKey')).not.toBe(hiddenValue(b, 'clientKey'));
  });

  it('shows a new survey version on the very next request', async () => {
    expect(await page('/q/demo-construction')).toContain(`<h1>${sipasCounterShort.title.vi}</h1>`);
    const next = { ...sipasCounterShort, version: sipasCounterShort.version + 1, title: { vi: 'Phiếu mới hơn', en: 'A newer form' } };
    await ensureSurveyVersion(t.db.dbWrite, t.state.tenantId, next);
    expect(await page('/q/demo-construction')).toContain('<h1>Phiếu mới hơn</h1>');
    expect(await page('/q/demo-construction?lang=en')).toContain('<h1>A newer form</h1>');
  });

  it('shows a changed retention period and kiosk setting on the very next request', async () => {
    expect(await page('/q/demo-education')).toContain('sau 24 tháng');
    const put = await t.app.request('/api/privacy/retention', {
      method: 'PUT',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ months: 18 }),
    });
    expect(put.status).toBe(200);
    expect(await page('/q/demo-education')).toContain('sau 18 tháng');

    expect(await page('/q/demo-education')).toContain('name="channel" value="qr"');
    const patch = await t.app.request('/api/counters/demo-education', {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ kiosk: true }),
    });
    expect(patch.status).toBe(200);
    expect(await page('/q/demo-education')).toContain('name="channel" value="kiosk"');
  });

  it('finds a counter created after its code was asked for and not found', async () => {
    expect((await t.app.request('/q/new-counter')).status).toBe(404);
    const land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
    await createCounter(t.db.dbWrite, {
      tenant_id: land.tenant_id,
      unit_id: land.unit_id,
      code: 'new-counter',
      name: 'Quầy mới',
      survey_id: land.survey_id,
      sectors: ['land'],
    });
    const res = await t.app.request('/q/new-counter');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Quầy mới');
  });
});

describe('createCounterCache', () => {
  it('sees an edit made elsewhere (another process, plain SQL) once the time-to-live has run out, not before', async () => {
    let clock = 1_000_000;
    const activeCounter = createCounterCache(t.db.dbRead, { now: () => clock });
    expect((await activeCounter('demo-investment'))!.name).toBe('Quầy Đầu tư – Kinh doanh');

    await sql`update counters set name = 'Quầy Đầu tư (mới)' where code = 'demo-investment'`.execute(t.db.dbWrite);
    clock += COUNTER_CACHE_TTL_MS - 1;
    expect((await activeCounter('demo-investment'))!.name).toBe('Quầy Đầu tư – Kinh doanh');
    clock += 1;
    expect((await activeCounter('demo-investment'))!.name).toBe('Quầy Đầu tư (mới)');

    await sql`update counters set retired_at = now() where code = 'demo-investment'`.execute(t.db.dbWrite);
    clock += COUNTER_CACHE_TTL_MS;
    expect(await activeCounter('demo-investment')).toBeUndefined();
  });

  it('asks the database once for many requests, and reloads a busy counter before it expires so no request waits', async () => {
    let results = 0;
    const counting = t.db.dbRead.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        results++;
        return args.result;
      },
    });
    let clock = 0;
    const activeCounter = createCounterCache(counting, { now: () => clock });
    const found = await Promise.all(Array.from({ length: 20 }, () => activeCounter('demo-health')));
    expect(new Set(found).size).toBe(1);
    expect(found[0]!.name).toBe('Quầy tiếp đón Khoa Khám bệnh');
    expect(results).toBe(3);
    clock = COUNTER_CACHE_TTL_MS / 2;
    expect(await activeCounter('demo-health')).toBe(found[0]);
    expect(results).toBe(3);

    // Near the end of its life: still served from memory, reloaded behind the scenes.
    await sql`update counters set name = 'Khoa Khám bệnh' where code = 'demo-health'`.execute(t.db.dbWrite);
    clock = COUNTER_CACHE_TTL_MS * 0.9;
    expect((await activeCounter('demo-health'))!.name).toBe('Quầy tiếp đón Khoa Khám bệnh');
    await vi.waitFor(async () => expect((await activeCounter('demo-health'))!.name).toBe('Khoa Khám bệnh'));
    const reloaded = await activeCounter('demo-health');
    expect(results).toBe(6);

    // Reloaded again unchanged: the very same object stays (its rendered pages with it), and
    // past the earlier entry's life no request queries.
    clock = COUNTER_CACHE_TTL_MS * 1.9 - 1;
    expect(await activeCounter('demo-health')).toBe(reloaded);
    await vi.waitFor(() => expect(results).toBe(9));
    await new Promise((resolve) => setTimeout(resolve, 10));
    clock = COUNTER_CACHE_TTL_MS * 1.9 + 1;
    expect(await activeCounter('demo-health')).toBe(reloaded);
    expect(results).toBe(9);
  });

  it('serves the last good value while the database fails, in the background reload and past the time-to-live', async () => {
    const outage = outageSwitch();
    let clock = 0;
    const activeCounter = createCounterCache(t.db.dbRead.withPlugin(outage.plugin), { now: () => clock });
    const good = (await activeCounter('demo-construction'))!;
    expect(good.name).toBe('Quầy Xây dựng');
    expect(await activeCounter('no-such-counter')).toBeUndefined();

    outage.start();
    // The background reload near the end of its life fails: the entry is served on.
    clock = COUNTER_CACHE_TTL_MS * 0.9;
    expect(await activeCounter('demo-construction')).toBe(good);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Long past its time-to-live, several times over: the last good value, not an error.
    for (const at of [COUNTER_CACHE_TTL_MS * 3, COUNTER_CACHE_TTL_MS * 50]) {
      clock = at;
      expect(await activeCounter('demo-construction')).toBe(good);
      expect(await activeCounter('no-such-counter')).toBeUndefined();
    }
    // A code never read has nothing to fall back on: the outage shows, and is not remembered.
    await expect(activeCounter('demo-civil')).rejects.toThrow(/ECONNREFUSED/);

    outage.end();
    await sql`update counters set name = 'Quầy Xây dựng (mới)' where code = 'demo-construction'`.execute(t.db.dbWrite);
    clock = COUNTER_CACHE_TTL_MS * 100;
    expect((await activeCounter('demo-construction'))!.name).toBe('Quầy Xây dựng (mới)');
    expect((await activeCounter('demo-civil'))!.name).toBe('Quầy Hộ tịch – Tư pháp');
    await sql`update counters set name = 'Quầy Xây dựng' where code = 'demo-construction'`.execute(t.db.dbWrite);
  });
});
