import type { LocalizedText } from '../../surveys/localized-text';
import type { Role } from '../../surveys/roles';

export const SELF_DEMOTION: LocalizedText = {
  vi: 'Bạn không thể tự khoá hoặc tự bỏ quyền quản trị của mình; hãy nhờ một quản trị viên khác.',
  en: 'You cannot disable yourself or drop your own admin role; ask another administrator.',
};

/**
 * Whether an administrator's change to an account would lock themselves out: disabling their own
 * account or giving it another role than admin. Refused (409). Only an administrator changes
 * accounts, so a tenant's last administrator is the one asking and keeps the role too.
 */
export function demotesSelf(
  actorId: number,
  accountId: number,
  change: { role?: Role | undefined; disabled?: boolean | undefined },
): boolean {
  return actorId === accountId && (change.disabled === true || (change.role !== undefined && change.role !== 'admin'));
}
