import { t, type Lang } from '../app/i18n';

/** Why a complaint was opened, in words; a reason this version does not know is shown as the server sends it. */
export const reasonName = (reason: string, lang: Lang) =>
  reason === 'low_rating' || reason === 'contact_request' || reason === 'comment' ? t(lang, `reason_${reason}`) : reason;
