import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app);
});
afterAll(() => t.close());

/**
 * Draws the QR encoder's SVG (one path of horizontal runs, "M x y.5 h n m dx dy …", in modules)
 * into pixels, 8 to a module, so jsQR can read it as a camera would.
 */
function readSvgQr(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  const scale = 8;
  const px = size * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a);
    if (op === 'M') [x, y] = [n, Number(b)];
    else if (op === 'm') [x, y] = [x + n, y + Number(b)];
    else {
      const row = Math.floor(y);
      for (let col = x; col < x + n; col++)
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++)
            data.fill(0, ((row * scale + dy) * px + col * scale + dx) * 4, ((row * scale + dy) * px + col * scale + dx) * 4 + 3);
      x += n;
    }
  }
  return jsQR(data, px, px)?.data;
}

const poster = async (path: string) => (await t.app.request(path, { headers: { cookie } })).text();

describe('the public results link on a counter poster', () => {
  it('is not there while the tenant does not publish its results', async () => {
    const html = await poster('/posters/demo-land');
    expect(html).not.toContain('data-testid="poster-results"');
    expect(html).not.toContain('/cong-khai/');
  });

  it('is there once results are public: the unit’s page address, in words and as a QR that reads back to it', async () => {
    const on = await t.app.request('/api/public-results/settings', {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ enabled: true, showComplaints: true, showPublishedCases: true, threshold: 10 }),
    });
    expect(on.status).toBe(200);
    const counter = await t.db.dbRead.selectFrom('counters').select('unit_id').where('code', '=', 'demo-land').executeTakeFirstOrThrow();
    const expected = `http://localhost/cong-khai/${counter.unit_id}`;
    for (const path of ['/posters/demo-land', '/posters/demo-land?size=a5']) {
      const html = await poster(path);
      expect(html).toContain(`<span class="url" data-testid="poster-results-url">${expected}</span>`);
      expect(html).toContain('Kết quả khảo sát của đơn vị được công khai tại');
      const block = /<div class="results-qr"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)![1]!;
      expect(readSvgQr(block)).toBe(expected);
      // The counter's own code still reads as the counter's address.
      const main = /<div class="qr"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)![1]!;
      expect(readSvgQr(main)).toBe('http://localhost/q/demo-land');
    }
    // The link leads to a page that answers, without a login.
    expect((await t.app.request(`/cong-khai/${counter.unit_id}`)).status).toBe(200);
    // A unit's sheet of posters carries it on each poster of the unit's counters.
    const sheet = await poster(`/posters/unit/${counter.unit_id}`);
    expect(sheet).toContain(expected);
  });
});
