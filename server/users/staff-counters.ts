import { countersByCodes, replaceStaffCounters } from '../../db/counter-staff';
import type { UserWithScope } from '../../db/users';
import type { DbHandle } from '../../db/create-db';
import { recordAudit } from '../audit/record-audit';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { inScope, OUT_OF_SCOPE } from '../http/unit-scope';

export const NOT_AN_OFFICER = {
  vi: 'Chỉ tài khoản cán bộ tại quầy mới được gắn với quầy; hãy đổi vai trò trước.',
  en: 'Only a counter officer account can be linked to counters; change its role first.',
};

type FoundCounter = Awaited<ReturnType<typeof countersByCodes>>[number];

/**
 * Which counters an officer may be linked to, as a pure check of the counters found for the codes
 * asked: each must exist in the tenant (422), lie in the administrator's scope (403), be in service
 * (422) and lie in the officer's own unit subtree when they have one (422). Returns their ids.
 */
export function staffCounterIdsOrRefusal(
  codes: readonly string[],
  found: readonly FoundCounter[],
  officerScope: string | undefined,
  managerScope: string | undefined,
): number[] {
  const byCode = new Map(found.map((k) => [k.code, k]));
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    const text = { vi: `Không có quầy mã ${unknown.join(', ')}.`, en: `No counter with code ${unknown.join(', ')}.` };
    throw new RequestError(422, text, { counters: text });
  }
  const counters = codes.map((code) => byCode.get(code)!);
  if (counters.some((k) => !inScope(managerScope, k.unit_path))) throw new RequestError(403, OUT_OF_SCOPE);
  const retired = counters.filter((k) => k.retired_at !== null).map((k) => k.code);
  if (retired.length > 0) {
    const text = { vi: `Quầy ${retired.join(', ')} đã ngừng hoạt động.`, en: `Counter ${retired.join(', ')} is no longer in service.` };
    throw new RequestError(422, text, { counters: text });
  }
  const elsewhere = counters.filter((k) => !inScope(officerScope, k.unit_path)).map((k) => k.code);
  if (elsewhere.length > 0) {
    const text = {
      vi: `Quầy ${elsewhere.join(', ')} không thuộc đơn vị của cán bộ này; hãy đổi đơn vị của tài khoản trước.`,
      en: `Counter ${elsewhere.join(', ')} is not in this officer's unit; change the account's unit first.`,
    };
    throw new RequestError(422, text, { counters: text });
  }
  return counters.map((k) => k.id);
}

/**
 * Links an officer to exactly these counters (the set is replaced), audited with the codes before
 * and after in the same transaction. Returns the codes after, in code order.
 */
export async function setStaffCounters(
  db: DbHandle,
  me: SessionUser,
  managerScope: string | undefined,
  officer: UserWithScope,
  requested: readonly string[],
): Promise<{ before: string[]; after: string[] }> {
  if (officer.role !== 'officer') throw new RequestError(422, NOT_AN_OFFICER, { counters: NOT_AN_OFFICER });
  const codes = [...new Set(requested)].sort();
  const found = await countersByCodes(db.dbWrite, me.tenant_id, codes);
  const ids = staffCounterIdsOrRefusal(codes, found, officer.unit_path ?? undefined, managerScope);
  const before = await replaceStaffCounters(db.dbWrite, me.tenant_id, officer.id, ids, (trx, was) =>
    recordAudit(trx, me, 'counter_staff_changed', `user:${officer.id}`, { user: officer.username, before: was, after: codes }),
  );
  return { before, after: codes };
}
