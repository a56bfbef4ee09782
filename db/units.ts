import type { Kysely } from 'kysely';
import type { Database, UnitKind } from './types';

export interface NewUnit {
  tenant_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  /** First day in force; left out or null: since before hailong knew it. */
  valid_from?: string | null;
}

export async function createUnit(db: Kysely<Database>, unit: NewUnit) {
  return db.insertInto('units').values(unit).returningAll().executeTakeFirstOrThrow();
}

export async function listUnits(db: Kysely<Database>, tenantId: number) {
  return db.selectFrom('units').selectAll().where('tenant_id', '=', tenantId).orderBy('path').execute();
}

export async function findUnit(db: Kysely<Database>, tenantId: number, id: number) {
  return db.selectFrom('units').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Something written in the same transaction as a change, last (an audit entry), so both commit or neither. */
export type AlongWith<T> = (trx: Kysely<Database>, result: T) => Promise<void>;

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

/** One unit added, and whatever must commit with it. */
export async function insertUnit(db: Kysely<Database>, unit: NewUnit, along: AlongWith<UnitRow>): Promise<UnitRow> {
  return db.transaction().execute(async (trx) => {
    const created = await createUnit(trx, unit);
    await along(trx, created);
    return created;
  });
}

export interface UnitChanges {
  name?: string;
  code?: string;
  kind?: UnitKind;
  parent_id?: number | null;
  valid_from?: string | null;
  valid_to?: string | null;
}

/**
 * One unit changed (a new parent moves its whole subtree: the units_move trigger rewrites the
 * paths), and whatever must commit with it; undefined when the tenant has no such unit.
 */
export async function updateUnit(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  changes: UnitChanges,
  along: AlongWith<UnitRow>,
): Promise<UnitRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('units')
      .set(changes)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (updated) await along(trx, updated);
    return updated;
  });
}

/** The tenant's unit in force (no last day yet) with this code, if any. */
export async function findUnitInForceByCode(db: Kysely<Database>, tenantId: number, code: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The tenant's units in force, in tree order; within a subtree when a path is given. */
export async function listUnitsInForce(db: Kysely<Database>, tenantId: number, path?: string) {
  let q = db.selectFrom('units').selectAll().where('tenant_id', '=', tenantId).where('valid_to', 'is', null);
  if (path !== undefined) q = q.where('path', 'like', `${path}%`);
  return q.orderBy('path').execute();
}

/** Every unit of a subtree, retired ones too, in tree order; the whole tenant without a path. */
export async function listSubtree(db: Kysely<Database>, tenantId: number, path?: string) {
  let q = db.selectFrom('units').selectAll().where('tenant_id', '=', tenantId);
  if (path !== undefined) q = q.where('path', 'like', `${path}%`);
  return q.orderBy('path').execute();
}

/** The units in force and the counters still serving below a unit (not the unit itself): what keeps it from retiring. */
export async function inServiceUnder(db: Kysely<Database>, tenantId: number, path: string) {
  const units = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('path', 'like', `${path}_%`)
    .where('valid_to', 'is', null)
    .orderBy('path')
    .execute();
  const counters = await db
    .selectFrom('counters')
    .innerJoin('units', 'units.id', 'counters.unit_id')
    .select(['counters.id', 'counters.code', 'counters.name'])
    .where('counters.tenant_id', '=', tenantId)
    .where('units.path', 'like', `${path}%`)
    .where('counters.retired_at', 'is', null)
    .orderBy('counters.code')
    .execute();
  return { units, counters };
}

/** A unit an import adds: its parent is a unit already there (id) or one added before it in the same import (code). */
export interface ImportedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: { id: number } | { code: string } | null;
  valid_from: string | null;
}

/** A unit an import changes; a new parent may be a unit the same import adds. */
export interface ImportedChange {
  id: number;
  name?: string;
  kind?: UnitKind;
  parent?: { id: number } | { code: string } | null;
  valid_from?: string | null;
}

/**
 * A unit list written all at once: the additions in the order given (parents first), then the
 * changes in the order given (shallowest first, so no move passes through its own subtree), and
 * whatever must commit with them. Any failure rolls every row back.
 */
export async function importUnits(
  db: Kysely<Database>,
  tenantId: number,
  plan: { create: readonly ImportedUnit[]; update: readonly ImportedChange[] },
  along: AlongWith<{ created: number; updated: number }>,
): Promise<{ created: number; updated: number }> {
  return db.transaction().execute(async (trx) => {
    const added = new Map<string, number>();
    const parentId = (parent: ImportedUnit['parent']): number | null => {
      if (parent === null) return null;
      if ('id' in parent) return parent.id;
      const id = added.get(parent.code);
      if (id === undefined) throw new Error(`import plan: parent ${parent.code} is not added before its child`);
      return id;
    };
    for (const unit of plan.create) {
      const row = await createUnit(trx, {
        tenant_id: tenantId,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parent_id: parentId(unit.parent),
        valid_from: unit.valid_from,
      });
      added.set(unit.code, row.id);
    }
    for (const { id, parent, ...rest } of plan.update) {
      await trx
        .updateTable('units')
        .set({ ...rest, ...(parent === undefined ? {} : { parent_id: parentId(parent) }) })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    }
    const counts = { created: plan.create.length, updated: plan.update.length };
    await along(trx, counts);
    return counts;
  });
}
