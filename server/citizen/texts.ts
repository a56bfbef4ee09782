import type { LocalizedText } from '../../surveys/localized-text';

export type Lang = 'vi' | 'en';

export const langOf = (raw: string | undefined): Lang => (raw === 'en' ? 'en' : 'vi');

/** Words of the citizen pages, Vietnamese first. */
export const T = {
  switchTo: { vi: 'English', en: 'Tiếng Việt' },
  counter: { vi: 'Quầy', en: 'Counter' },
  sector: { vi: 'Lĩnh vực Ông/Bà vừa giao dịch', en: 'The service you used' },
  overallHint: { vi: 'Bắt buộc', en: 'Required' },
  questionOf: { vi: 'Câu {n}/{total}', en: 'Question {n}/{total}' },
  formLength: { vi: 'Phiếu có {q} câu hỏi, mất {time}.', en: '{q} questions, {time}.' },
  optionalHint: { vi: 'Không bắt buộc', en: 'Optional' },
  dossierCode: { vi: 'Mã hồ sơ (nếu có, in trên Giấy tiếp nhận)', en: 'Dossier code (if any, printed on your receipt)' },
  send: { vi: 'Gửi đánh giá', en: 'Send rating' },
  contactLegend: {
    vi: 'Để lại số điện thoại nếu Ông/Bà muốn được liên hệ lại về góp ý này',
    en: 'Leave a phone number if you would like to be contacted about this feedback',
  },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  contactConsent: {
    vi: 'Tôi đồng ý để cơ quan lưu số điện thoại này và liên hệ lại với tôi về góp ý này.',
    en: 'I agree that the office keeps this phone number and contacts me about this feedback.',
  },
  privacy: {
    vi: 'Phiếu ẩn danh: không hỏi tên, không lưu địa chỉ IP; câu trả lời và góp ý chỉ dùng để thống kê và cải thiện dịch vụ. Số điện thoại chỉ được lưu khi Ông/Bà đồng ý, để riêng khỏi câu trả lời, và bị xoá khi phản ánh được xử lý xong hoặc khi Ông/Bà yêu cầu.',
    en: 'Anonymous: no name asked, no IP address stored; answers and comments are used only for statistics and to improve the service. A phone number is kept only with your consent, apart from your answers, and deleted once your complaint is dealt with or when you ask.',
  },
  retention: {
    vi: 'Nội dung góp ý và mã hồ sơ được xoá sau {n} tháng; phần đánh giá được giữ ẩn danh để thống kê.',
    en: 'Comments and dossier codes are deleted after {n} months; the ratings are kept, anonymous, for statistics.',
  },
  thanksTitle: { vi: 'Cảm ơn Ông/Bà đã đánh giá!', en: 'Thank you for your rating!' },
  thanksBody: {
    vi: 'Ý kiến của Ông/Bà đã được ghi nhận và giúp cơ quan phục vụ tốt hơn.',
    en: 'Your answer has been recorded and helps the office serve people better.',
  },
  thanksAgain: { vi: 'Đánh giá lần giao dịch khác', en: 'Rate another visit' },
  kioskNext: {
    vi: 'Phiếu mới sẽ hiện sau {s} giây cho người tiếp theo.',
    en: 'A fresh form appears in {s} seconds for the next person.',
  },
  reference: { vi: 'Mã tham chiếu (xin đọc mã này khi liên hệ cơ quan)', en: 'Reference (quote it if you contact the office)' },
  notFoundTitle: { vi: 'Không tìm thấy quầy này', en: 'Counter not found' },
  notFoundBody: {
    vi: 'Mã QR có thể đã cũ hoặc quầy đã ngừng nhận đánh giá. Xin quét mã QR đang dán tại quầy, hoặc hỏi cán bộ hướng dẫn.',
    en: 'The QR code may be out of date, or the counter no longer takes ratings. Please scan the code posted at the counter, or ask the staff.',
  },
  retiredTitle: { vi: 'Quầy đã ngừng nhận ý kiến', en: 'This counter no longer takes feedback' },
  retiredBody: {
    vi: 'Quầy này đã ngừng nhận ý kiến từ ngày {d}. Cảm ơn Ông/Bà đã quan tâm; xin quét mã QR đang dán tại quầy Ông/Bà giao dịch, hoặc hỏi cán bộ hướng dẫn.',
    en: 'This counter has not taken feedback since {d}. Thank you for your interest; please scan the QR code posted at the counter you visit, or ask the staff.',
  },
  noCodeTitle: { vi: 'Địa chỉ thiếu mã quầy', en: 'No counter code in this address' },
  noCodeBody: {
    vi: 'Mỗi quầy có một mã QR riêng. Xin quét mã QR dán tại quầy Ông/Bà vừa giao dịch, hoặc hỏi cán bộ hướng dẫn.',
    en: 'Each counter has its own QR code. Please scan the code posted at the counter you visited, or ask the staff.',
  },
  errorSummary: { vi: 'Phiếu chưa gửi được', en: 'Not sent yet' },
  busyTitle: { vi: 'Hệ thống đang bận', en: 'The system is busy' },
  busyAnswersKept: {
    vi: 'Hệ thống đang bận, xin thử lại sau giây lát. Các câu trả lời của Ông/Bà vẫn được giữ: xin bấm Gửi lại.',
    en: 'The system is busy; please try again in a moment. Your answers are kept: press Send again.',
  },
  sendAgain: { vi: 'Gửi lại', en: 'Send again' },
} satisfies Record<string, LocalizedText>;
