import type { DbHandle } from '../../db/create-db';
import { recordAudit, type AuditAction } from '../audit/record-audit';
import type { SessionUser } from '../http/context';

/**
 * The audit line for a case change. Never the phone number or the answer's words: the log is kept
 * for ever; the case keeps the text.
 */
export function auditCaseChange(
  db: DbHandle,
  user: SessionUser,
  action: AuditAction,
  caseId: number,
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, user, action, `case:${caseId}`, details);
}
