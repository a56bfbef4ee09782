import type { UserWithScope } from '../../db/users';
import { mayWorkCases } from '../../surveys/access-rules';
import type { LocalizedText } from '../../surveys/localized-text';
import { inScope } from '../http/unit-scope';

const NO_SUCH_ACCOUNT: LocalizedText = {
  vi: 'Không tìm thấy tài khoản được giao xử lý.',
  en: 'The account to assign the case to was not found.',
};
const DISABLED: LocalizedText = {
  vi: 'Tài khoản này đã bị khóa; không giao phản ánh cho tài khoản bị khóa được.',
  en: 'This account is disabled; a case cannot be assigned to it.',
};
const ROLE_MAY_NOT: LocalizedText = {
  vi: 'Vai trò của tài khoản này không được xử lý phản ánh (chỉ chuyên viên và quản trị viên).',
  en: 'This account’s role may not handle complaints (analysts and administrators only).',
};
const OUTSIDE_SCOPE: LocalizedText = {
  vi: 'Đơn vị xử lý nằm ngoài phạm vi của tài khoản này: xin chọn người thuộc đơn vị đó (hoặc đơn vị cấp trên).',
  en: 'The handling unit is outside this account’s units: choose someone of that unit (or a unit above it).',
};

/**
 * Whether a person may be given a case handled by the unit at `unitPath`, or why not: the account
 * exists in the tenant, is active, has a role that may work cases, and that unit lies inside the
 * account's own units (so the person can see the case they are given).
 */
export function assigneeRefusal(candidate: UserWithScope | undefined, unitPath: string): LocalizedText | null {
  if (!candidate) return NO_SUCH_ACCOUNT;
  if (candidate.disabled_at !== null) return DISABLED;
  if (!mayWorkCases(candidate.role)) return ROLE_MAY_NOT;
  // An account of no unit sees the whole tenant; one whose unit is gone sees nothing.
  const scope = candidate.unit_id === null ? undefined : (candidate.unit_path ?? '/nothing/');
  return inScope(scope, unitPath) ? null : OUTSIDE_SCOPE;
}

/** Everyone a case handled by that unit may be given to, as the assign form lists them. */
export function possibleAssignees(users: readonly UserWithScope[], unitPath: string) {
  return users.filter((u) => assigneeRefusal(u, unitPath) === null);
}
