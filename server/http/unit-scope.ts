import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import type { SessionUser } from './context';

/** The path of the unit subtree a user may see, or undefined for the whole tenant. */
export async function scopePath(db: Kysely<Database>, user: SessionUser): Promise<string | undefined> {
  if (user.unit_id === null) return undefined;
  return (await findUnit(db, user.tenant_id, user.unit_id))?.path ?? '/nothing/';
}

export function inScope(scope: string | undefined, unitPath: string): boolean {
  return scope === undefined || unitPath.startsWith(scope);
}
