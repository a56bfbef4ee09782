import type { Kysely } from 'kysely';
import type { CaseScope } from '../../db/cases';
import type { Database } from '../../db/types';
import { findUnit } from '../../db/units';
import { addDays, dayStartUtc, isIsoDay, localDay } from '../../surveys/time';
import { inScope, scopePath } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { OUT_OF_SCOPE } from '../http/stats-filter';

export const UNIT_NOT_FOUND = { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' };

/** The cases a user may see (their unit subtree), narrowed to a unit they asked for, if any. */
export async function caseScope(db: Kysely<Database>, user: SessionUser, unitId?: number): Promise<CaseScope> {
  const scope: CaseScope = { tenantId: user.tenant_id, scopePath: await scopePath(db, user) };
  if (unitId !== undefined) scope.unitPath = (await unitInScope(db, user, scope.scopePath, unitId)).path;
  return scope;
}

/** A unit of the user's tenant and subtree: 404 when there is none, 403 when it is someone else's. */
export async function unitInScope(db: Kysely<Database>, user: SessionUser, scope: string | undefined, unitId: number) {
  const unit = await findUnit(db, user.tenant_id, unitId);
  if (!unit) throw new RequestError(404, UNIT_NOT_FOUND);
  if (!inScope(scope, unit.path)) throw new RequestError(403, OUT_OF_SCOPE);
  return unit;
}

/** Vietnamese calendar days [from, to] as instants [start of from, start of the day after to). */
export function periodOf(from: string | undefined, to: string | undefined, now: Date): { from: Date; to: Date; days: { from: string; to: string } } {
  const today = localDay(now);
  const days = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
  return { from: dayStartUtc(days.from), to: dayStartUtc(addDays(days.to, 1)), days };
}

/** A due date given as a day means the end of that day in Vietnam. */
export function dueAtOf(raw: string): Date {
  return isIsoDay(raw) ? new Date(dayStartUtc(addDays(raw, 1)).getTime() - 1) : new Date(raw);
}
