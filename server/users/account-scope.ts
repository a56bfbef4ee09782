import type { Kysely } from 'kysely';
import { findUserWithScope, type UserWithScope } from '../../db/users';
import type { Database } from '../../db/types';
import type { LocalizedText } from '../../surveys/localized-text';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { inScope, scopePath, unitInScope } from '../http/unit-scope';
import { assertAccountUnit } from './account-unit';

/**
 * Which accounts an administrator manages. A tenant-wide administrator (no unit) manages every
 * account of the tenant. A commune administrator (an admin with a unit) manages only the accounts
 * whose unit lies in their own subtree: never a tenant-wide account, never one of another branch,
 * and they can give an account only a unit inside that subtree, so never the whole tenant.
 */

export const ACCOUNT_NOT_FOUND: LocalizedText = { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' };

export const ACCOUNT_OUT_OF_SCOPE: LocalizedText = {
  vi: 'Tài khoản này nằm ngoài phạm vi đơn vị bạn quản lý; hãy nhờ quản trị viên cấp trên.',
  en: 'This account lies outside the units you manage; ask an administrator above you.',
};

export const WHOLE_TENANT_ABOVE: LocalizedText = {
  vi: 'Bạn chỉ quản lý được tài khoản trong phạm vi đơn vị của mình; hãy chọn một đơn vị trong phạm vi đó (phạm vi cả tỉnh do quản trị viên cấp tỉnh cấp).',
  en: 'You manage accounts within your own units only; choose a unit there (a whole-tenant scope is given by a tenant-wide administrator).',
};

/** Whether an account whose unit is at this path (null: the whole tenant) lies in a manager's scope. */
export function accountInScope(scope: string | undefined, accountUnitPath: string | null): boolean {
  if (scope === undefined) return true;
  return accountUnitPath !== null && inScope(scope, accountUnitPath);
}

/** The accounts of a list that a manager with this scope sees and manages. */
export function accountsInScope<A extends { unit_path: string | null }>(scope: string | undefined, accounts: readonly A[]): A[] {
  return accounts.filter((a) => accountInScope(scope, a.unit_path));
}

/** The administrator's own scope: the path of their unit's subtree, or undefined for the whole tenant. */
export const managerScope = (db: Kysely<Database>, me: SessionUser) => scopePath(db, me);

/**
 * The unit an account is given, checked against the manager's scope: an unknown unit is 422 (as
 * before); for a commune administrator the whole tenant (null) and any unit outside their subtree
 * are 403. Nothing given (undefined) is no change and passes.
 */
export async function assertUnitManaged(
  db: Kysely<Database>,
  me: SessionUser,
  scope: string | undefined,
  unitId: number | null | undefined,
): Promise<void> {
  await assertAccountUnit(db, me.tenant_id, unitId);
  if (scope === undefined || unitId === undefined) return;
  if (unitId === null) throw new RequestError(403, WHOLE_TENANT_ABOVE, { unitId: WHOLE_TENANT_ABOVE });
  await unitInScope(db, me, scope, unitId);
}

/** An account the administrator manages: 404 when the tenant has none with this id, 403 when it lies outside their scope. */
export async function managedAccount(db: Kysely<Database>, me: SessionUser, scope: string | undefined, id: number): Promise<UserWithScope> {
  const account = await findUserWithScope(db, me.tenant_id, id);
  if (!account) throw new RequestError(404, ACCOUNT_NOT_FOUND);
  if (!accountInScope(scope, account.unit_path)) throw new RequestError(403, ACCOUNT_OUT_OF_SCOPE);
  return account;
}
