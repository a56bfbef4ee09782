import type { LocalizedText } from './send-submission';

/** What the enhancement script says on the citizen page, Vietnamese first. */
export const TEXTS = {
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  thanks: { vi: 'Cảm ơn bạn đã đánh giá!', en: 'Thank you for your rating!' },
  sent: { vi: 'Ý kiến của bạn đã được ghi nhận.', en: 'Your answer has been recorded.' },
  waiting: { vi: 'Phiếu đang chờ gửi', en: 'Your answer is waiting to be sent' },
  savedOffline: {
    vi: 'Chưa có mạng: phiếu đã được lưu trên máy này và sẽ tự gửi khi có mạng lại. Ông/Bà không cần làm gì thêm.',
    en: 'No connection: your answer is saved on this device and will be sent by itself when the connection returns. Nothing more to do.',
  },
  savedBusy: {
    vi: 'Hệ thống đang bận: phiếu đã được lưu trên máy này và sẽ tự gửi lại sau giây lát. Ông/Bà không cần làm gì thêm.',
    en: 'The system is busy: your answer is saved on this device and will be sent by itself in a moment. Nothing more to do.',
  },
  savedPaced: {
    vi: 'Máy đánh giá tại quầy nghỉ vài giây giữa hai lượt nên chưa nhận phiếu này. Phiếu của Ông/Bà đã được giữ trên máy và sẽ tự gửi sau {s} giây; xin Ông/Bà đợi trong giây lát.',
    en: 'The counter tablet pauses a few seconds between two answers, so this one was not taken yet. Your answer is kept and will be sent by itself in {s} seconds; please wait a moment.',
  },
  sentLater: {
    vi: 'Phiếu đã lưu trên máy đã được gửi lúc {t} ngày {d}. Cảm ơn Ông/Bà!',
    en: 'The answer saved on this device was sent at {t} on {d}. Thank you!',
  },
  reference: { vi: 'Mã tham chiếu (xin đọc mã này khi liên hệ cơ quan)', en: 'Reference (quote it if you contact the office)' },
  again: { vi: 'Đánh giá lần giao dịch khác', en: 'Rate another visit' },
  kioskNext: { vi: 'Phiếu mới sẽ hiện sau {s} giây.', en: 'A fresh form appears in {s} seconds.' },
} satisfies Record<string, LocalizedText>;

export type Lang = 'vi' | 'en';
