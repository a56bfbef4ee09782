import type { Context } from 'hono';
import type { LoginLimitKind, LoginLimits } from '../../db/login-attempts';
import type { LocalizedText } from '../../surveys/localized-text';

/**
 * How many login attempts count before logins pause (described for administrators in the README,
 * "Accounts, roles and security"). A login counts from the moment it is let through, before its
 * password is checked; a successful one then stops counting, so what stays counted are failures.
 *
 * - One name from one address: 5 in 15 minutes. This is the lock a guesser meets.
 * - One address, whatever the names: 20 in 15 minutes, so one sender cannot try many names.
 * - One name from all addresses together: 50 in an hour, which bounds guessing spread over many
 *   addresses. Strangers from one address can use up only that address's 5 (or 20): the account's
 *   owner, from anywhere else, still logs in. Locking the name everywhere takes failures from at
 *   least three addresses, and lasts only while they keep failing.
 */
export const LOGIN_LIMITS: LoginLimits = {
  nameAndOrigin: { max: 5, minutes: 15 },
  origin: { max: 20, minutes: 15 },
  name: { max: 50, minutes: 60 },
};

/** Attempts older than this count for no limit and may be purged. */
export const LONGEST_LOGIN_WINDOW_MINUTES = Math.max(...Object.values(LOGIN_LIMITS).map((l) => l.minutes));

export function loginPausedText(limit: LoginLimitKind, retryAfterSeconds: number): LocalizedText {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const reset = { vi: ', hoặc nhờ quản trị viên đặt lại mật khẩu', en: ', or ask an administrator to reset the password' };
  const which = {
    nameAndOrigin: { vi: 'với tên này từ địa chỉ của bạn', en: 'for this name from your address', reset: true },
    origin: { vi: 'từ địa chỉ của bạn', en: 'from your address', reset: false },
    name: { vi: 'với tên này', en: 'for this name', reset: true },
  }[limit];
  return {
    vi: `Đăng nhập sai quá nhiều lần ${which.vi}. Xin thử lại sau ${minutes} phút${which.reset ? reset.vi : ''}.`,
    en: `Too many failed logins ${which.en}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}${which.reset ? reset.en : ''}.`,
  };
}

/** Every place for a password check is taken: come back in a moment. */
export const LOGIN_BUSY_SECONDS = 2;
export const LOGIN_BUSY_TEXT: LocalizedText = {
  vi: 'Máy chủ đang bận kiểm tra nhiều lượt đăng nhập cùng lúc. Xin thử lại sau vài giây.',
  en: 'The server is busy checking many logins at once. Please try again in a few seconds.',
};

/** A refused login: the usual error body, and when to try again. */
export function loginRefusal(c: Context, status: 429 | 503, text: LocalizedText, retryAfterSeconds: number) {
  return c.json({ error: text.en, message: text }, status, { 'Retry-After': String(retryAfterSeconds) });
}
