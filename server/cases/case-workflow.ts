import type { CaseStatus } from '../../db/types';
import type { LocalizedText } from '../../surveys/instrument-schema';

/**
 * received → assigned → answered → closed. A case may be assigned again (to another unit) until it
 * is answered; it is answered only once it is with a unit; it closes once answered, or earlier with
 * a reason (a duplicate, not a complaint). A closed case stays closed.
 */
export type CaseAction = 'assign' | 'answer' | 'close';

export const STATUS_NAMES: Record<CaseStatus, LocalizedText> = {
  received: { vi: 'mới tiếp nhận', en: 'received' },
  assigned: { vi: 'đã giao đơn vị xử lý', en: 'assigned to a unit' },
  answered: { vi: 'đã trả lời', en: 'answered' },
  closed: { vi: 'đã đóng', en: 'closed' },
};

/** The states an action may start from; closing without an answer needs a reason. */
export function allowedFrom(action: CaseAction, withReason = false): CaseStatus[] {
  switch (action) {
    case 'assign':
      return ['received', 'assigned'];
    case 'answer':
      return ['assigned'];
    case 'close':
      return withReason ? ['received', 'assigned', 'answered'] : ['answered'];
  }
}

/** Why the action cannot be done in this state, said so the person knows what to do instead. */
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
