import type { LocalizedText } from '../../surveys/localized-text';
import { localDay } from '../../surveys/time';
import { answerReference } from '../references/answer-reference';

/** The complaint case a submission opened (or had opened, for a replay). */
export interface OpenedCase {
  dueAt: Date;
  /** A phone was left with consent: the unit calls back. */
  callBack: boolean;
}

/** What the citizen is told once an answer is stored, the same with or without JavaScript. */
export interface ThankYou {
  reference: string;
  caseOpened: (OpenedCase & { message: LocalizedText }) | null;
}

export function thankYou(secret: string, tenantId: number, stored: { id: number; openedCase: OpenedCase | null }): ThankYou {
  const reference = answerReference(secret, tenantId, stored.id);
  const opened = stored.openedCase;
  return { reference, caseOpened: opened ? { ...opened, message: caseOpenedMessage(opened) } : null };
}

/** 'DD/MM/YYYY' of the due date in Vietnam, as both languages write it on a Vietnamese page. */
const dueDay = (dueAt: Date) => localDay(dueAt).split('-').reverse().join('/');

/** The case's due date (docs/domain.md §6) is the latest day the unit calls back or answers. */
export function caseOpenedMessage(opened: OpenedCase): LocalizedText {
  const day = dueDay(opened.dueAt);
  return opened.callBack
    ? {
        vi: `Góp ý của Ông/Bà đã được ghi nhận thành phản ánh. Cán bộ sẽ gọi lại số điện thoại Ông/Bà để lại, chậm nhất ngày ${day}.`,
        en: `Your feedback has been opened as a complaint case. An officer will call the number you left by ${day} at the latest.`,
      }
    : {
        vi: `Góp ý của Ông/Bà đã được ghi nhận thành phản ánh; cơ quan sẽ xem xét và xử lý chậm nhất ngày ${day}.`,
        en: `Your feedback has been opened as a complaint case; the office will deal with it by ${day} at the latest.`,
      };
}
