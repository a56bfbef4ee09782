import { isCaseReason } from '../../surveys/case-origins';
import { t, type Lang } from '../app/i18n';

/** Why a complaint was opened, in words; a reason this version does not know is shown as the server sends it. */
export const reasonName = (reason: string, lang: Lang) => (isCaseReason(reason) ? t(lang, `reason_${reason}`) : reason);
