import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveCounter } from '../../db/counters';
import { storeResponses } from '../../db/responses';
import { findUserByUsername } from '../../db/users';
import { applyAllRetention, retentionCutoff } from '../../server/privacy/retention';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app);
});
afterAll(() => t.close());

const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, cookie = admin) => {
  const res = await t.app.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T, headers: res.headers };
};
const tryLogin = (username: string, password: string) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('accounts, managed by an administrator', () => {
  it('creates an account with a password shown once, changes its role and scope, resets and disables it, ending its sessions each time', async () => {
    const created = await call<{ id: number; password: string; role: string }>('POST', '/api/users', {
      username: 'nguyen.van.a',
      role: 'analyst',
      unitId: null,
    });
    expect(created.status).toBe(201);
    expect(created.body.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const id = created.body.id;
    const session = await login(t.app, 'nguyen.van.a', created.body.password);
    expect((await call('GET', '/api/stats', undefined, session)).status).toBe(200);

    expect((await call('PATCH', `/api/users/${id}`, { role: 'officer' })).body).toMatchObject({ role: 'officer' });
    expect((await call('GET', '/api/stats', undefined, session)).status).toBe(401);

    const reset = await call<{ password: string }>('POST', `/api/users/${id}/reset-password`);
    expect((await tryLogin('nguyen.van.a', created.body.password)).status).toBe(401);
    const again = await login(t.app, 'nguyen.van.a', reset.body.password);
    expect((await call('PATCH', `/api/users/${id}`, { disabled: true })).body).toMatchObject({ disabled: true });
    expect((await call('GET', '/api/auth/me', undefined, again)).status).toBe(401);
    expect((await tryLogin('nguyen.van.a', reset.body.password)).status).toBe(401);

    expect((await call('POST', '/api/users', { username: 'nguyen.van.a', role: 'analyst' })).status).toBe(409);
    expect((await call('POST', '/api/users', { username: 'X Y', role: 'boss' })).status).toBe(422);
    const list = await call<{ users: { username: string; disabled: boolean }[] }>('GET', '/api/users');
    expect(list.body.users.find((u) => u.username === 'nguyen.van.a')).toMatchObject({ disabled: true });
  });

  it('refuses (409) an administrator disabling their own account or dropping its admin role, and leaves it and its session as they were', async () => {
    const me = (await findUserByUsername(t.db.dbRead, 'admin'))!;
    for (const change of [{ disabled: true }, { role: 'analyst' }, { role: 'interviewer', unitId: null }]) {
      const res = await call<{ message: { en: string } }>('PATCH', `/api/users/${me.id}`, change);
      expect(res.status).toBe(409);
      expect(res.body.message.en).toMatch(/cannot disable yourself or drop your own admin role/);
    }
    const after = (await findUserByUsername(t.db.dbRead, 'admin'))!;
    expect([after.role, after.disabled_at]).toEqual(['admin', null]);
    expect((await call('GET', '/api/auth/me')).status).toBe(200);
  });
});

describe('sessions and login', () => {
  it('ends a session unused for 30 minutes, and logout everywhere ends them all', async () => {
    const a = await login(t.app);
    const b = await login(t.app);
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = (select id from users where username = 'admin')
              and id_hash = (select id_hash from sessions order by created_at desc limit 1)`.execute(t.db.dbWrite);
    const statuses = [
      (await call('GET', '/api/auth/me', undefined, a)).status,
      (await call('GET', '/api/auth/me', undefined, b)).status,
    ].sort();
    expect(statuses).toEqual([200, 401]);
    const c = await login(t.app);
    expect((await call('POST', '/api/auth/logout-all', undefined, c)).status).toBe(204);
    expect((await call('GET', '/api/auth/me', undefined, a)).status).toBe(401);
    expect((await call('GET', '/api/auth/me', undefined, admin)).status).toBe(401);
    admin = await login(t.app);
  });

  it('pauses logins for an account after 5 failures within 15 minutes, with a clear 429', async () => {
    await call('POST', '/api/users', { username: 'target.user', role: 'analyst', password: 'correct-horse-1' });
    for (let i = 0; i < 5; i++) expect((await tryLogin('target.user', 'wrong-password')).status).toBe(401);
    const paused = await tryLogin('target.user', 'correct-horse-1');
    expect(paused.status).toBe(429);
    expect(((await paused.json()) as { message: { vi: string } }).message.vi).toContain('Đăng nhập sai quá nhiều lần');
    await sql`update login_attempts set at = now() - interval '61 minutes'`.execute(t.db.dbWrite);
  });

  it('sends security headers with a content security policy that forbids inline scripts', async () => {
    const res = await t.app.request('/q/demo-land');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' 'self'; script");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('personal data', () => {
  it('anonymises free text and deletes contact data past the retention period, keeping the ratings', async () => {
    const land = (await findActiveCounter(t.db.dbRead, 'demo-land'))!;
    const old = new Date(Date.now() - 400 * 86_400_000);
    await storeResponses(t.db.dbWrite, [
      {
        tenant_id: land.tenant_id,
        survey_version_id: land.surveyVersion.id,
        counter_id: land.id,
        unit_id: land.unit_id,
        sector_code: 'land',
        channel: 'qr',
        submitted_at: old,
        answers: { overall: 2 },
        comment: 'Tên tôi là Nguyễn Văn B, số nhà 12',
        dossier_code: '000.00.17.H31-250101-0001',
        client_key: 'old-answer-0001',
        token_id: null,
        satisfied: false,
      },
    ]);
    const fresh = await submitJson(t.app, 'demo-land', { answers: { overall: 5 }, comment: 'Mới, còn giữ' });
    const freshId = ((await fresh.json()) as { id: number }).id;
    const statsBefore = await call<{ overall: { n: number } }>('GET', '/api/stats?from=2020-01-01&to=2030-12-31');

    expect((await call('PUT', '/api/privacy/retention', { months: 12 })).status).toBe(200);
    const rows = await sql<{ client_key: string; comment: string | null; dossier_code: string | null }>`
      select client_key, comment, dossier_code from responses where client_key = 'old-answer-0001' or id = ${freshId}`.execute(t.db.dbRead);
    expect(rows.rows.find((r) => r.client_key === 'old-answer-0001')).toMatchObject({ comment: null, dossier_code: null });
    expect(rows.rows.find((r) => r.client_key !== 'old-answer-0001')!.comment).toBe('Mới, còn giữ');
    expect((await call<{ overall: { n: number } }>('GET', '/api/stats?from=2020-01-01&to=2030-12-31')).body.overall.n).toBe(
      statsBefore.body.overall.n,
    );
    // run again: nothing left to do
    expect((await applyAllRetention(t.db.dbWrite)).every((r) => r.responses === 0)).toBe(true);
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect((await call('PUT', '/api/privacy/retention', { months: 0 })).status).toBe(422);
  });

  it('erases one person’s free text on request', async () => {
    const res = await submitJson(t.app, 'demo-land', {
      answers: { overall: 3 },
      comment: 'Xin xoá góp ý của tôi',
      dossierCode: '000.00.17.H31-260101-0009',
    });
    const { id } = (await res.json()) as { id: number };
    expect((await call('POST', `/api/responses/${id}/erase`)).body).toEqual({ id, erased: true });
    const row = (
      await sql<{
        comment: string | null;
        dossier_code: string | null;
        answers: unknown;
      }>`select comment, dossier_code, answers from responses where id = ${id}`.execute(t.db.dbRead)
    ).rows[0]!;
    expect(row).toEqual({ comment: null, dossier_code: null, answers: { overall: 3 } });
    expect((await call('POST', '/api/responses/999999/erase')).status).toBe(404);
    const audit = await call<{ items: { action: string; subject: string }[] }>('GET', '/api/audit?action=response_erased');
    expect(audit.body.items.map((e) => e.subject)).toContain(`response:${id}`);
  });
});
