import type { LocalizedText } from '../../surveys/instrument-schema';

export type Lang = 'vi' | 'en';

export const langOf = (raw: string | undefined): Lang => (raw === 'en' ? 'en' : 'vi');

/** Words of the citizen pages, Vietnamese first. */
export const T = {
  switchTo: { vi: 'English', en: 'Tiếng Việt' },
  counter: { vi: 'Quầy', en: 'Counter' },
  sector: { vi: 'Lĩnh vực bạn vừa giao dịch', en: 'The service you used' },
  overallHint: { vi: 'Bắt buộc', en: 'Required' },
  optionalHint: { vi: 'Không bắt buộc', en: 'Optional' },
  dossierCode: { vi: 'Mã hồ sơ (nếu có, in trên Giấy tiếp nhận)', en: 'Dossier code (if any, printed on your receipt)' },
  send: { vi: 'Gửi đánh giá', en: 'Send rating' },
  privacy: {
    vi: 'Phiếu ẩn danh: không hỏi tên, không lưu địa chỉ IP. Góp ý chỉ dùng để cải thiện dịch vụ.',
    en: 'Anonymous: no name asked, no IP address stored. Comments are used only to improve the service.',
  },
  thanksTitle: { vi: 'Cảm ơn bạn đã đánh giá!', en: 'Thank you for your rating!' },
  thanksBody: {
    vi: 'Ý kiến của bạn đã được ghi nhận và giúp cơ quan phục vụ tốt hơn.',
    en: 'Your answer has been recorded and helps the office serve people better.',
  },
  thanksAgain: { vi: 'Đánh giá lần giao dịch khác', en: 'Rate another visit' },
  kioskNext: {
    vi: 'Phiếu mới sẽ hiện sau {s} giây cho người tiếp theo.',
    en: 'A fresh form appears in {s} seconds for the next person.',
  },
  receipt: { vi: 'Mã phiếu', en: 'Receipt number' },
  notFoundTitle: { vi: 'Không tìm thấy quầy này', en: 'Counter not found' },
  notFoundBody: {
    vi: 'Mã QR có thể đã cũ hoặc quầy đã ngừng nhận đánh giá. Xin quét mã QR đang dán tại quầy, hoặc hỏi cán bộ hướng dẫn.',
    en: 'The QR code may be out of date, or the counter no longer takes ratings. Please scan the code posted at the counter, or ask the staff.',
  },
  errorSummary: { vi: 'Phiếu chưa gửi được', en: 'Not sent yet' },
} satisfies Record<string, LocalizedText>;
