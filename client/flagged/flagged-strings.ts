import type { LocalizedText } from '../app/api-types';

/** The words of the flagged answers' review, Vietnamese first. */
export const FLAGGED_STRINGS = {
  page_flagged: { vi: 'Phiếu gắn cờ', en: 'Flagged answers' },
  flaggedTitle: { vi: 'Phiếu bị gắn cờ chờ xem xét', en: 'Flagged answers to review' },
  flaggedIntro: {
    vi: 'Phiếu gửi dồn dập từ cùng một địa chỉ hoặc trình duyệt tại một quầy được giữ lại nhưng không tính vào tỷ lệ chính thức. Gỡ cờ khi phiếu là thật (ví dụ nhiều người dùng chung một mạng wifi); để nguyên thì phiếu vẫn được giữ và vẫn không được tính. Mỗi lần gỡ cờ được ghi vào nhật ký.',
    en: 'Answers sent in a burst from one address or browser at one counter are kept but left out of the official rates. Clear one when it is genuine (several people sharing one wifi, say); leave it and it stays kept and uncounted. Each clearing is written to the audit log.',
  },
  flaggedTotal: { vi: '{n} phiếu đang bị gắn cờ trong kỳ này.', en: '{n} answers flagged in this period.' },
  flaggedShown: { vi: 'Hiện {shown} phiếu mới nhất.', en: 'Showing the newest {shown}.' },
  noFlagged: { vi: 'Không có phiếu nào bị gắn cờ trong kỳ này.', en: 'No flagged answers in this period.' },
  flaggedPeriod: { vi: 'Kỳ xem xét', en: 'Period reviewed' },
  show: { vi: 'Xem', en: 'Show' },
  flagReason: { vi: 'Lý do', en: 'Reason' },
  flag_burst: {
    vi: 'Gửi dồn dập: quá nhiều phiếu từ cùng một địa chỉ hoặc trình duyệt tại quầy này trong thời gian ngắn',
    en: 'Burst: too many answers from one address or browser at this counter in a short time',
  },
  flagUnknown: { vi: 'Lý do khác', en: 'Another reason' },
  satisfiedQuestion: { vi: 'Hài lòng', en: 'Satisfied' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  commentLabel: { vi: 'Góp ý', en: 'Comment' },
  clearFlag: { vi: 'Gỡ cờ, tính vào tỷ lệ', en: 'Clear, count it' },
  flagCleared: {
    vi: 'Đã gỡ cờ phiếu #{id}: phiếu được tính vào tỷ lệ chính thức.',
    en: 'Answer #{id} cleared: it now counts in the official rates.',
  },
  answerNumber: { vi: 'Phiếu #{id}', en: 'Answer #{id}' },
} satisfies Record<string, LocalizedText>;
