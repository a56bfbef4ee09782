import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../db/audit-log';
import { createDb } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { createUser } from '../../db/users';
import { auditVerifyCommand } from '../../server/audit/verify-command';
import { hashPassword } from '../../server/auth/password';
import { ADMIN_PASSWORD, createTestApp, formToken, login, newClientKey, type TestApp } from '../support/test-app';

interface Item {
  id: number;
  at: string;
  tenantId: number | null;
  actor: { userId: number | null; username: string | null };
  action: string;
  subject: string | null;
  details: Record<string, any>;
}

// A body-less POST still says it is JSON, so no CSRF guard mistakes it for a cross-site form.
const JSON_POST = { 'content-type': 'application/json' };

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp({ HAILONG_BURST_MAX: '2' });
  cookie = await login(t.app);
});
afterAll(() => t.close());

const api = async <T = any>(path: string, init: RequestInit = {}, who: string | null = cookie) => {
  const res = await t.app.request(path, { ...init, headers: { ...(who ? { cookie: who } : {}), ...(init.headers ?? {}) } });
  return { status: res.status, body: (await res.json()) as T };
};
const entries = async (query = '') => (await api<{ items: Item[] }>(`/api/audit?limit=500${query}`)).body.items;
const newest = async (action: string) => (await entries(`&action=${action}`))[0]!;
const loginAs = (username: string, password: string) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
async function submitFrom(ip: string, code: string, answers: Record<string, unknown>) {
  const res = await t.app.request(`/q/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ clientKey: newClientKey(), token: await formToken(t.app, code), answers }),
  });
  expect(res.status).toBe(201);
}

describe('the audit log records', () => {
  it('logins, failed logins with the name tried (never the password), and logouts', async () => {
    expect((await loginAs('admin', 'not-the-password-1')).status).toBe(401);
    expect((await loginAs('mallory', 'not-the-password-2')).status).toBe(401);
    const second = await login(t.app);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: second, ...JSON_POST } })).status).toBe(204);

    const all = await entries();
    const logins = all.filter((e) => e.action === 'login');
    expect(logins.length).toBeGreaterThanOrEqual(2);
    expect(logins[0]!.actor.username).toBe('admin');
    expect(logins[0]!.tenantId).toBe(t.state.tenantId);

    const failed = all.filter((e) => e.action === 'login_failed');
    expect(failed.map((e) => [e.actor.username, e.details.reason, e.tenantId])).toEqual([
      ['mallory', 'unknown_user', null],
      ['admin', 'wrong_password', t.state.tenantId],
    ]);
    expect(all[0]).toMatchObject({ action: 'logout', actor: { username: 'admin' } });
    const text = JSON.stringify(all);
    expect(text).not.toContain('not-the-password');
    expect(text).not.toContain(ADMIN_PASSWORD);
  });

  it('an export: who, the filter and the number of rows that went out', async () => {
    for (const [i, overall] of [5, 4, 2].entries()) await submitFrom(`198.51.100.${i + 1}`, 'demo-land', { overall });
    await submitFrom('198.51.100.9', 'demo-health', { overall: 4 });

    const csv = await t.app.request('/api/exports/responses.csv?sector=land', { headers: { cookie } });
    expect(csv.status).toBe(200);
    const rows = parse((await csv.text()).slice(1), { columns: true }) as unknown[];
    expect(rows).toHaveLength(3);
    const entry = await newest('export');
    expect(entry).toMatchObject({
      actor: { username: 'admin' },
      subject: 'responses.csv',
      details: { format: 'csv', rows: rows.length, complete: true, filter: { sector: 'land' } },
    });
    expect(entry.details.filter.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    for (const format of ['xlsx', 'sav']) {
      const res = await t.app.request(`/api/exports/responses.${format}?sector=land`, { headers: { cookie } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      expect((await newest('export')).details).toMatchObject({ format, rows: 3, complete: true });
    }
  });

  it('clearing a flagged answer and a counter change', async () => {
    for (let i = 0; i < 3; i++) await submitFrom('203.0.113.7', 'demo-investment', { overall: 1 });
    const flagged = (await api<{ items: { id: number }[] }>('/api/flagged')).body.items;
    expect(flagged).toHaveLength(1);
    expect((await api(`/api/flagged/${flagged[0]!.id}/clear`, { method: 'POST', headers: JSON_POST })).status).toBe(200);
    expect(await newest('flag_cleared')).toMatchObject({ subject: `response:${flagged[0]!.id}`, actor: { username: 'admin' } });

    const patch = { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kiosk: true }) };
    expect((await api('/api/counters/demo-land', patch)).status).toBe(200);
    expect(await newest('counter_changed')).toMatchObject({
      subject: 'counter:demo-land',
      details: { before: { kiosk: false }, after: { kiosk: true } },
    });
  });
});

describe('GET /api/audit', () => {
  it('is for administrators only', async () => {
    await createUser(t.db.dbWrite, {
      tenant_id: t.state.tenantId,
      username: 'analyst1',
      password_hash: await hashPassword('analyst-password-1'),
      role: 'analyst',
    });
    const analyst = await login(t.app, 'analyst1', 'analyst-password-1');
    expect((await api('/api/audit', {}, analyst)).status).toBe(403);
    expect((await api('/api/audit/verify', {}, analyst)).status).toBe(403);
    expect((await api('/api/audit', {}, null)).status).toBe(401);
    expect((await api('/api/audit/verify', {}, null)).status).toBe(401);
  });

  it('pages newest first', async () => {
    const first = await api<{ items: Item[]; nextBefore: number }>('/api/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]!.id).toBeGreaterThan(first.body.items[1]!.id);
    const next = await api<{ items: Item[] }>(`/api/audit?limit=2&before=${first.body.nextBefore}`);
    expect(next.body.items[0]!.id).toBeLessThan(first.body.nextBefore);
    expect((await api('/api/audit?limit=0')).status).toBe(400);
  });
});

describe('tamper evidence', () => {
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db.dbRead)).rows[0]!.n;

  it('chains appends that race each other one after another', async () => {
    const actor = { tenant_id: t.state.tenantId, actor_user_id: null, actor_username: 'race', subject: null };
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => appendAudit(t.db.dbWrite, { ...actor, action: 'user_changed', details: { i } })),
    );
    const verify = await api('/api/audit/verify');
    expect(verify).toEqual({ status: 200, body: { ok: true, entries: await count(), head: expect.any(Object) } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_log set subject = 'x'`.execute(t.db.dbWrite)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db.dbWrite)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db.dbWrite)).rejects.toThrow(/append-only/);
  });

  it('finds a row edited behind the trigger, and a row removed, at the first broken link', async () => {
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(t.db.dbWrite);
    const ids = (await sql<{ id: number }>`select id from audit_log order by id`.execute(t.db.dbRead)).rows.map((r) => Number(r.id));
    const [edited, removed, after] = [ids[3]!, ids[6]!, ids[7]!];
    const original = await sql<{ details: unknown }>`select details from audit_log where id = ${edited}`.execute(t.db.dbRead);

    await sql`update audit_log set details = details || '{"rows": 1}'::jsonb where id = ${edited}`.execute(t.db.dbWrite);
    const broken = await api<{ ok: boolean; brokenAt: number; reason: string }>('/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAt: edited, entries: 3 });
    expect(broken.body.reason).toMatch(/changed/);

    // Put back exactly as it was: the chain holds again (the hash is over the content, not the row).
    await sql`update audit_log set details = ${JSON.stringify(original.rows[0]!.details)}::jsonb where id = ${edited}`.execute(
      t.db.dbWrite,
    );
    expect(await verifyAuditChain(t.db.dbRead)).toMatchObject({ ok: true });

    await sql`delete from audit_log where id = ${removed}`.execute(t.db.dbWrite);
    expect(await verifyAuditChain(t.db.dbRead, 2)).toMatchObject({ ok: false, brokenAt: after, reason: expect.stringMatching(/removed/) });
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(t.db.dbWrite);
  });
});

