import type { LocalizedText } from '../app/api-types';

/** The words of the retention page (personal data, Decree 13/2023/NĐ-CP), Vietnamese first. */
export const PRIVACY_STRINGS = {
  page_retention: { vi: 'Thời hạn lưu dữ liệu', en: 'Data retention' },
  retentionTitle: { vi: 'Thời hạn lưu góp ý và số điện thoại', en: 'How long comments and phone numbers are kept' },
  retentionIntro: {
    vi: 'Sau thời hạn này, nội dung góp ý, mã hồ sơ, mã băm và số điện thoại bị xóa; điểm đánh giá được giữ (ẩn danh), nên tỷ lệ hài lòng không đổi. Việc xóa chạy khi khởi động và mỗi ngày một lần.',
    en: 'After this period, comments, dossier codes, hashes and phone numbers are removed; the ratings stay (anonymous), so no rate changes. Removal runs at start and once a day.',
  },
  retentionNow: { vi: 'Thời hạn hiện tại: {m} tháng', en: 'Current period: {m} months' },
  retentionCutoff: {
    vi: 'Phiếu gửi trước {d} không còn nội dung góp ý; phản ánh nhận trước ngày đó không còn số điện thoại.',
    en: 'Answers sent before {d} keep no comment; complaints received before that day keep no phone number.',
  },
  retentionPending: {
    vi: 'Chờ xóa ở lần chạy tới: {r} phiếu, {c} số điện thoại.',
    en: 'Waiting for the next run: {r} answers, {c} phone numbers.',
  },
  retentionMonths: { vi: 'Thời hạn mới (tháng, 1–120)', en: 'New period (months, 1–120)' },
  retentionBadMonths: { vi: 'Nhập một số nguyên từ 1 đến 120.', en: 'Enter a whole number from 1 to 120.' },
  retentionPreview: { vi: 'Xem trước', en: 'Preview' },
  retentionWillRemove: {
    vi: 'Với {m} tháng, hệ thống sẽ xóa ngay nội dung góp ý, mã hồ sơ và mã băm của {r} phiếu gửi trước {d}, và {c} số điện thoại. Không thể hoàn tác.',
    en: 'With {m} months, hailong removes at once the comments, dossier codes and hashes of {r} answers sent before {d}, and {c} phone numbers. This cannot be undone.',
  },
  retentionConfirm: { vi: 'Xác nhận và áp dụng', en: 'Confirm and apply' },
  retentionApplied: {
    vi: 'Đã đặt thời hạn {m} tháng và áp dụng: đã xóa nội dung của {r} phiếu và {c} số điện thoại.',
    en: 'Set to {m} months and applied: removed the text of {r} answers and {c} phone numbers.',
  },
} satisfies Record<string, LocalizedText>;
