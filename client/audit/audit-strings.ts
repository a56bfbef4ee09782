import type { AuditAction } from '../../surveys/audit-actions';
import type { LocalizedText } from '../app/api-types';

/** Each kind of audit entry in words: a kind added to surveys/audit-actions.ts without words here is a type error. */
const ACTION_WORDS = {
  audit_login: { vi: 'Đăng nhập', en: 'Signed in' },
  audit_login_failed: { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  audit_logout: { vi: 'Đăng xuất', en: 'Signed out' },
  audit_user_created: { vi: 'Tạo tài khoản', en: 'Account created' },
  audit_user_changed: { vi: 'Sửa tài khoản', en: 'Account changed' },
  audit_user_disabled: { vi: 'Khóa tài khoản', en: 'Account disabled' },
  audit_role_changed: { vi: 'Đổi vai trò', en: 'Role changed' },
  audit_password_changed: { vi: 'Đổi mật khẩu', en: 'Password changed' },
  audit_password_reset: { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  audit_sessions_ended: { vi: 'Kết thúc các phiên đăng nhập', en: 'Sessions ended' },
  audit_survey_version_created: { vi: 'Tạo phiên bản phiếu khảo sát', en: 'Survey version created' },
  audit_target_changed: { vi: 'Đổi chỉ tiêu', en: 'Target changed' },
  audit_counter_changed: { vi: 'Đổi cài đặt quầy', en: 'Counter settings changed' },
  audit_wave_created: { vi: 'Tạo đợt điều tra', en: 'Survey wave created' },
  audit_import: { vi: 'Nhập tệp', en: 'File imported' },
  audit_export: { vi: 'Xuất dữ liệu', en: 'Data exported' },
  audit_report_downloaded: { vi: 'Tải báo cáo', en: 'Report downloaded' },
  audit_flag_cleared: { vi: 'Gỡ cờ phiếu', en: 'Flag cleared' },
  audit_case_created: { vi: 'Mở phản ánh', en: 'Complaint opened' },
  audit_case_changed: { vi: 'Cập nhật phản ánh', en: 'Complaint updated' },
  audit_contact_deleted: { vi: 'Xóa số điện thoại', en: 'Phone number deleted' },
  audit_response_erased: { vi: 'Xóa dữ liệu cá nhân của phiếu', en: 'Answer’s personal data erased' },
  audit_retention_changed: { vi: 'Đổi thời hạn lưu', en: 'Retention changed' },
  audit_retention_applied: { vi: 'Xóa theo thời hạn lưu', en: 'Retention applied' },
} satisfies Record<`audit_${AuditAction}`, LocalizedText>;

/** The words of the audit log page, Vietnamese first. */
export const AUDIT_STRINGS = {
  page_audit: { vi: 'Nhật ký hệ thống', en: 'Audit log' },
  auditTitle: { vi: 'Nhật ký: ai đã làm gì', en: 'Audit log: who did what' },
  auditIntro: {
    vi: 'Mục nhật ký chỉ được thêm, không sửa, không xóa; mỗi mục mang mã băm SHA-256 nối với mục trước. Kiểm tra chuỗi để phát hiện sửa đổi ngoài hệ thống.',
    en: 'Entries are only ever added, never changed or deleted; each carries a SHA-256 hash chained to the one before. Check the chain to find an edit made behind the system’s back.',
  },
  auditAction: { vi: 'Loại thao tác', en: 'Action' },
  auditAllActions: { vi: 'Mọi thao tác', en: 'All actions' },
  auditActor: { vi: 'Người thực hiện (tên đăng nhập)', en: 'Done by (username)' },
  auditApply: { vi: 'Lọc', en: 'Filter' },
  auditClear: { vi: 'Bỏ lọc', en: 'Clear filter' },
  noAudit: { vi: 'Không có mục nhật ký nào khớp bộ lọc.', en: 'No entries match the filter.' },
  auditSystem: { vi: 'Hệ thống', en: 'The system' },
  auditSubject: { vi: 'Đối tượng', en: 'Subject' },
  auditDetails: { vi: 'Chi tiết', en: 'Details' },
  auditHash: { vi: 'Mã băm', en: 'Hash' },
  auditInstance: { vi: 'toàn hệ thống', en: 'instance-wide' },
  auditEntry: { vi: 'Mục #{id}', en: 'Entry #{id}' },
  auditCheckTitle: { vi: 'Kiểm tra tính toàn vẹn', en: 'Integrity check' },
  auditCheckIntro: {
    vi: 'Máy chủ tính lại mã băm của mọi mục, từ mục đầu tiên, và báo mục đầu tiên không khớp (như lệnh npm run audit:verify).',
    en: 'The server recomputes every entry’s hash from the first one and names the first that does not match (as npm run audit:verify does).',
  },
  auditVerify: { vi: 'Kiểm tra chuỗi nhật ký', en: 'Verify the chain' },
  auditVerifying: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  auditIntact: { vi: 'Chuỗi nhật ký nguyên vẹn (ok)', en: 'The chain is intact (ok)' },
  auditChecked: { vi: 'Đã kiểm tra {n} mục.', en: '{n} entries checked.' },
  auditHead: { vi: 'Mục cuối #{id}, mã băm:', en: 'Last entry #{id}, hash:' },
  auditNoteHead: {
    vi: 'Hãy ghi lại mã này ở nơi khác: sau này, nếu mục đó mang mã khác hoặc không còn, nhật ký đã bị viết lại.',
    en: 'Note it somewhere else: if that entry later shows another hash, or is gone, the log was rewritten.',
  },
  auditBroken: { vi: 'Chuỗi nhật ký bị phá vỡ tại mục #{id}', en: 'The chain is broken at entry #{id}' },
  auditBrokenIntact: { vi: '{n} mục trước đó nguyên vẹn.', en: '{n} entries before it are intact.' },
  ...ACTION_WORDS,
} satisfies Record<string, LocalizedText>;
