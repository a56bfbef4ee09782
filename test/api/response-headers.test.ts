import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, login, submitJson, type TestApp } from '../support/test-app';

// Two apps: one behind a proxy it trusts (HAILONG_TRUST_PROXY=1), one trusting nobody.
let proxied: TestApp;
let direct: TestApp;
let cookie: string;
beforeAll(async () => {
  [proxied, direct] = await Promise.all([createTestApp({ HAILONG_TRUST_PROXY: '1' }), createTestApp({ HAILONG_TRUST_PROXY: '0' })]);
  cookie = await login(proxied.app);
});
afterAll(async () => {
  await Promise.all([proxied?.close(), direct?.close()]);
});

const loginAt = (t: TestApp, url: string, headers: Record<string, string> = {}) =>
  t.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });

/** The attributes of the session cookie a login sets, lower-cased. */
async function cookieAttributes(res: Response): Promise<string[]> {
  expect(res.status).toBe(200);
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/^hailong_session=/);
  return set
    .split(';')
    .slice(1)
    .map((a) => a.trim().split('=')[0]!.toLowerCase());
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, without Secure over plain http', async () => {
    const attributes = await cookieAttributes(await loginAt(direct, 'http://localhost/api/auth/login'));
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite']));
    expect(attributes).not.toContain('secure');
  });

  it('is Secure over https', async () => {
    expect(await cookieAttributes(await loginAt(direct, 'https://localhost/api/auth/login'))).toContain('secure');
  });

  it('is Secure behind a trusted proxy that ended TLS (X-Forwarded-Proto: https)', async () => {
    const attributes = await cookieAttributes(await loginAt(proxied, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'https' }));
    expect(attributes).toContain('secure');
    expect(
      await cookieAttributes(await loginAt(proxied, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'http' })),
    ).not.toContain('secure');
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const attributes = await cookieAttributes(await loginAt(direct, 'http://localhost/api/auth/login', { 'x-forwarded-proto': 'https' }));
    expect(attributes).not.toContain('secure');
  });
});

describe('Strict-Transport-Security', () => {
  const hsts = async (t: TestApp, url: string, headers: Record<string, string> = {}) =>
    (await t.app.request(url, { headers })).headers.get('strict-transport-security');

  it('is sent over https, directly or through a trusted proxy', async () => {
    expect(await hsts(direct, 'https://localhost/q/demo-land')).toBe('max-age=15552000; includeSubDomains');
    expect(await hsts(proxied, 'http://localhost/q/demo-land', { 'x-forwarded-proto': 'https' })).toBe(
      'max-age=15552000; includeSubDomains',
    );
  });

  it('is not sent over plain http, nor on an untrusted claim of https', async () => {
    expect(await hsts(direct, 'http://localhost/q/demo-land')).toBeNull();
    expect(await hsts(proxied, 'http://localhost/q/demo-land')).toBeNull();
    expect(await hsts(direct, 'http://localhost/q/demo-land', { 'x-forwarded-proto': 'https' })).toBeNull();
  });

  describe('over a real socket', () => {
    let server: ServerType;
    let port: number;
    beforeAll(async () => {
      server = serve({ fetch: direct.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    const rawGet = (target: string) =>
      new Promise<string>((done, fail) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
        );
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.on('end', () => done(answer.split('\r\n\r\n')[0]!.toLowerCase()));
        socket.on('error', fail);
      });

    it('is not sent on plain http even when the client writes an absolute https:// address', async () => {
      const plain = await rawGet('/healthz');
      expect(plain).toMatch(/^http\/1\.1 200/);
      expect(plain).not.toContain('strict-transport-security');
      const claimed = await rawGet(`https://127.0.0.1:${port}/healthz`);
      expect(claimed).toMatch(/^http\/1\.1 200/);
      expect(claimed).not.toContain('strict-transport-security');
    });
  });
});

describe('Cache-Control: no-store on what needs a login', () => {
  const cacheOf = async (path: string, withCookie = true) => {
    const res = await proxied.app.request(path, { headers: withCookie ? { cookie } : {} });
    await res.arrayBuffer();
    return { status: res.status, cache: res.headers.get('cache-control') };
  };

  it.each([
    '/api/auth/me',
    '/api/meta',
    '/api/stats?groupBy=sector',
    '/api/comments',
    '/api/exports/responses.csv',
    '/api/reports?kind=year&year=2026',
    '/reports/print?kind=year&year=2026',
    '/exports/codebook',
    '/posters/demo-land',
    '/posters/demo-land.svg',
  ])('%s', async (path) => {
    expect(await cacheOf(path)).toEqual({ status: 200, cache: 'no-store' });
  });

  it('also on refusals: no session, bad filter, unknown address under /api/', async () => {
    expect(await cacheOf('/api/stats', false)).toEqual({ status: 401, cache: 'no-store' });
    expect(await cacheOf('/api/stats?from=2026-02-30')).toEqual({ status: 400, cache: 'no-store' });
    expect(await cacheOf('/api/nothing-here')).toEqual({ status: 404, cache: 'no-store' });
  });

  it('but not on the public receipt QR, which one-stop systems may cache', async () => {
    expect(await cacheOf('/posters/demo-land/receipt.svg?dossier=000.00.17.H31-230101-0001', false)).toEqual({
      status: 200,
      cache: 'public, max-age=86400',
    });
  });
});

describe('Permissions-Policy', () => {
  it.each(['/q/demo-land', '/api/auth/me', '/healthz', '/reports/print?kind=year&year=2026'])(
    '%s asks for no device feature',
    async (path) => {
      const res = await proxied.app.request(path, { headers: { cookie } });
      const policy = res.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
      expect(policy).not.toMatch(/=\*|=\(self/);
    },
  );
});

describe('compression and the headers set after the route', () => {
  it('gzips a page for a phone that takes gzip, and says every answer varies with it', async () => {
    const page = await direct.app.request('/q/demo-land', { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString('utf8')).toContain('<form');
    const plain = await direct.app.request('/q/demo-land');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('keeps the security headers on a JSON acknowledgement and on the receipt QR', async () => {
    const res = await submitJson(direct.app, 'demo-land', { answers: { overall: 5 } } as never);
    expect(res.status).toBe(201);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const qr = await direct.app.request('/posters/demo-land/receipt.svg?dossier=000.00.17.H31-230101-0001');
    expect(qr.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});
