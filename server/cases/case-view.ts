import type { CaseRow, findCaseResponse } from '../../db/cases';
import { answerLines } from '../../surveys/answer-lines';
import { isOpenCase } from '../../surveys/case-states';
import { maskPhone } from './phone-number';

/**
 * A case as the dashboard sees it. The phone leaves the server masked: staff need to know a
 * call-back was asked for, not to read the number off a screen. Only the person the case is
 * assigned to gets it in clear, by asking with a reason (POST /api/cases/:id/contact/reveal).
 */
export function caseView(row: CaseRow, now: Date) {
  const open = isOpenCase(row.status);
  return {
    id: row.id,
    responseId: row.response_id,
    status: row.status,
    openedBy: row.opened_by,
    reason: row.reason,
    unit: { id: row.unit_id, name: row.unit_name },
    assignedUnit: row.assigned_unit_id === null ? null : { id: row.assigned_unit_id, name: row.assigned_unit_name },
    /** The person of that unit handling it, if one was named. */
    assignee: row.assigned_user_id === null ? null : { id: row.assigned_user_id, username: row.assigned_username },
    createdAt: row.created_at,
    dueAt: row.due_at,
    assignedAt: row.assigned_at,
    answeredAt: row.answered_at,
    closedAt: row.closed_at,
    answer: row.answer_text,
    closeReason: row.close_reason,
    /** The administrator's words on the public results page (never the citizen's); null: not published. */
    publishedOutcome: row.published_outcome,
    publishedAt: row.published_at,
    overdue: open && row.due_at.getTime() < now.getTime(),
    /** Answered by the due date; null while there is no answer. */
    answeredOnTime: row.answered_at ? row.answered_at.getTime() <= row.due_at.getTime() : null,
    contact: row.contact_phone ? { phone: maskPhone(row.contact_phone), consentAt: row.contact_consent_at } : null,
  };
}

/**
 * The answer a case was opened for, as the case page shows it: each question in words with its
 * answer's label, and the reference the citizen was given on the thank-you page
 * (server/references/answer-reference.ts), so a caller can be matched.
 */
export function caseResponseView(response: NonNullable<Awaited<ReturnType<typeof findCaseResponse>>>, reference: string) {
  return {
    id: response.id,
    reference,
    submittedAt: response.submitted_at,
    counter: response.counter_code ? { code: response.counter_code, name: response.counter_name } : null,
    sector: response.sector_code,
    channel: response.channel,
    satisfied: response.satisfied,
    flags: response.flags,
    answers: response.answers,
    lines: answerLines(response.definition, response.answers),
    comment: response.comment,
    dossierCode: response.dossier_code,
  };
}
