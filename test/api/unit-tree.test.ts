import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/create-db';
import { createTenant } from '../../db/tenants';
import { createUnit, listUnits } from '../../db/units';
import { createTestDb } from '../support/test-db';

// The database keeps the tree's paths right when a unit moves, and refuses a move into its own
// subtree even when the app's own check is bypassed.
describe('unit tree in the database', () => {
  let db: DbHandle;
  let tenantId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDb();
    tenantId = (await createTenant(db.dbWrite, { code: 'tree', name: 'Tree' })).id;
    const add = async (key: string, parent: string | null, code: string, kind: 'province' | 'ward' | 'service_body') => {
      ids[key] = (await createUnit(db.dbWrite, { tenant_id: tenantId, parent_id: parent ? ids[parent]! : null, code, name: key, kind })).id;
    };
    await add('p', null, '33', 'province');
    await add('q', null, '34', 'province');
    await add('w', 'p', '11953', 'ward');
    await add('s', 'w', 'SB-1', 'service_body');
    await add('t', 's', 'SB-2', 'service_body');
  });
  afterAll(() => db.close());

  const pathOf = async (key: string) => (await listUnits(db.dbWrite, tenantId)).find((u) => u.id === ids[key])!.path;

  it('moves a unit with its whole subtree', async () => {
    await db.dbWrite.updateTable('units').set({ parent_id: ids.q! }).where('id', '=', ids.w!).execute();
    expect(await pathOf('w')).toBe(`/${ids.q}/${ids.w}/`);
    expect(await pathOf('s')).toBe(`/${ids.q}/${ids.w}/${ids.s}/`);
    expect(await pathOf('t')).toBe(`/${ids.q}/${ids.w}/${ids.s}/${ids.t}/`);
    expect(await pathOf('p')).toBe(`/${ids.p}/`);
  });

  it('refuses a move under its own subtree', async () => {
    await expect(db.dbWrite.updateTable('units').set({ parent_id: ids.t! }).where('id', '=', ids.w!).execute()).rejects.toThrow(
      /own subtree/,
    );
    expect(await pathOf('t')).toBe(`/${ids.q}/${ids.w}/${ids.s}/${ids.t}/`);
  });

  it('keeps a code unique among units in force only', async () => {
    await expect(
      createUnit(db.dbWrite, { tenant_id: tenantId, parent_id: ids.p!, code: '11953', name: 'again', kind: 'ward' }),
    ).rejects.toThrow();
    await sql`update units set valid_to = '2025-06-30' where id = ${ids.t!}`.execute(db.dbWrite);
    const reused = await createUnit(db.dbWrite, {
      tenant_id: tenantId,
      parent_id: ids.p!,
      code: 'SB-2',
      name: 'reused',
      kind: 'service_body',
    });
    expect(reused.code).toBe('SB-2');
  });
});
