import type { Answers, FormQuestion } from './waves-types';

/**
 * Whether a question is asked, given the answers so far: the rule of surveys/instrument-schema.ts
 * `isAsked`, kept here because importing that module's values brings zod (about 95 kB) into the
 * app bundle; test/unit/client-interview.test.ts checks the two agree.
 */
export function isAskedHere(q: Pick<FormQuestion, 'showIf'>, answers: Readonly<Answers>): boolean {
  if (!q.showIf) return true;
  const v = answers[q.showIf.question];
  if (typeof v === 'number') return q.showIf.in.includes(v);
  if (Array.isArray(v)) return v.some((c) => q.showIf!.in.includes(c));
  return false;
}

/** The longest short text when a question does not say: surveys/instrument-schema.ts DEFAULT_TEXT_LENGTH (checked by the same test). */
export const TEXT_LENGTH_WHEN_UNSAID = 200;