describe('npm run audit:verify', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'hailong-audit-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () =>
    new Promise<{ code: number | null; output: string }>((done, fail) => {
      const { DATABASE_URL: _url, ...env } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/audit/verify-cli.ts'], {
        cwd: root,
        env: { ...env, HAILONG_DATA_DIR: dir },
      });
      let output = '';
      child.stdout.on('data', (b) => (output += b));
      child.stderr.on('data', (b) => (output += b));
      child.on('error', fail);
      child.on('close', (code) => done({ code, output }));
    });

  it('reads a copy of the data folder, so it works beside a running server; names the edited entry and exits 1', async () => {
    // This handle stays open throughout, as a running server's would.
    const db = await createDb({ dataDir: dir });
    try {
      await migrateToLatest(db.dbWrite);
      for (const action of ['login', 'export', 'logout'] as const) {
        await appendAudit(db.dbWrite, {
          tenant_id: null,
          actor_user_id: 1,
          actor_username: 'admin',
          action,
          subject: null,
          details: { rows: 10 },
        });
      }
      const { DATABASE_URL: _url, ...env } = process.env;
      expect(await auditVerifyCommand({ ...env, HAILONG_DATA_DIR: dir })).toMatchObject({
        code: 0,
        lines: ['audit log intact: 3 entries', expect.any(String)],
      });

      await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db.dbWrite);
      await sql`update audit_log set details = '{"rows": 9}'::jsonb where id = 2`.execute(db.dbWrite);
      const result = await run();
      expect(result.output).toContain('audit log broken at entry #2');
      expect(result.code).toBe(1);
    } finally {
      await db.close();
    }
  }, 180_000);
});
