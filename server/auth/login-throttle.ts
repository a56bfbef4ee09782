import type { Kysely } from 'kysely';
import { clearLoginFailures, recentLoginFailures, recordLoginFailure } from '../../db/sessions';
import type { Database } from '../../db/types';
import { RequestError } from '../errors';

/** Failed logins allowed per account, and per sender, within the window before logins pause. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/**
 * Slows down password guessing: after MAX_FAILURES failures for a name or from an address within
 * the window, logins for it are refused with 429 until the window has passed. Kept in the
 * database, so every server process counts the same failures.
 */
export async function assertLoginAllowed(db: Kysely<Database>, username: string, originHash: string | null) {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const { byName, byOrigin } = await recentLoginFailures(db, username, originHash, since);
  if (byName >= MAX_FAILURES || (originHash !== null && byOrigin >= MAX_FAILURES * 4)) {
    throw new RequestError(429, {
      vi: `Đăng nhập sai quá nhiều lần. Xin thử lại sau ${WINDOW_MINUTES} phút, hoặc nhờ quản trị viên đặt lại mật khẩu.`,
      en: `Too many failed logins. Try again in ${WINDOW_MINUTES} minutes, or ask an administrator to reset the password.`,
    });
  }
}

export const noteLoginFailure = recordLoginFailure;
export const noteLoginSuccess = clearLoginFailures;
