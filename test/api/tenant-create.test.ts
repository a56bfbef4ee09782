import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit-log';
import { createDb } from '../../db/create-db';
import { LOCK_FILE } from '../../db/data-dir-lock';
import { listSectors } from '../../db/sectors';
import { findTenantByCode, listTenantsWithAdmins } from '../../db/tenants';
import { listUnits } from '../../db/units';
import { findUserByUsername } from '../../db/users';
import { verifyPassword } from '../../server/auth/password';
import { createTenantWithAdmin, TenantSetupRefusal } from '../../server/bootstrap/create-tenant';
import { firstStart } from '../../server/bootstrap/first-start';
import { tenantCreateCommand } from '../../server/bootstrap/tenant-command';
import { parseEnv } from '../../server/config/env';
import { createTestApp, login, submitJson, type TestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';

const run = promisify(execFile);
const YEAR = new Date().getFullYear();
const HUNG_YEN = {
  code: 'hung-yen',
  name: 'Tỉnh Hưng Yên',
  kind: 'province' as const,
  rootUnit: { code: '33', name: 'Tỉnh Hưng Yên', kind: 'province' as const },
  planYear: YEAR,
};

describe('a second tenant beside the demo one', () => {
  let t: TestApp;
  let generated: string;
  beforeAll(async () => {
    t = await createTestApp();
    const created = await createTenantWithAdmin(t.db.dbWrite, HUNG_YEN);
    generated = created.generatedPassword!;
    // The demo has answers; the new tenant must not see them.
    expect((await submitJson(t.app, 'demo-land', { answers: { overall: 5 } })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('has its sectors, targets, surveys, root unit and an administrator whose password is stored hashed', async () => {
    const tenant = (await findTenantByCode(t.db.dbRead, 'hung-yen'))!;
    expect(tenant).toMatchObject({ name: 'Tỉnh Hưng Yên', kind: 'province', is_demo: false });
    expect((await listSectors(t.db.dbRead, tenant.id)).map((s) => s.code)).toContain('land');
    const units = await listUnits(t.db.dbRead, tenant.id);
    expect(units.map((u) => [u.code, u.name, u.kind, u.parent_id])).toEqual([['33', 'Tỉnh Hưng Yên', 'province', null]]);
    const admin = (await findUserByUsername(t.db.dbRead, 'admin-hung-yen'))!;
    expect(admin).toMatchObject({ tenant_id: tenant.id, role: 'admin', unit_id: null });
    expect(generated).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(admin.password_hash).not.toContain(generated);
    expect(await verifyPassword(generated, admin.password_hash)).toBe(true);
  });

  it('lets its administrator log in and see only their tenant', async () => {
    const cookie = await login(t.app, 'admin-hung-yen', generated);
    const get = async <T>(path: string) => {
      const res = await t.app.request(path, { headers: { cookie } });
      expect(res.status).toBe(200);
      return (await res.json()) as T;
    };
    const me = await get<{ role: string; tenant: { name: string; isDemo: boolean } }>('/api/auth/me');
    expect(me).toMatchObject({ role: 'admin', tenant: { name: 'Tỉnh Hưng Yên', isDemo: false } });
    const meta = await get<{ units: { code: string }[]; counters: unknown[]; sectors: { code: string; target: number }[] }>('/api/meta');
    expect(meta.units.map((u) => u.code)).toEqual(['33']);
    expect(meta.counters).toEqual([]);
    expect(meta.sectors.find((s) => s.code === 'land')!.target).toBe(85);
    const stats = await get<{ overall: { n: number } }>('/api/stats');
    expect(stats.overall.n).toBe(0);
    const users = await get<{ username: string }[] | { users: { username: string }[] }>('/api/users');
    const names = (Array.isArray(users) ? users : users.users).map((u) => u.username);
    expect(names).toEqual(['admin-hung-yen']);
    // The demo's administrator still sees the demo, with its answer.
    const demoCookie = await login(t.app);
    const demoStats = (await (await t.app.request('/api/stats', { headers: { cookie: demoCookie } })).json()) as { overall: { n: number } };
    expect(demoStats.overall.n).toBe(1);
  });

  it('refuses a tenant code in use and a username taken in another tenant, creating nothing', async () => {
    const before = await listTenantsWithAdmins(t.db.dbRead);
    await expect(createTenantWithAdmin(t.db.dbWrite, { ...HUNG_YEN, adminUsername: 'someone-new' })).rejects.toThrow(
      /Đã có đơn vị sử dụng mã "hung-yen"[\s\S]*A tenant with code "hung-yen" already exists/,
    );
    // 'admin' is the demo tenant's: usernames are unique across the instance.
    const taken = createTenantWithAdmin(t.db.dbWrite, { ...HUNG_YEN, code: 'thai-binh', adminUsername: 'admin' });
    await expect(taken).rejects.toBeInstanceOf(TenantSetupRefusal);
    await expect(taken).rejects.toThrow(/Tên đăng nhập "admin" đã có người dùng[\s\S]*The username "admin" is taken/);
    expect(await findTenantByCode(t.db.dbRead, 'thai-binh')).toBeUndefined();
    expect(await listTenantsWithAdmins(t.db.dbRead)).toEqual(before);
  });

  it('refuses bad codes before touching the database', async () => {
    const refused = async (change: Partial<typeof HUNG_YEN> & Record<string, unknown>) => {
      const error = await createTenantWithAdmin(t.db.dbWrite, { ...HUNG_YEN, code: 'other', ...change }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TenantSetupRefusal);
      return (error as TenantSetupRefusal).text;
    };
    expect((await refused({ code: 'Hưng Yên' })).en).toMatch(/tenant code/);
    expect((await refused({ rootUnit: { code: '033', name: 'Tỉnh Hưng Yên', kind: 'province' } })).vi).toMatch(/2 chữ số/);
    expect((await refused({ rootUnit: { code: '11953', name: 'Phường Phố Hiến', kind: 'ward' } as never })).en).toMatch(/needs a parent/);
    expect((await refused({ adminPassword: 'short' })).en).toMatch(/at least 10/);
    expect((await refused({ adminUsername: 'Admin HY' })).en).toMatch(/username/);
    expect(await findTenantByCode(t.db.dbRead, 'other')).toBeUndefined();
  });

  it('records tenant_created in the new tenant’s audit log, without the password', async () => {
    const tenant = (await findTenantByCode(t.db.dbRead, 'hung-yen'))!;
    const entries = (await listAudit(t.db.dbRead, tenant.id, { limit: 100 })).filter((e) => e.action === 'tenant_created');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      subject: 'tenant:hung-yen',
      details: {
        before: null,
        after: { code: 'hung-yen', kind: 'province', rootUnit: { code: '33', kind: 'province' }, admin: 'admin-hung-yen', planYear: YEAR },
      },
    });
    expect(JSON.stringify(entries[0])).not.toContain(generated);
  });
});

describe('HAILONG_DEMO=0 and tenant:create', () => {
  it('starts with the operator’s tenant and creates no "main" one when tenant:create ran first', async () => {
    const db = await createTestDb();
    try {
      await createTenantWithAdmin(db.dbWrite, { ...HUNG_YEN, adminPassword: 'hung-yen-secret' });
      const state = await firstStart(db.dbWrite, parseEnv({ HAILONG_DEMO: '0' }), () => {});
      expect(state.generatedAdminPassword).toBeUndefined();
      expect(await findTenantByCode(db.dbRead, 'main')).toBeUndefined();
      expect(await findUserByUsername(db.dbRead, 'admin')).toBeUndefined();
      expect(state.tenants).toEqual([{ code: 'hung-yen', name: 'Tỉnh Hưng Yên', isDemo: false, admins: ['admin-hung-yen'] }]);
    } finally {
      await db.close();
    }
  });

  it('keeps "main" and its admin when tenant:create runs after the first start, and lists both without passwords', async () => {
    const db = await createTestDb();
    try {
      const env = parseEnv({ HAILONG_DEMO: '0' });
      const first = await firstStart(db.dbWrite, env, () => {});
      expect(first.generatedAdminPassword).toMatch(/^[A-Za-z0-9]{16}$/);
      await createTenantWithAdmin(db.dbWrite, { ...HUNG_YEN, adminUsername: 'quan-tri-hy' });
      const again = await firstStart(db.dbWrite, env, () => {});
      expect(again.generatedAdminPassword).toBeUndefined();
      expect(again.tenantId).toBe(first.tenantId);
      expect(again.tenants.map((x) => [x.code, x.admins])).toEqual([
        ['main', ['admin']],
        ['hung-yen', ['quan-tri-hy']],
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('npm run tenant:create', () => {
  const root = join(tmpdir(), `hailong-tenant-cli-${randomBytes(6).toString('hex')}`);
  const dataDir = join(root, 'data');
  beforeAll(() => mkdirSync(root, { recursive: true }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // The CLI's own database, whatever the test run uses.
  const { DATABASE_URL: _url, ...inherited } = process.env;
  const env = { ...inherited, HAILONG_DATA_DIR: dataDir };

  it('creates the tenant in a PGlite folder, prints the password once, and refuses a second run', async () => {
    const args = ['tsx', 'server/bootstrap/tenant-cli.ts', '--code', 'hung-yen', '--name', 'Tỉnh Hưng Yên'];
    const unit = ['--unit-code', '33', '--unit-name', 'Tỉnh Hưng Yên', '--unit-kind', 'province'];
    const ok = await run('npx', [...args, ...unit], { env, cwd: process.cwd() });
    expect(ok.stdout).toMatch(/tenant created: hung-yen — Tỉnh Hưng Yên \(province\)/);
    expect(ok.stdout).toContain('root unit: 33 Tỉnh Hưng Yên (province)');
    const password = /password \(shown once, keep it\): ([A-Za-z0-9]{16})/.exec(ok.stdout)?.[1];
    expect(password).toBeDefined();

    const again = await run('npx', [...args, ...unit], { env, cwd: process.cwd() }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A tenant with code "hung-yen" already exists');

    // What the CLI wrote is what the server opens.
    const handle = await createDb({ dataDir });
    try {
      const admin = (await findUserByUsername(handle.dbRead, 'admin-hung-yen'))!;
      expect(await verifyPassword(password!, admin.password_hash)).toBe(true);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses a folder a running server holds, with the lock’s message', async () => {
    // A lock held by a running process (this test's parent) stands in for the server's.
    const holder = { pid: process.ppid, host: hostname(), startedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, LOCK_FILE), `${JSON.stringify(holder)}\n`);
    try {
      const result = await tenantCreateCommand(['--code', 'thai-binh', '--name', 'Thái Bình'], { HAILONG_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.lines.join('\n')).toMatch(/đang được một tiến trình hailong khác sử dụng[\s\S]*is in use by another hailong process/);
    } finally {
      rmSync(join(dataDir, LOCK_FILE), { force: true });
    }
  });

  it('says what is missing', async () => {
    const result = await tenantCreateCommand(['--code', 'x1'], { HAILONG_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.lines.slice(0, 2)).toEqual(['Thiếu --code hoặc --name.', '--code and --name are required.']);
    const half = await tenantCreateCommand(['--code', 'x1', '--name', 'X', '--unit-code', '33'], { HAILONG_DATA_DIR: dataDir });
    expect(half.lines[1]).toMatch(/needs all of --unit-code, --unit-name and --unit-kind/);
  });
});
