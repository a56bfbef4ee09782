import { isAuditAction } from '../../surveys/audit-actions';
import type { LocalizedText } from '../app/api-types';
import { inBothLanguages } from '../app/i18n';

/** A kind of entry in words; one this app does not know yet (a newer server) shows as its code. */
export function actionWords(action: string): LocalizedText {
  return isAuditAction(action) ? inBothLanguages(`audit_${action}`) : { vi: action, en: action };
}
