import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import type { LocalizedText } from '../../surveys/localized-text';
import type { SessionUser } from './context';
import { RequestError } from './errors';

export const OUT_OF_SCOPE: LocalizedText = {
  vi: 'Bạn không có quyền xem đơn vị này.',
  en: 'You do not have access to this unit.',
};

export const UNIT_NOT_FOUND: LocalizedText = { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' };

/** The path of the unit subtree a user may see, or undefined for the whole tenant. */
export async function scopePath(db: Kysely<Database>, user: SessionUser): Promise<string | undefined> {
  if (user.unit_id === null) return undefined;
  return (await findUnit(db, user.tenant_id, user.unit_id))?.path ?? '/nothing/';
}

export function inScope(scope: string | undefined, unitPath: string): boolean {
  return scope === undefined || unitPath.startsWith(scope);
}

/** Refuses (403) a unit outside a scope already looked up, e.g. for each unit of a list. */
export function assertInScope(scope: string | undefined, unitPath: string): void {
  if (!inScope(scope, unitPath)) throw new RequestError(403, OUT_OF_SCOPE);
}

/** Whether the unit at this path lies in the user's subtree. */
export async function userSeesUnit(db: Kysely<Database>, user: SessionUser, unitPath: string): Promise<boolean> {
  return inScope(await scopePath(db, user), unitPath);
}

/** "This unit is outside your scope": 403 unless the unit at this path lies in the user's subtree. */
export async function assertUnitInScope(db: Kysely<Database>, user: SessionUser, unitPath: string): Promise<void> {
  assertInScope(await scopePath(db, user), unitPath);
}

/** A unit of the user's tenant and subtree: 404 when there is none, 403 when it is someone else's. */
export async function unitInScope(db: Kysely<Database>, user: SessionUser, scope: string | undefined, unitId: number) {
  const unit = await findUnit(db, user.tenant_id, unitId);
  if (!unit) throw new RequestError(404, UNIT_NOT_FOUND);
  assertInScope(scope, unit.path);
  return unit;
}
