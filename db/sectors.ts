import type { Kysely } from 'kysely';
import type { LocalizedText } from '../surveys/localized-text';
import type { Database } from './types';

export async function upsertSectors(db: Kysely<Database>, tenantId: number, sectors: readonly { code: string; name: LocalizedText }[]) {
  if (sectors.length === 0) return;
  await db
    .insertInto('sectors')
    .values(sectors.map((s) => ({ tenant_id: tenantId, code: s.code, name_vi: s.name.vi, name_en: s.name.en })))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'code']).doUpdateSet((eb) => ({
        name_vi: eb.ref('excluded.name_vi'),
        name_en: eb.ref('excluded.name_en'),
      })),
    )
    .execute();
}

export async function listSectors(db: Kysely<Database>, tenantId: number) {
  return db.selectFrom('sectors').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function setTargets(
  db: Kysely<Database>,
  tenantId: number,
  year: number,
  targets: readonly { sectorCode: string; target: number }[],
) {
  if (targets.length === 0) return;
  await db
    .insertInto('sector_targets')
    .values(targets.map((t) => ({ tenant_id: tenantId, sector_code: t.sectorCode, year, target: t.target })))
    .onConflict((oc) => oc.columns(['tenant_id', 'sector_code', 'year']).doUpdateSet((eb) => ({ target: eb.ref('excluded.target') })))
    .execute();
}

/**
 * The targets in force for a year: a year without its own plan keeps the latest earlier plan's
 * targets, so results are never shown against nothing.
 */
export async function targetsInForce(db: Kysely<Database>, tenantId: number, year: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sector_targets')
    .select(['sector_code', 'target', 'year'])
    .where('tenant_id', '=', tenantId)
    .where('year', '<=', year)
    .orderBy('year', 'asc')
    .execute();
  const targets = new Map<string, number>();
  for (const row of rows) targets.set(row.sector_code, row.target);
  return targets;
}

/** Every row of the tenant's plan up to a year (all years when none is given): surveys/plan-targets.ts reads them. */
export async function planRows(db: Kysely<Database>, tenantId: number, upToYear?: number) {
  let query = db.selectFrom('sector_targets').select(['sector_code', 'year', 'target']).where('tenant_id', '=', tenantId);
  if (upToYear !== undefined) query = query.where('year', '<=', upToYear);
  return query.orderBy('year').orderBy('sector_code').execute();
}

/** Adds a sector of the tenant's own; false when the code is taken (nothing is changed then). */
export async function insertLocalSector(db: Kysely<Database>, tenantId: number, sector: { code: string; name: LocalizedText }) {
  const row = await db
    .insertInto('sectors')
    .values({ tenant_id: tenantId, code: sector.code, name_vi: sector.name.vi, name_en: sector.name.en, is_local: true })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
    .returning('code')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the tenant has this sector, one of the plan's or its own. */
export async function hasSector(db: Kysely<Database>, tenantId: number, code: string): Promise<boolean> {
  const row = await db.selectFrom('sectors').select('code').where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
