import { addCaseNote, findCaseResponse, openCase } from '../../db/cases';
import type { DbHandle } from '../../db/create-db';
import { inScope } from '../http/unit-scope';
import type { SessionUser } from '../http/context';
import { RequestError } from '../http/errors';
import { auditCaseChange } from './case-audit';
import { analystCaseReason, caseDueAt } from './case-opening';
import { caseScope } from './case-scope';

const RESPONSE_NOT_FOUND = { vi: 'Không tìm thấy phiếu trả lời này.', en: 'Answer not found.' };
const NOTHING_TO_FOLLOW = {
  vi: 'Chỉ mở phản ánh cho phiếu có góp ý hoặc có đánh giá thấp (mức 1–2).',
  en: 'A case is opened only for an answer with a comment or a low rating (1–2).',
};

/** An analyst opens a case for an answer of their units; returns the new case's id. */
export async function openCaseForAnswer(
  db: DbHandle,
  user: SessionUser,
  body: { responseId: number; note?: string | undefined },
  caseDueDays: number,
  now: Date,
): Promise<number> {
  const response = await findCaseResponse(db.dbWrite, user.tenant_id, body.responseId);
  const scope = await caseScope(db.dbWrite, user);
  if (!response || !inScope(scope.scopePath, response.unit_path)) throw new RequestError(404, RESPONSE_NOT_FOUND);
  const reason = analystCaseReason(response.definition, response.answers, response.comment);
  if (!reason) throw new RequestError(422, NOTHING_TO_FOLLOW);
  const caseId =
    response.case_id ??
    (await openCase(db.dbWrite, {
      tenant_id: user.tenant_id,
      response_id: response.id,
      unit_id: response.unit_id,
      opened_by: 'analyst',
      reason,
      created_at: now,
      due_at: caseDueAt(now, caseDueDays),
    }));
  if (response.case_id !== null || caseId === undefined) {
    throw new RequestError(409, {
      vi: `Phiếu này đã có phản ánh${response.case_id ? ` số ${response.case_id}` : ''}.`,
      en: `This answer already has a case${response.case_id ? ` (#${response.case_id})` : ''}.`,
    });
  }
  if (body.note) await addCaseNote(db.dbWrite, { tenant_id: user.tenant_id, case_id: caseId, author_user_id: user.id, text: body.note });
  await auditCaseChange(db, user, 'case_created', caseId, { responseId: response.id });
  return caseId;
}
