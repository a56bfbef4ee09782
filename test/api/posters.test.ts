import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter } from '../../db/counters';
import { upsertSectors } from '../../db/sectors';
import { createTenant } from '../../db/tenants';
import { createUnit } from '../../db/units';
import { createApp } from '../../server/app';
import { appConfigFromEnv } from '../../server/config/app-config';
import { parseEnv } from '../../server/config/env';
import { createTestApp, login, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://hailong.example.vn/';
const PUBLIC_BASE = 'https://hailong.example.vn';
// app.request() without a host answers as http://localhost
const LOCAL_BASE = 'http://localhost';
const DOSSIER = '000.00.17.H31-230101-0001';

let t: TestApp;
let publicApp: ReturnType<typeof createApp>;
let cookie: string;
const unitIds = new Map<string, number>();
let otherUnitId: number;

beforeAll(async () => {
  t = await createTestApp();
  // Same database and sessions, but started as if behind a proxy with HAILONG_PUBLIC_URL set.
  publicApp = createApp({ db: t.db, config: appConfigFromEnv(parseEnv({ HAILONG_PUBLIC_URL: PUBLIC_URL }), t.state.secret) });
  cookie = await login(t.app);
  // the units in force: a code is unique only among them (the demo's former ward Hiến Nam had 11953 too)
  const meta = (await (await t.app.request('/api/units', { headers: { cookie } })).json()) as { units: { id: number; code: string }[] };
  for (const u of meta.units) unitIds.set(u.code, u.id);

  const template = await t.db.dbRead
    .selectFrom('counters')
    .select(['survey_id', 'tenant_id'])
    .where('code', '=', 'demo-land')
    .executeTakeFirstOrThrow();
  // A retired counter at the one-stop office: it must get no poster.
  const retired = await createCounter(t.db.dbWrite, {
    tenant_id: template.tenant_id,
    unit_id: unitIds.get('33-TTPVHCC')!,
    code: 'demo-retired',
    name: 'Quầy đã đóng',
    survey_id: template.survey_id,
    sectors: ['land'],
  });
  await t.db.dbWrite.updateTable('counters').set({ retired_at: new Date() }).where('id', '=', retired.id).execute();
  // Another tenant, whose counters and units the demo admin must not see.
  const other = await createTenant(t.db.dbWrite, { code: 'other', name: 'Tỉnh khác' });
  await upsertSectors(t.db.dbWrite, other.id, [{ code: 'land', name: { vi: 'Đất đai', en: 'Land' } }]);
  const otherUnit = await createUnit(t.db.dbWrite, {
    tenant_id: other.id,
    parent_id: null,
    code: 'OT',
    name: 'Tỉnh khác',
    kind: 'province',
  });
  otherUnitId = otherUnit.id;
  await createCounter(t.db.dbWrite, {
    tenant_id: other.id,
    unit_id: otherUnit.id,
    code: 'other-land',
    name: 'Quầy của tỉnh khác',
    survey_id: template.survey_id,
    sectors: ['land'],
  });
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}, app = t.app) => app.request(path, { headers: { cookie, ...headers } });

/** Reads the QR code in a PNG as a phone camera would. */
async function decodeQr(res: Response): Promise<{ text: string; width: number }> {
  const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return { text: code.data, width: png.width };
}

const countersOnSheet = (html: string) => [...html.matchAll(/<section class="poster" data-counter="([^"]+)"/g)].map((m) => m[1]).sort();

describe('who may see posters', () => {
  it('refuses every poster address without a session: 401 JSON, or a page with a login link in a browser', async () => {
    for (const path of ['/posters/demo-land', '/posters/demo-land.svg', '/posters/demo-land.png', `/posters/unit/${unitIds.get('33')}`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { message: { vi: string } }).message.vi).toMatch(/đăng nhập/);
    }
    const page = await t.app.request('/posters/demo-land', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('href="/app/login"');
    expect(html).not.toContain('<svg');
  });
});

describe('GET /posters/:code', () => {
  it('is a printable A4 poster: QR, counter, unit, sectors, address and the invitation in both languages', async () => {
    const res = await get('/posters/demo-land');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toContain('<h1 class="counter">Quầy Đất đai</h1>');
    expect(html).toContain('<p class="unit">Trung tâm Phục vụ hành chính công tỉnh Hưng Yên</p>');
    expect(html).toMatch(/Lĩnh vực: <strong>Đất đai<\/strong>/);
    expect(html).toMatch(new RegExp(`data-testid="poster-url">${LOCAL_BASE}/q/demo-land</span>`));
    expect(html).toContain('Quét mã để đánh giá sự hài lòng');
    // The short form's 6 questions at 10 s each: one minute (surveys/answer-time.ts).
    expect(html).toContain('Chỉ mất khoảng 1 phút · không cần ghi tên');
    expect(html).toContain('Scan to rate our service — about 1 minute, anonymous');
    expect(html).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).toContain('@page{size:A4;');
    expect(html).toContain('href="/posters/demo-land.svg"');
    expect(html).toContain('href="/posters/demo-land.png"');
    expect(html).toMatch(/<button[^>]*data-print[^>]*data-testid="print"/);
    expect(countersOnSheet(html)).toEqual(['demo-land']);
  });

  it("promises the time of the counter's own form: the outpatient form's 21 questions take about 4 minutes", async () => {
    const html = await (await get('/posters/demo-health')).text();
    expect(html).toContain('Chỉ mất khoảng 4 phút · không cần ghi tên');
    expect(html).toContain('about 4 minutes, anonymous');
    expect(html).not.toContain('1 phút');
    // The education form: 17 questions, 170 s, rounded up to 3 minutes.
    expect(await (await get('/posters/demo-education')).text()).toContain('Chỉ mất khoảng 3 phút');
  });

  it('names every sector of a counter that serves several, in Vietnamese with English beneath', async () => {
    const html = await (await get('/posters/demo-investment')).text();
    expect(html).toContain('Lĩnh vực: <strong>Đầu tư · Đăng ký kinh doanh</strong>');
    expect(html).toContain('Investment · Business registration');
  });

  it('prints on A5 with ?size=a5', async () => {
    const html = await (await get('/posters/demo-land?size=a5')).text();
    expect(html).toContain('@page{size:A5;');
    expect(html).not.toContain('size:A4');
  });

  it('prints the configured public address (HAILONG_PUBLIC_URL), not the address the request came to', async () => {
    const html = await (await get('/posters/demo-land', {}, publicApp)).text();
    expect(html).toContain(`data-testid="poster-url">${PUBLIC_BASE}/q/demo-land</span>`);
    expect(html).not.toContain(`${LOCAL_BASE}/q/`);
    expect((await decodeQr(await get('/posters/demo-land.png', {}, publicApp))).text).toBe(`${PUBLIC_BASE}/q/demo-land`);
  });

  it('warns the administrator, in both languages and naming the setting, while HAILONG_PUBLIC_URL is not set', async () => {
    for (const path of ['/posters/demo-land', `/posters/unit/${unitIds.get('33-TTPVHCC')}`]) {
      const html = await (await get(path)).text();
      const warning = /<div class="warn" role="alert" data-testid="address-warning">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
      expect(warning, path).toContain('Chưa đặt địa chỉ công khai HAILONG_PUBLIC_URL');
      expect(warning).toContain(`Mã QR dưới đây trỏ tới ${LOCAL_BASE}`);
      expect(warning).toContain('HAILONG_PUBLIC_URL (the public address) is not set');
      expect(warning).toContain('<p lang="en">');
      // On the screen only: the toolbar it sits in is not printed.
      expect(html.indexOf('data-testid="address-warning"')).toBeLessThan(html.indexOf('</nav>'));
      expect(html).toContain('@media print{\n  body{background:#fff}\n  .toolbar{display:none}');
    }
  });

  it('warns when HAILONG_PUBLIC_URL points at this machine only, and says nothing when it is a public address', async () => {
    const local = createApp({
      db: t.db,
      config: appConfigFromEnv(parseEnv({ HAILONG_PUBLIC_URL: 'http://127.0.0.1:3000' }), t.state.secret),
    });
    const html = await (await get('/posters/demo-land', {}, local)).text();
    expect(html).toContain('data-testid="address-warning"');
    expect(html).toContain('HAILONG_PUBLIC_URL đang là http://127.0.0.1:3000: chỉ chính máy chủ mở được địa chỉ này');
    expect(html).toContain('HAILONG_PUBLIC_URL only works on the server itself');

    for (const path of ['/posters/demo-land', `/posters/unit/${unitIds.get('33-TTPVHCC')}`]) {
      const configured = await (await get(path, {}, publicApp)).text();
      expect(configured, path).not.toContain('address-warning');
      expect(configured).not.toContain('HAILONG_PUBLIC_URL');
    }
  });

  it("says 404 for an unknown, malformed, retired or other tenant's counter", async () => {
    for (const code of ['no-such-counter', 'Demo_Land', 'demo-retired', 'other-land']) {
      for (const suffix of ['', '.svg', '.png']) {
        const res = await get(`/posters/${code}${suffix}`);
        expect(res.status, code + suffix).toBe(404);
        expect(((await res.json()) as { message: { en: string } }).message.en).toMatch(/No such counter/);
      }
    }
    const page = await get('/posters/no-such-counter', { accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Không tìm thấy quầy này');
  });
});

describe('GET /posters/:code.png and .svg', () => {
  it('downloads a print-size PNG whose QR reads exactly the counter address', async () => {
    const res = await get('/posters/demo-land.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hailong-qr-demo-land.png"');
    const { text, width } = await decodeQr(res);
    expect(text).toBe(`${LOCAL_BASE}/q/demo-land`);
    expect(width).toBeGreaterThanOrEqual(1024);
  });

  it('downloads an SVG with the address written under the code', async () => {
    const res = await get('/posters/demo-health.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hailong-qr-demo-health.svg"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`>${LOCAL_BASE}/q/demo-health</text>`);
    expect(svg).not.toMatch(/<script/i);
  });
});

describe('GET /posters/unit/:unitId', () => {
  it('prints one poster per counter of the unit and its whole subtree, and nothing else', async () => {
    const centre = await get(`/posters/unit/${unitIds.get('33-TTPVHCC')}`);
    expect(centre.status).toBe(200);
    const centreHtml = await centre.text();
    expect(countersOnSheet(centreHtml)).toEqual(['demo-construction', 'demo-investment', 'demo-land']);
    expect(centreHtml).toContain('break-after:page');
    expect(centreHtml).toContain(`${LOCAL_BASE}/q/demo-land`);
    expect(centreHtml).toContain('Trung tâm Phục vụ hành chính công tỉnh Hưng Yên');

    const civilWard = await (await get(`/posters/unit/${unitIds.get('11953')}`)).text();
    expect(countersOnSheet(civilWard)).toEqual(['demo-an-tao', 'demo-civil']);
    expect(civilWard).toContain('Phường Phố Hiến');

    const province = await (await get(`/posters/unit/${unitIds.get('33')}`)).text();
    expect(countersOnSheet(province)).toEqual([
      'demo-an-tao',
      'demo-civil',
      'demo-construction',
      'demo-education',
      'demo-health',
      'demo-investment',
      'demo-land',
    ]);
    expect(province.match(/<svg /g)?.length).toBe(7);

    const school = await (await get(`/posters/unit/${unitIds.get('33-THPT-CHUYEN')}?size=a5`)).text();
    expect(countersOnSheet(school)).toEqual(['demo-education']);
    expect(school).toContain('@page{size:A5;');

    const ward = await (await get(`/posters/unit/${unitIds.get('11980')}`)).text();
    expect(countersOnSheet(ward)).toEqual([]);
    expect(ward).toContain('chưa có quầy nào');
  });

  it('says 404 for a unit of another tenant or no unit at all', async () => {
    for (const id of [otherUnitId, 999_999, 99_999_999_999]) {
      const res = await get(`/posters/unit/${id}`);
      expect(res.status, String(id)).toBe(404);
      expect(((await res.json()) as { message: { en: string } }).message.en).toBe('No such unit.');
    }
  });
});

describe('GET /posters/:code/receipt.(svg|png)?dossier=… (public)', () => {
  it('gives a one-stop system, without a session, a QR that opens the form with the dossier code', async () => {
    const res = await t.app.request(`/posters/demo-land/receipt.png?dossier=${encodeURIComponent(DOSSIER)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await decodeQr(res)).text).toBe(`${LOCAL_BASE}/q/demo-land?dossier=${encodeURIComponent(DOSSIER)}`);
    expect(`${LOCAL_BASE}/q/demo-land?dossier=${encodeURIComponent(DOSSIER)}`).toBe(
      `${LOCAL_BASE}/q/demo-land?dossier=000.00.17.H31-230101-0001`,
    );

    const svg = await t.app.request(`/posters/demo-land/receipt.svg?dossier=${DOSSIER}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox/);
  });

  it('normalises a code typed in lower case with blanks, and uses the public address when configured', async () => {
    const res = await publicApp.request(`/posters/demo-civil/receipt.png?dossier=${encodeURIComponent(' 000.00.17.h31-230101-0001 ')}`);
    expect(res.status).toBe(200);
    expect((await decodeQr(res)).text).toBe(`${PUBLIC_BASE}/q/demo-civil?dossier=${DOSSIER}`);
  });

  it('refuses a malformed or missing dossier code with 422 in both languages', async () => {
    for (const query of ['?dossier=12345', '?dossier=000.00.17.H31-231301-0001', '?dossier=', '', `?dossier=${DOSSIER}%3Cscript%3E`]) {
      for (const ext of ['svg', 'png']) {
        const res = await t.app.request(`/posters/demo-land/receipt.${ext}${query}`);
        expect(res.status, query + ext).toBe(422);
        const body = (await res.json()) as { message: { vi: string; en: string }; fields: Record<string, unknown> };
        expect(body.message.vi).toContain('Mã hồ sơ không đúng định dạng');
        expect(body.message.en).toContain('000.00.17.H31-230101-0001');
        expect(Object.keys(body.fields)).toEqual(['dossier']);
      }
    }
  });

  it('says 404 for an unknown or retired counter', async () => {
    for (const code of ['no-such-counter', 'demo-retired']) {
      const res = await t.app.request(`/posters/${code}/receipt.png?dossier=${DOSSIER}`);
      expect(res.status, code).toBe(404);
    }
  });
});
