import type { CaseAction, CaseStatus } from '../../surveys/case-states';
import type { LocalizedText } from '../../surveys/localized-text';

/** A state as the refusals name it. */
const STATUS_NAMES: Record<CaseStatus, LocalizedText> = {
  received: { vi: 'mới tiếp nhận', en: 'received' },
  assigned: { vi: 'đã giao đơn vị xử lý', en: 'assigned to a unit' },
  answered: { vi: 'đã trả lời', en: 'answered' },
  closed: { vi: 'đã đóng', en: 'closed' },
};

const DUE_BEFORE_OPENED: LocalizedText = {
  vi: 'Hạn xử lý không được trước ngày tiếp nhận phản ánh.',
  en: 'The due date cannot be before the case was received.',
};

/** Why a due date given with an assignment is refused, or null: it may not fall before the case was received. */
export function dueDateRefusal(openedAt: Date, dueAt: Date | undefined): LocalizedText | null {
  return dueAt && dueAt.getTime() < openedAt.getTime() ? DUE_BEFORE_OPENED : null;
}

/**
 * Why the action cannot be done in this state (surveys/case-states.ts has the transitions), said so
 * the person knows what to do instead.
 */
export function refusal(action: CaseAction, status: CaseStatus): LocalizedText {
  const now = STATUS_NAMES[status];
  if (status === 'closed') {
    return { vi: 'Phản ánh này đã đóng; không thay đổi được nữa.', en: 'This case is closed; it can no longer be changed.' };
  }
  if (action === 'assign') {
    return {
      vi: `Phản ánh đang ở trạng thái "${now.vi}": đã trả lời thì không giao lại được.`,
      en: `The case is ${now.en}: once answered it cannot be reassigned.`,
    };
  }
  if (action === 'answer') {
    return status === 'received'
      ? { vi: 'Xin giao phản ánh cho một đơn vị xử lý trước khi trả lời.', en: 'Assign the case to a unit before answering it.' }
      : { vi: 'Phản ánh này đã được trả lời rồi.', en: 'This case has already been answered.' };
  }
  return {
    vi: `Phản ánh đang ở trạng thái "${now.vi}" và chưa có câu trả lời: muốn đóng thì xin ghi lý do.`,
    en: `The case is ${now.en} and has no answer yet: give a reason to close it without one.`,
  };
}
