import type { LocalizedText } from './api-types';

/** Vietnamese first: it is the default, and English is a switch for visitors and partners. */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const STRINGS = {
  appName: { vi: 'hailong — Mức độ hài lòng', en: 'hailong — Citizen satisfaction' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  // Login
  loginTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  loginIntro: {
    vi: 'Bảng điều khiển dành cho cán bộ phân tích và quản trị.',
    en: 'The dashboard for analysts and administrators.',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  fillBoth: { vi: 'Xin nhập tên đăng nhập và mật khẩu.', en: 'Please enter your username and password.' },
  // Header
  demoBadge: { vi: 'Dữ liệu minh họa', en: 'Demo data' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Đăng nhập với tên', en: 'Signed in as' },
  // Filter bar
  filterTitle: { vi: 'Bộ lọc', en: 'Filter' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  allSectors: { vi: 'Tất cả lĩnh vực', en: 'All sectors' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  // Overall card
  overall: { vi: 'Tổng thể', en: 'Overall' },
  overallTitle: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' },
  answers: { vi: 'Số phiếu', en: 'Answers' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  rate: { vi: 'Tỷ lệ hài lòng', en: 'Satisfaction rate' },
  interval: { vi: 'Khoảng tin cậy 95%', en: '95% interval' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  verdict: { vi: 'Đánh giá', en: 'Verdict' },
  confidence: { vi: 'Độ chắc chắn', en: 'Confidence' },
  // Sections and states
  bySector: { vi: 'Theo lĩnh vực', en: 'By sector' },
  chartLabel: {
    vi: 'Biểu đồ cột: tỷ lệ hài lòng theo lĩnh vực so với chỉ tiêu. Số liệu chi tiết ở bảng bên dưới.',
    en: 'Bar chart: satisfaction rate by sector against the target. The table below has the figures.',
  },
  tableCaption: {
    vi: 'Tỷ lệ hài lòng theo lĩnh vực, khoảng tin cậy 95% và đánh giá so với chỉ tiêu',
    en: 'Satisfaction rate by sector, 95% interval and verdict against the target',
  },
  empty: { vi: 'Chưa có phiếu nào cho bộ lọc này', en: 'No answers yet for this filter' },
  errorTitle: { vi: 'Không tải được số liệu', en: 'Could not load the figures' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  notFound: { vi: 'Không tìm thấy trang này.', en: 'This page does not exist.' },
  toDashboard: { vi: 'Về bảng điều khiển', en: 'Go to the dashboard' },
} satisfies Record<string, LocalizedText>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** Picks one language out of a server message (errors, sector names). */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

const STORAGE_KEY = 'hailong.lang';

/** The remembered language; storage can be blocked (private mode, policies), so failures mean Vietnamese. */
export function loadLang(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  try {
    return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
}
