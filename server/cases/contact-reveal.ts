import type { CaseRow } from '../../db/cases';
import type { LocalizedText } from '../../surveys/localized-text';
import type { SessionUser } from '../http/context';

/** A reason short enough to be empty of meaning ("ok", "gọi") is refused. */
export const REVEAL_REASON_MIN = 10;

export interface RevealRefusal {
  status: 403 | 404 | 422;
  text: LocalizedText;
}

/** The person the case is assigned to, with a phone to call: the one the case page offers the reveal. */
export function mayRevealContact(row: CaseRow, user: SessionUser): boolean {
  return row.contact_phone !== null && row.assigned_user_id === user.id;
}

/**
 * Whether this person may read the citizen's phone in clear, or why not. Only the person the case
 * is assigned to may: they are the one to call back. Not an administrator as such: one who must
 * call assigns the case to themselves first, which the case and the audit log show. The reason is
 * kept in the audit log with who and when; the number never is.
 */
export function revealRefusal(row: CaseRow, user: SessionUser, reason: string): RevealRefusal | null {
  if (!row.contact_phone) {
    return {
      status: 404,
      text: { vi: 'Phản ánh này không có số điện thoại (hoặc số đã bị xóa).', en: 'This case has no phone number (or it was deleted).' },
    };
  }
  if (row.assigned_user_id !== user.id) {
    return {
      status: 403,
      text: {
        vi: 'Chỉ người được giao xử lý phản ánh này mới xem được số điện thoại để gọi lại.',
        en: 'Only the person this case is assigned to may see the phone number to call back.',
      },
    };
  }
  if ([...reason].length < REVEAL_REASON_MIN) {
    return {
      status: 422,
      text: {
        vi: `Xin ghi lý do xem số điện thoại (ít nhất ${REVEAL_REASON_MIN} ký tự).`,
        en: `Give a reason to see the phone number (at least ${REVEAL_REASON_MIN} characters).`,
      },
    };
  }
  return null;
}
