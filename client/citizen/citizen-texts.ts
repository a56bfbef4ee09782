import type { LocalizedText } from './send-submission';

/** What the enhancement script says on the citizen page, Vietnamese first. */
export const TEXTS = {
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  thanks: { vi: 'Cảm ơn Ông/Bà đã đánh giá!', en: 'Thank you for your rating!' },
  sent: { vi: 'Ý kiến của Ông/Bà đã được ghi nhận.', en: 'Your answer has been recorded.' },
  savedOffline: {
    vi: 'Chưa có mạng: phiếu đã được lưu trên máy này và sẽ tự gửi khi có mạng lại. Ông/Bà không cần làm gì thêm.',
    en: 'No connection: your answer is saved on this device and will be sent by itself when the connection returns. Nothing more to do.',
  },
  savedBusy: {
    vi: 'Hệ thống đang bận: phiếu đã được lưu trên máy này và sẽ tự gửi lại sau giây lát. Ông/Bà không cần làm gì thêm.',
    en: 'The system is busy: your answer is saved on this device and will be sent by itself in a moment. Nothing more to do.',
  },
  sentLater: { vi: 'Phiếu đã lưu trước đó vừa được gửi. Cảm ơn Ông/Bà!', en: 'The saved answer has now been sent. Thank you!' },
  again: { vi: 'Đánh giá lần giao dịch khác', en: 'Rate another visit' },
  kioskNext: { vi: 'Phiếu mới sẽ hiện sau {s} giây.', en: 'A fresh form appears in {s} seconds.' },
} satisfies Record<string, LocalizedText>;

export type Lang = 'vi' | 'en';
