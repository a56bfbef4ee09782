import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listCounters } from '../../db/counters';
import { migrateToLatest } from '../../db/migrate';
import { countResponses } from '../../db/responses';
import { firstTenant } from '../../db/tenants';
import { listUnits } from '../../db/units';
import { parentProblem, unitCodeProblem } from '../../surveys/unit-kinds';
import { findUserByUsername } from '../../db/users';
import { verifyPassword } from '../../server/auth/password';
import { firstStart } from '../../server/bootstrap/first-start';
import { generateDemoResponses } from '../../server/bootstrap/demo-responses';
import { parseEnv } from '../../server/config/env';
import type { DbHandle } from '../../db/create-db';
import { satisfiedCountsFromResponses, satisfiedCountsFromRollups } from '../../db/stats';
import { createTestDb } from '../support/test-db';

let db: DbHandle | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('first start on an empty database', () => {
  it('creates the demo province with the seven demo counters and an admin with the configured password', async () => {
    db = await createTestDb();
    const state = await firstStart(db.dbWrite, parseEnv({ HAILONG_ADMIN_PASSWORD: 'a-long-password' }), () => {});
    expect(state.isDemo).toBe(true);
    expect(state.generatedAdminPassword).toBeUndefined();
    const codes = (await listCounters(db.dbRead, state.tenantId)).map((c) => c.code);
    expect(codes.sort()).toEqual([
      'demo-an-tao',
      'demo-civil',
      'demo-construction',
      'demo-education',
      'demo-health',
      'demo-investment',
      'demo-land',
    ]);
    const admin = (await findUserByUsername(db.dbRead, 'admin'))!;
    expect(admin.role).toBe('admin');
    expect(admin.password_hash).not.toContain('a-long-password');
    expect(admin.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('a-long-password', admin.password_hash)).toBe(true);
    expect(await verifyPassword('a-long-passwore', admin.password_hash)).toBe(false);
    expect(await countResponses(db.dbRead, state.tenantId)).toBe(0);
  });

  it('lays the demo out in the two-tier structure, with official codes and every counter at a unit of its kind', async () => {
    db = await createTestDb();
    const state = await firstStart(db.dbWrite, parseEnv({ HAILONG_ADMIN_PASSWORD: 'a-long-password' }), () => {});
    const units = await listUnits(db.dbRead, state.tenantId);
    const byId = new Map(units.map((u) => [u.id, u]));
    const shape = (u: (typeof units)[number]) => [u.code, u.name, u.kind, u.parent_id === null ? null : byId.get(u.parent_id)!.code];
    // the two former wards of the demo merge, no longer in force
    expect(units.filter((u) => u.valid_to !== null).map((u) => [...shape(u), u.valid_from, u.valid_to])).toEqual([
      ['11953', 'Phường Hiến Nam', 'ward', '33', null, '2025-06-30'],
      ['11956', 'Phường An Tảo', 'ward', '33', null, '2025-06-30'],
    ]);
    const inForce = units.filter((u) => u.valid_to === null);
    expect(inForce.find((u) => u.code === '11953')).toMatchObject({ name: 'Phường Phố Hiến', valid_from: '2025-07-01' });
    expect(inForce.map(shape).sort()).toEqual(
      [
        ['33', 'Tỉnh Hưng Yên', 'province', null],
        ['11953', 'Phường Phố Hiến', 'ward', '33'],
        ['11980', 'Phường Hồng Châu', 'ward', '33'],
        ['11983', 'Phường Sơn Nam', 'ward', '33'],
        ['33-TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh Hưng Yên', 'service_body', '33'],
        ['33-BVDK', 'Bệnh viện Đa khoa tỉnh Hưng Yên', 'service_body', '33'],
        ['33-THPT-CHUYEN', 'Trường THPT chuyên Hưng Yên', 'service_body', '33'],
      ].sort(),
    );
    for (const u of units) {
      expect(unitCodeProblem(u.kind, u.code), u.code).toBeNull();
      expect(parentProblem(u.kind, u.parent_id === null ? null : byId.get(u.parent_id)!.kind), u.code).toBeNull();
    }
    const tenant = (await firstTenant(db.dbRead))!;
    expect(tenant).toMatchObject({ kind: 'province', is_demo: true });
    expect(tenant.name).toMatch(/minh họa · demo/);
    const unitOf = Object.fromEntries((await listCounters(db.dbRead, state.tenantId)).map((c) => [c.code, byId.get(c.unit_id)!.code]));
    expect(unitOf).toEqual({
      'demo-land': '33-TTPVHCC',
      'demo-construction': '33-TTPVHCC',
      'demo-investment': '33-TTPVHCC',
      'demo-health': '33-BVDK',
      'demo-education': '33-THPT-CHUYEN',
      'demo-civil': '11953',
      'demo-an-tao': '11953',
    });
    // both ward counters are at Phố Hiến, the unit in force, since the merge
    const phoHien = inForce.find((u) => u.code === '11953')!.id;
    const wardCounters = (await listCounters(db.dbRead, state.tenantId)).filter((c) => c.code === 'demo-civil' || c.code === 'demo-an-tao');
    expect(wardCounters.map((c) => c.unit_id)).toEqual([phoHien, phoHien]);
  });

  it('generates a password when none is configured, shows it once, and keeps it on the next start', async () => {
    db = await createTestDb();
    const env = parseEnv({ HAILONG_DEMO: '0' });
    const first = await firstStart(db.dbWrite, env, () => {});
    expect(first.generatedAdminPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(first.isDemo).toBe(false);
    expect(await listCounters(db.dbRead, first.tenantId)).toEqual([]);
    const second = await firstStart(db.dbWrite, env, () => {});
    expect(second.generatedAdminPassword).toBeUndefined();
    expect(second.secret).toBe(first.secret);
    const admin = (await findUserByUsername(db.dbRead, 'admin'))!;
    expect(await verifyPassword(first.generatedAdminPassword!, admin.password_hash)).toBe(true);
  });

  it('runs migrations again without harm, and forbids changing a stored survey version', async () => {
    db = await createTestDb();
    await migrateToLatest(db.dbWrite);
    await firstStart(db.dbWrite, parseEnv({}), () => {});
    await expect(sql`update survey_versions set definition = '{}'::jsonb`.execute(db.dbWrite)).rejects.toThrow(/immutable/);
  });

  it('HAILONG_DEMO=full generates labelled demo answers whose rollups equal a recount', async () => {
    db = await createTestDb();
    const state = await firstStart(db.dbWrite, parseEnv({}), () => {});
    const stored = await generateDemoResponses(db.dbWrite, new Date('2026-03-31T23:59:00+07:00'), 40);
    expect(stored).toBeGreaterThan(500);
    expect(await countResponses(db.dbRead, state.tenantId)).toBe(stored);
    const keys = await sql<{ n: number }>`select count(*)::int as n from responses where client_key not like 'demo-%'`.execute(db.dbRead);
    expect(keys.rows[0]!.n).toBe(0);
    expect((await firstTenant(db.dbRead))!.name).toMatch(/minh họa/);
    const filter = { tenantId: state.tenantId, from: '2026-01-01', to: '2026-12-31' };
    expect(await satisfiedCountsFromRollups(db.dbRead, filter, 'sector')).toEqual(
      await satisfiedCountsFromResponses(db.dbRead, filter, 'sector'),
    );
    // the same seed gives the same data: a second run over the same days stores nothing new
    expect(await generateDemoResponses(db.dbWrite, new Date('2026-03-31T23:59:00+07:00'), 40)).toBe(0);
  });
});

describe('configuration', () => {
  it('says which variable is wrong', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseEnv({ HAILONG_DEMO: 'yes' })).toThrow(/HAILONG_DEMO/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => parseEnv({ HAILONG_ADMIN_PASSWORD: 'short' })).toThrow(/at least 10 characters/);
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
    expect(parseEnv({}).HAILONG_DATA_DIR).toBe('./data');
  });
});
