import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApiKey } from '../../db/api-keys';
import { createUser } from '../../db/users';
import { newKeySecret } from '../../server/auth/api-key-secret';
import { hashPassword } from '../../server/auth/password';
import { dossierJson, unitId } from '../support/dossier-facts';
import { createTestApp, login, type TestApp } from '../support/test-app';

// Keys made by the tenant-wide administrator and by a commune administrator (Phường Phố Hiến,
// 11953); batches sent with them as the one-stop system would, checked by the dossiers stored.
let t: TestApp;
let admin: string;
let wardAdmin: string;
let tenantId: number;
const units: Record<string, number> = {};

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  auth: { cookie?: string; bearer?: string },
  body?: unknown,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => ({}))) as T };
}

interface Created {
  id: number;
  prefix: string;
  key: string;
}
interface Listed {
  keys: {
    id: number;
    name: string;
    prefix: string;
    unit: { id: number; name: string; code: string } | null;
    scopes: string[];
    createdBy: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
}
interface Refusal {
  message: { vi: string; en: string };
  problems?: { index: number; field: string; message: { vi: string; en: string } }[];
}

const createKey = async (cookie: string, body: Record<string, unknown>) => call<Created>('POST', '/api/api-keys', { cookie }, body);
const send = (bearer: string | undefined, dossiers: unknown[], cookie?: string) =>
  call<Record<string, unknown> & Refusal>(
    'POST',
    '/api/dossiers/batch',
    { ...(bearer ? { bearer } : {}), ...(cookie ? { cookie } : {}) },
    { dossiers },
  );
const dossierCount = async () =>
  Number(
    (
      await t.db.dbRead
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  tenantId = t.state.tenantId;
  admin = await login(t.app);
  for (const code of ['11953', '33-TTPVHCC']) units[code] = await unitId(t.db.dbRead, tenantId, code);
  const password = 'ward-admin-password';
  await createUser(t.db.dbWrite, {
    tenant_id: tenantId,
    username: 'quan.tri.pho.hien',
    password_hash: await hashPassword(password),
    role: 'admin',
    unit_id: units['11953']!,
  });
  wardAdmin = await login(t.app, 'quan.tri.pho.hien', password);
});
afterAll(() => t.close());

describe('API keys for machine clients', () => {
  let tenantKey: Created;

  it('shows a new key once: the list and the table keep only its prefix and the hash of its secret', async () => {
    const res = await createKey(admin, { name: 'Hệ thống một cửa tỉnh', scopes: ['dossiers:write'] });
    expect(res.status).toBe(201);
    tenantKey = res.body;
    expect(tenantKey.key).toMatch(/^hl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(tenantKey.key.startsWith(`hl_${tenantKey.prefix}_`)).toBe(true);
    const secret = tenantKey.key.slice(`hl_${tenantKey.prefix}_`.length);

    const list = await call<Listed>('GET', '/api/api-keys', { cookie: admin });
    expect(list.status).toBe(200);
    const listed = list.body.keys.find((k) => k.id === tenantKey.id)!;
    expect(listed).toMatchObject({ name: 'Hệ thống một cửa tỉnh', prefix: tenantKey.prefix, unit: null, scopes: ['dossiers:write'] });
    expect(listed.createdBy).toBe('admin');
    expect(listed.lastUsedAt).toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const row = await t.db.dbRead.selectFrom('api_keys').selectAll().where('id', '=', tenantKey.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores a batch sent with a valid key, shows it in the 766 index, and changes nothing when it comes again', async () => {
    const before = await dossierCount();
    const batch = [dossierJson(1), dossierJson(2, { rating: 1, ratingScale: 3 }), dossierJson(3, { channel: 'online' })];
    const first = await send(tenantKey.key, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await dossierCount()).toBe(before + 3);

    const index = await call<{ overall: { dossiers: Record<string, number>; r3: { numerator: number; denominator: number } } }>(
      'GET',
      '/api/indices/766?from=2026-03-01&to=2026-03-31',
      { cookie: admin },
    );
    expect(index.status).toBe(200);
    expect(index.body.overall.dossiers).toMatchObject({ total: 3, rated: 1, ratedUnsatisfied: 1, online: 1 });
    expect(index.body.overall.r3).toMatchObject({ numerator: 2, denominator: 3 });

    const again = await send(tenantKey.key, batch);
    expect(again.body).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await dossierCount()).toBe(before + 3);
    const after = await call<typeof index.body>('GET', '/api/indices/766?from=2026-03-01&to=2026-03-31', { cookie: admin });
    expect(after.body.overall).toEqual(index.body.overall);

    const used = await call<Listed>('GET', '/api/api-keys', { cookie: admin });
    expect(used.body.keys.find((k) => k.id === tenantKey.id)!.lastUsedAt).not.toBeNull();
  });

  it('takes a full batch of 5000 dossiers (some 1.5 MB, past the usual 64 KB body limit) and refuses one more', async () => {
    const before = await dossierCount();
    const full = Array.from({ length: 5000 }, (_, i) =>
      dossierJson(1000 + i, { code: `000.00.17.H31-260303-${String(i).padStart(4, '0')}` }),
    );
    expect(JSON.stringify({ dossiers: full }).length).toBeGreaterThan(1_000_000);
    const res = await send(tenantKey.key, full);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 5000, created: 5000, updated: 0, unchanged: 0 });
    expect(await dossierCount()).toBe(before + 5000);
    const tooMany = await send(tenantKey.key, [...full, dossierJson(9999)]);
    expect(tooMany.status).toBe(422);
    expect(await dossierCount()).toBe(before + 5000);
  });

  it('refuses a body over 10 MB with 413 saying how to split it', async () => {
    const res = await t.app.request('/api/dossiers/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${tenantKey.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dossiers: [{ code: 'x'.repeat(11 * 1024 * 1024) }] }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Refusal).message.en).toContain('5000 dossiers');
  });

  it('refuses an invalid item with 422 listing the problems by index, storing nothing of the batch', async () => {
    const before = await dossierCount();
    const res = await send(tenantKey.key, [dossierJson(10), dossierJson(11, { channel: 'fax', sector: 'no-such-sector' })]);
    expect(res.status).toBe(422);
    expect(res.body.problems!.map((p) => [p.index, p.field])).toEqual([[1, 'channel']]);
    expect(res.body.message.vi).toMatch(/không hồ sơ nào được lưu/);
    const unknownSector = await send(tenantKey.key, [dossierJson(10), dossierJson(11, { sector: 'no-such-sector' })]);
    expect(unknownSector.status).toBe(422);
    expect(unknownSector.body.problems).toEqual([
      { index: 1, field: 'sector', message: expect.objectContaining({ vi: expect.any(String) }) },
    ]);
    expect(await dossierCount()).toBe(before);
  });

  it('answers 401 with WWW-Authenticate to no key, a malformed one, an unknown one and a session cookie alone', async () => {
    const before = await dossierCount();
    const forged = `hl_${tenantKey.prefix}_${'A'.repeat(43)}`;
    const unknown = `hl_00000000_${'B'.repeat(43)}`;
    for (const bearer of [undefined, 'not-a-key', forged, unknown]) {
      const res = await send(bearer, [dossierJson(20)]);
      expect(res.status, String(bearer)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="hailong"/);
      expect(res.body.message.vi).toMatch(/khóa API/i);
    }
    const withSession = await send(undefined, [dossierJson(20)], admin);
    expect(withSession.status).toBe(401);
    expect(await dossierCount()).toBe(before);
  });

  it('refuses a batch with a dossier outside the key’s unit (403), naming it, storing nothing', async () => {
    const ward = await createKey(wardAdmin, { name: 'Một cửa phường Phố Hiến', unitId: units['11953'], scopes: ['dossiers:write'] });
    expect(ward.status).toBe(201);
    const before = await dossierCount();
    const res = await send(ward.body.key, [dossierJson(30, { unit: '11953' }), dossierJson(31)]);
    expect(res.status).toBe(403);
    expect(res.body.message.en).toContain('000.00.17.H31-260302-0031');
    expect(res.body.problems).toEqual([expect.objectContaining({ index: 1, field: 'unit' })]);
    expect(await dossierCount()).toBe(before);
    // The ward's own dossier goes through on its own, also from a page of another origin: the key
    // is in a header no browser adds by itself, so the cross-site check does not apply to it.
    const res2 = await t.app.request('/api/dossiers/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${ward.body.key}`, 'content-type': 'application/json', origin: 'https://mot-cua.example.vn' },
      body: JSON.stringify({ dossiers: [dossierJson(30, { unit: '11953' })] }),
    });
    expect(res2.status).toBe(200);
    expect(await res2.json()).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0 });
  });

  it('keeps a commune administrator to keys of their own subtree', async () => {
    const outside = await createKey(wardAdmin, { name: 'Trung tâm', unitId: units['33-TTPVHCC'], scopes: ['dossiers:write'] });
    expect(outside.status).toBe(403);
    const wholeTenant = await createKey(wardAdmin, { name: 'Cả tỉnh', scopes: ['dossiers:write'] });
    expect(wholeTenant.status).toBe(403);
    const list = await call<Listed>('GET', '/api/api-keys', { cookie: wardAdmin });
    expect(list.body.keys.map((k) => k.name)).toEqual(['Một cửa phường Phố Hiến']);
    const revokeOther = await call('POST', `/api/api-keys/${tenantKey.id}/revoke`, { cookie: wardAdmin });
    expect(revokeOther.status).toBe(403);
    const names = (await t.db.dbRead.selectFrom('api_keys').select('name').execute()).map((k) => k.name);
    expect(names.sort()).toEqual(['Hệ thống một cửa tỉnh', 'Một cửa phường Phố Hiến']);
    // A tenant-wide administrator's list has both.
    const all = await call<Listed>('GET', '/api/api-keys', { cookie: admin });
    expect(all.body.keys.map((k) => k.name).sort()).toEqual(['Hệ thống một cửa tỉnh', 'Một cửa phường Phố Hiến']);
  });

  it('refuses a key without the route’s scope with 403', async () => {
    const { prefix, key, secretHash } = newKeySecret();
    const adminId = (await t.db.dbRead.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    await insertApiKey(t.db.dbWrite, {
      tenant_id: tenantId,
      name: 'Khóa chỉ đọc',
      prefix,
      secret_hash: secretHash,
      unit_id: null,
      scopes: ['reports:read'],
      created_by: adminId,
    });
    const before = await dossierCount();
    const res = await send(key, [dossierJson(50)]);
    expect(res.status).toBe(403);
    expect(res.body.message.en).toContain('dossiers:write');
    expect(await dossierCount()).toBe(before);
  });

  it('checks what a key is created with: a name, a known scope', async () => {
    expect((await createKey(admin, { name: '', scopes: ['dossiers:write'] })).status).toBe(422);
    expect((await createKey(admin, { name: 'x', scopes: ['dossiers:read'] })).status).toBe(422);
    expect((await createKey(admin, { name: 'x', scopes: [] })).status).toBe(422);
    expect((await createKey(admin, { name: 'x', unitId: 999999, scopes: ['dossiers:write'] })).status).toBe(422);
  });

  it('refuses a revoked key with 401 and stores nothing; revoking twice is 409', async () => {
    const revoked = await call<{ revoked: boolean }>('POST', `/api/api-keys/${tenantKey.id}/revoke`, { cookie: admin });
    expect(revoked.status).toBe(200);
    expect((await call('POST', `/api/api-keys/${tenantKey.id}/revoke`, { cookie: admin })).status).toBe(409);
    expect((await call('POST', `/api/api-keys/99999/revoke`, { cookie: admin })).status).toBe(404);
    const before = await dossierCount();
    const res = await send(tenantKey.key, [dossierJson(40)]);
    expect(res.status).toBe(401);
    expect(await dossierCount()).toBe(before);
    const list = await call<Listed>('GET', '/api/api-keys', { cookie: admin });
    expect(list.body.keys.find((k) => k.id === tenantKey.id)!.revokedAt).not.toBeNull();
  });

  it('audits creating, revoking and each accepted batch, never with the secret', async () => {
    const entries = await t.db.dbRead
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'actor_user_id', 'subject', 'details'])
      .where('action', 'in', ['api_key_created', 'api_key_revoked', 'dossiers_received'])
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'api_key_created',
      'dossiers_received',
      'dossiers_received',
      'dossiers_received',
      'api_key_created',
      'dossiers_received',
      'api_key_revoked',
    ]);
    const received = entries.filter((e) => e.action === 'dossiers_received');
    expect(received[0]).toMatchObject({
      actor_username: `api-key:${tenantKey.prefix}`,
      actor_user_id: null,
      subject: `api_key:${tenantKey.id}`,
      details: { key: 'Hệ thống một cửa tỉnh', prefix: tenantKey.prefix, received: 3, created: 3, updated: 0, unchanged: 0 },
    });
    expect(received[1]!.details).toMatchObject({ received: 3, created: 0, unchanged: 3 });
    const secret = tenantKey.key.slice(`hl_${tenantKey.prefix}_`.length);
    const all = JSON.stringify(await t.db.dbRead.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain(secret);
  });

  it('is for administrators only', async () => {
    await createUser(t.db.dbWrite, {
      tenant_id: tenantId,
      username: 'phan.tich.keys',
      password_hash: await hashPassword('analyst-password'),
      role: 'analyst',
      unit_id: null,
    });
    const analyst = await login(t.app, 'phan.tich.keys', 'analyst-password');
    expect((await call('GET', '/api/api-keys', { cookie: analyst })).status).toBe(403);
    expect((await createKey(analyst, { name: 'x', scopes: ['dossiers:write'] })).status).toBe(403);
  });
});
