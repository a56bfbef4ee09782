import type { Kysely } from 'kysely';
import type { CaseScope } from '../../db/cases';
import type { Database } from '../../db/types';
import { addDays, dayStartUtc, isIsoDay, localDay } from '../../surveys/time';
import { scopePath, unitInScope } from '../http/unit-scope';
import type { SessionUser } from '../http/context';

/** The cases a user may see (their unit subtree), narrowed to a unit they asked for, if any. */
export async function caseScope(db: Kysely<Database>, user: SessionUser, unitId?: number): Promise<CaseScope> {
  const scope: CaseScope = { tenantId: user.tenant_id, scopePath: await scopePath(db, user) };
  if (unitId !== undefined) scope.unitPath = (await unitInScope(db, user, scope.scopePath, unitId)).path;
  return scope;
}

/** Vietnamese calendar days [from, to] as instants [start of from, start of the day after to). */
export function periodOf(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): { from: Date; to: Date; days: { from: string; to: string } } {
  const today = localDay(now);
  const days = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
  return { from: dayStartUtc(days.from), to: dayStartUtc(addDays(days.to, 1)), days };
}

/** A due date given as a day means the end of that day in Vietnam. */
export function dueAtOf(raw: string): Date {
  return isIsoDay(raw) ? new Date(dayStartUtc(addDays(raw, 1)).getTime() - 1) : new Date(raw);
}
