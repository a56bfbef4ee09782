import type { LocalizedText } from '../app/api-types';

/** The words of the login page, Vietnamese first. */
export const AUTH_STRINGS = {
  // Login
  loginIntro: {
    vi: 'Bảng điều khiển dành cho cán bộ phân tích và quản trị.',
    en: 'The dashboard for analysts and administrators.',
  },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  fillBoth: { vi: 'Xin nhập tên đăng nhập và mật khẩu.', en: 'Please enter your username and password.' },
} satisfies Record<string, LocalizedText>;
