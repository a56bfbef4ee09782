import { ADMIN_STRINGS } from '../admin/admin-strings';
import { API_KEYS_STRINGS } from '../api-keys/api-keys-strings';
import { NOTIFICATIONS_STRINGS } from '../notifications/notifications-strings';
import { COUNTER_ADMIN_STRINGS } from '../admin/counter-admin-strings';
import { AUDIT_STRINGS } from '../audit/audit-strings';
import { AUTH_STRINGS } from '../auth/auth-strings';
import { CASES_STRINGS } from '../cases/cases-strings';
import { DASHBOARD_STRINGS } from '../dashboard/dashboard-strings';
import { EXPORTS_STRINGS } from '../exports/exports-strings';
import { FLAGGED_STRINGS } from '../flagged/flagged-strings';
import { IMPORTS_STRINGS } from '../imports/imports-strings';
import { INDICES_STRINGS } from '../indices/indices-strings';
import { RECONCILIATION_STRINGS } from '../indices/reconciliation-strings';
import { PRIVACY_STRINGS } from '../privacy/privacy-strings';
import { PUBLIC_RESULTS_STRINGS } from '../public-results/public-results-strings';
import { REPORTS_STRINGS } from '../reports/reports-strings';
import { TARGETS_STRINGS } from '../targets/targets-strings';
import { REORGANISATION_IMPORT_STRINGS } from '../units/reorganisation-import-strings';
import { UNITS_STRINGS } from '../units/units-strings';
import { WAVES_STRINGS } from '../waves/waves-strings';
import type { LocalizedText } from './api-types';
import { SURVEYS_STRINGS } from '../surveys/surveys-strings';
import { SHELL_STRINGS } from './shell-strings';

/** The words several features share (and the frame's own), Vietnamese first. */
export const SHARED_STRINGS = {
  appName: { vi: 'hailong — Mức độ hài lòng', en: 'hailong — Citizen satisfaction' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  // Login
  loginTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  email: { vi: 'E-mail', en: 'E-mail' },
  // Header
  demoBadge: { vi: 'Dữ liệu minh họa', en: 'Demo data' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Đăng nhập với tên', en: 'Signed in as' },
  // Filter bar
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  allUnits: { vi: 'Tất cả đơn vị', en: 'All units' },
  // Overall card
  overallTitle: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' },
  answers: { vi: 'Số phiếu', en: 'Answers' },
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
  empty: { vi: 'Chưa có phiếu nào cho bộ lọc này', en: 'No answers yet for this filter' },
  errorTitle: { vi: 'Không tải được số liệu', en: 'Could not load the figures' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  notFound: { vi: 'Không tìm thấy trang này.', en: 'This page does not exist.' },
  toDashboard: { vi: 'Về bảng điều khiển', en: 'Go to the dashboard' },
  // Navigation
  navLabel: { vi: 'Các trang phân tích', en: 'Analysis pages' },
  // Period picker and the rest of the filter
  period: { vi: 'Kỳ', en: 'Period' },
  year: { vi: 'Năm', en: 'Year' },
  report_q1: { vi: 'Quý I', en: 'Quarter I' },
  report_h1: { vi: '6 tháng', en: '6 months' },
  report_q3: { vi: 'Quý III', en: 'Quarter III' },
  report_m9: { vi: '9 tháng', en: '9 months' },
  report_year: { vi: 'Cả năm', en: 'Year' },
  counter: { vi: 'Quầy', en: 'Counter' },
  channel: { vi: 'Kênh', en: 'Channel' },
  survey: { vi: 'Phiếu khảo sát', en: 'Survey' },
  // Overview
  asOf: { vi: 'Tính đến ngày', en: 'As of' },
  flaggedNote: { vi: 'phiếu bị gắn cờ (gửi dồn dập) không được tính.', en: 'flagged answers (bursts) are not counted.' },
  // Comments
  loadMore: { vi: 'Xem thêm', en: 'Show more' },
  // Tables
  sortAsc: { vi: 'tăng dần', en: 'ascending' },
  sortDesc: { vi: 'giảm dần', en: 'descending' },
  notAvailable: {
    vi: 'Máy chủ chưa có số liệu này. Xin thử lại sau.',
    en: 'The server does not offer these figures yet. Please try again later.',
  },
  // Downloads
  cancel: { vi: 'Hủy', en: 'Cancel' },
  // Exports
  opensNewTab: { vi: '(mở thẻ mới)', en: '(opens a new tab)' },
  // Waves
  chooseUnit: { vi: 'Chọn đơn vị…', en: 'Choose a unit…' },
  // Shared
  save: { vi: 'Lưu', en: 'Save' },
  actionFailed: { vi: 'Không thực hiện được', en: 'Could not do that' },
  done: { vi: 'Đã lưu.', en: 'Saved.' },
  // Accounts
  actions: { vi: 'Thao tác', en: 'Actions' },
} satisfies Record<string, LocalizedText>;

/**
 * Every word of the analyst app, Vietnamese first: the shared words and each feature's table
 * (a key lives in one of them only). One table, so a missing translation is a type error.
 */
export const STRINGS = {
  ...SHARED_STRINGS,
  ...SHELL_STRINGS,
  ...AUTH_STRINGS,
  ...DASHBOARD_STRINGS,
  ...EXPORTS_STRINGS,
  ...REPORTS_STRINGS,
  ...IMPORTS_STRINGS,
  ...INDICES_STRINGS,
  ...RECONCILIATION_STRINGS,
  ...WAVES_STRINGS,
  ...CASES_STRINGS,
  ...ADMIN_STRINGS,
  ...COUNTER_ADMIN_STRINGS,
  ...FLAGGED_STRINGS,
  ...PRIVACY_STRINGS,
  ...PUBLIC_RESULTS_STRINGS,
  ...AUDIT_STRINGS,
  ...TARGETS_STRINGS,
  ...UNITS_STRINGS,
  ...REORGANISATION_IMPORT_STRINGS,
  ...SURVEYS_STRINGS,
  ...API_KEYS_STRINGS,
  ...NOTIFICATIONS_STRINGS,
} satisfies Record<string, LocalizedText>;
