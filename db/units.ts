import type { Kysely } from 'kysely';
import type { Database, UnitKind } from './types';

export interface NewUnit {
  tenant_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
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
