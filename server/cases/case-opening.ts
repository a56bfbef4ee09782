import type { CaseReason } from '../../surveys/case-origins';
import { allQuestionsOf, type Answers, type SurveyDefinition } from '../../surveys/instrument-schema';
import { isLevel } from '../../surveys/scale';
import { isRating } from '../../surveys/scoring';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The highest low level of each rating scale: 1–2 of five (Rất không hài lòng, Không hài lòng);
 * 1 of three (Không hài lòng), the same words as the 5-level 2.
 */
const LOW_UP_TO = { scale5: 2, scale3: 1 } as const;

/** A low rating on any rating question (the overall question is one of them), docs/domain.md §6. */
export function hasLowRating(def: SurveyDefinition, answers: Answers): boolean {
  return allQuestionsOf(def).some((q) => {
    const v = answers[q.key];
    return isRating(q) && isLevel(q.type, v) && v <= LOW_UP_TO[q.type];
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
