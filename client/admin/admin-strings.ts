import type { LocalizedText } from '../app/api-types';

/** The words of the administration pages (the officer's counters, accounts), Vietnamese first. */
export const ADMIN_STRINGS = {
  page_counters: { vi: 'Quầy của tôi', en: 'My counters' },
  page_users: { vi: 'Tài khoản', en: 'Accounts' },
  // Shared
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  // Counters
  countersTitle: { vi: 'Số phiếu nhận được tại quầy', en: 'Answers received at the counters' },
  countersIntro: {
    vi: 'Chỉ là số phiếu, không có nội dung trả lời. In áp phích mã QR để đặt tại quầy.',
    en: 'Counts only, never the answers. Print the QR poster to put up at the counter.',
  },
  countersCaption: { vi: 'Số phiếu theo quầy: hôm nay, tháng này, năm nay', en: 'Answers per counter: today, this month, this year' },
  noCounters: { vi: 'Chưa có quầy nào thuộc đơn vị của bạn.', en: 'No counters in your units yet.' },
  counterCode: { vi: 'Mã quầy', en: 'Code' },
  counterName: { vi: 'Tên quầy', en: 'Counter' },
  today: { vi: 'Hôm nay', en: 'Today' },
  thisMonth: { vi: 'Tháng này', en: 'This month' },
  thisYear: { vi: 'Năm nay', en: 'This year' },
  poster: { vi: 'Áp phích QR', en: 'QR poster' },
  posterA4: { vi: 'In khổ A4', en: 'Print A4' },
  posterA5: { vi: 'In khổ A5', en: 'Print A5' },
  // Accounts
  usersTitle: { vi: 'Tài khoản người dùng', en: 'User accounts' },
  usersIntro: {
    vi: 'Mọi thay đổi vai trò, đơn vị, trạng thái hay mật khẩu đều đăng xuất tài khoản đó ngay.',
    en: 'Any change of role, unit, state or password signs the account out at once.',
  },
  usersCaption: { vi: 'Tài khoản: vai trò, đơn vị, trạng thái', en: 'Accounts: role, unit, state' },
  noUsers: { vi: 'Chưa có tài khoản nào.', en: 'No accounts yet.' },
  newUser: { vi: 'Tạo tài khoản', en: 'New account' },
  create: { vi: 'Tạo', en: 'Create' },
  role: { vi: 'Vai trò', en: 'Role' },
  role_admin: { vi: 'Quản trị', en: 'Administrator' },
  role_analyst: { vi: 'Cán bộ phân tích', en: 'Analyst' },
  role_officer: { vi: 'Cán bộ tại quầy', en: 'Counter officer' },
  role_interviewer: { vi: 'Điều tra viên', en: 'Interviewer' },
  wholeTenant: { vi: 'Toàn bộ (không giới hạn đơn vị)', en: 'Everything (no unit limit)' },
  usernameHint: {
    vi: '3–64 ký tự: chữ thường không dấu, số, ".", "_" hoặc "-".',
    en: '3–64 characters: lower-case letters, digits, ".", "_" or "-".',
  },
  badUsername: { vi: 'Tên đăng nhập chưa đúng quy tắc.', en: 'The username does not follow the rule.' },
  state: { vi: 'Trạng thái', en: 'State' },
  active: { vi: 'Đang dùng', en: 'Active' },
  disabled: { vi: 'Đã khóa', en: 'Disabled' },
  disable: { vi: 'Khóa', en: 'Disable' },
  enable: { vi: 'Mở khóa', en: 'Enable' },
  resetPassword: { vi: 'Đặt lại mật khẩu', en: 'Reset password' },
  userCreated: { vi: 'Đã tạo tài khoản {u}.', en: 'Account {u} created.' },
  passwordFor: { vi: 'Mật khẩu mới của {u}:', en: 'New password for {u}:' },
  passwordOnce: {
    vi: 'Hãy sao chép và gửi mật khẩu này cho người dùng ngay: nó chỉ hiện một lần.',
    en: 'Copy this password and pass it on now: it is shown only once.',
  },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copied: { vi: 'Đã sao chép.', en: 'Copied.' },
  hidePassword: { vi: 'Đã ghi lại, ẩn mật khẩu', en: 'Noted, hide it' },
  nothingChanged: { vi: 'Không có gì thay đổi.', en: 'Nothing changed.' },
  userSaved: { vi: 'Đã lưu tài khoản {u}.', en: 'Account {u} saved.' },
} satisfies Record<string, LocalizedText>;
