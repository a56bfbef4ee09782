import type { CaseReason } from '../../surveys/case-origins';
import { allQuestionsOf, type Answers, type SurveyDefinition } from '../../surveys/instrument-schema';
import { score5 } from '../../surveys/scale';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A rating of 1 or 2 on any 5-level question (the overall question is one of them), or 1 "Không
 * hài lòng" on a 3-level one: the same words, dissatisfied (surveys/scale.ts score5).
 */
export function hasLowRating(def: SurveyDefinition, answers: Answers): boolean {
  return allQuestionsOf(def).some((q) => {
    if (q.type !== 'scale5' && q.type !== 'scale3') return false;
    const score = score5(q.type, answers[q.key]);
    return score !== null && score <= 2;
  });
}

/**
 * Why a fresh response opens a case by itself, or null: a low rating always does; a comment does
 * when the citizen also asked to be called back. A comment alone waits for an analyst.
 */
export function autoCaseReason(
  def: SurveyDefinition,
  answers: Answers,
  opts: { comment: string | null; contact: boolean },
): CaseReason | null {
  if (hasLowRating(def, answers)) return 'low_rating';
  if (opts.contact && opts.comment) return 'contact_request';
  return null;
}

/**
 * Why an analyst may open a case for an answer, or null when there is nothing to follow up: a low
 * rating first, else a comment.
 */
export function analystCaseReason(def: SurveyDefinition, answers: Answers, comment: string | null): CaseReason | null {
  if (hasLowRating(def, answers)) return 'low_rating';
  return comment ? 'comment' : null;
}

/** Due `days` whole days after the case was opened. */
export function caseDueAt(openedAt: Date, days: number): Date {
  return new Date(openedAt.getTime() + days * DAY_MS);
}
