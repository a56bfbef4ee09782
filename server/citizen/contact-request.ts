import { z } from 'zod';
import type { NewContact } from '../../db/cases';
import type { LocalizedText } from '../../surveys/localized-text';
import { normalizePhone } from '../cases/phone-number';

/** Where a phone problem is shown on the form; `_`-prefixed like the other non-question keys. */
export const CONTACT_ERROR_KEY = '_contact';

/** `contact: { phone, consent: true }` in the JSON submission; a phone is taken only with consent. */
export const contactField = z
  .object({
    phone: z.string().max(40, 'phone: at most 40 characters'),
    consent: z.boolean().optional(),
  })
  .optional();

const NO_CONSENT: LocalizedText = {
  vi: 'Ông/Bà đã ghi số điện thoại nhưng chưa đánh dấu ô đồng ý, nên số chưa được lưu. Xin đánh dấu ô đồng ý, hoặc xoá số điện thoại rồi gửi lại.',
  en: 'You gave a phone number but did not tick the consent box, so it was not kept. Please tick the box, or remove the number, and send again.',
};

const BAD_PHONE: LocalizedText = {
  vi: 'Số điện thoại chưa đúng. Xin nhập số Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.',
  en: 'The phone number is not valid. Please enter a Vietnamese number, e.g. 0912 345 678 or +84 912 345 678.',
};

export type ContactResult = { ok: true; contact: NewContact | undefined } | { ok: false; errors: Record<string, LocalizedText> };

/**
 * A phone number only with explicit consent (Decree 13/2023): without the tick the whole answer is
 * refused, so nothing is stored that the person did not agree to. Consent without a number means
 * nothing and is ignored.
 */
export function contactRequest(raw: z.output<typeof contactField>, now: Date): ContactResult {
  const typed = raw?.phone.trim() ?? '';
  if (typed === '') return { ok: true, contact: undefined };
  if (raw?.consent !== true) return { ok: false, errors: { [CONTACT_ERROR_KEY]: NO_CONSENT } };
  const phone = normalizePhone(typed);
  if (!phone) return { ok: false, errors: { [CONTACT_ERROR_KEY]: BAD_PHONE } };
  return { ok: true, contact: { phone, consent_at: now } };
}
