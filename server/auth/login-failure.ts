/** Why a login failed, as the audit log keeps it; the caller is only ever told "wrong username or password". */
export type LoginFailure = 'unknown_user' | 'wrong_password' | 'disabled';

/** Whether the account found for the name may sign in with the password checked: null when it may. */
export function loginFailure(account: { disabled_at: Date | null } | undefined, passwordOk: boolean): LoginFailure | null {
  if (!account) return 'unknown_user';
  if (!passwordOk) return 'wrong_password';
  return account.disabled_at ? 'disabled' : null;
}
