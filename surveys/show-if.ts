/**
 * Which questions are asked, as one rule for the server, the citizen form and the interviewer's
 * entry. No zod here: the analyst app imports it, and zod would add some 95 kB to its bundle.
 */

/**
 * An answer as stored: a code or number, a list of codes (multiple choice), a short text, or null
 * for "Không ý kiến" (no opinion). Unanswered keys are absent.
 */
export type AnswerValue = number | number[] | string | null;
export type Answers = Record<string, AnswerValue>;

/** Ask a question only when an earlier question's answer is one of these codes (for `multi`: any ticked). */
export interface ShowIf {
  question: string;
  in: number[];
}

/** The longest short text a question takes when it does not say. */
export const DEFAULT_TEXT_LENGTH = 200;

/** Whether a question is asked, given the answers to the questions before it. */
export function isAsked(q: { showIf?: ShowIf | undefined }, answers: Readonly<Answers>): boolean {
  if (!q.showIf) return true;
  const v = answers[q.showIf.question];
  if (typeof v === 'number') return q.showIf.in.includes(v);
  if (Array.isArray(v)) return v.some((c) => q.showIf!.in.includes(c));
  return false;
}
