import type { AuditAction } from '../../db/audit-log';
import type { Role } from '../../surveys/roles';

/** What an administrator may change on an account; only what is given changes. */
export interface AccountChange {
  role?: Role | undefined;
  unitId?: number | null | undefined;
  disabled?: boolean | undefined;
  email?: string | null | undefined;
}

/** The columns the change sets: disabling stamps the moment, enabling clears it. */
export function accountChangeColumns(
  change: AccountChange,
  now: Date,
): { role?: Role; unit_id?: number | null; disabled_at?: Date | null; email?: string | null } {
  return {
    ...(change.email !== undefined ? { email: change.email } : {}),
    ...(change.role ? { role: change.role } : {}),
    ...(change.unitId !== undefined ? { unit_id: change.unitId } : {}),
    ...(change.disabled !== undefined ? { disabled_at: change.disabled ? now : null } : {}),
  };
}

/** How the audit log names the change: a new role first, then disabling, else a plain change. */
export function accountChangeAction(change: AccountChange): AuditAction {
  return change.role ? 'role_changed' : change.disabled ? 'user_disabled' : 'user_changed';
}
