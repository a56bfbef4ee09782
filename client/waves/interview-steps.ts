import type { AnswerValue } from '../../surveys/show-if';
import type { LocalizedText } from '../app/api-types';
import type { StringKey } from '../app/i18n';
import { isAsked } from '../../surveys/show-if';
import type { FormQuestion, WaveForm } from './waves-types';

/**
 * The interview entry form as a sequence of steps (every question, then the comment) driven by
 * single keys, so an interviewer copying paper forms never leaves the keyboard: 1–5 (1–3 on the
 * 3-level scale) answers and moves on, 9 or 0 is "no opinion", Space skips, Backspace goes back,
 * Enter saves. On a several-choice question a digit ticks or unticks that option and Space moves
 * on. A question whose show-if the answers so far do not meet is not asked: moving passes over it,
 * it is never missing, and its answer is not sent.
 */
export type Step = { kind: 'question'; question: FormQuestion; group: LocalizedText | null } | { kind: 'comment' };

export function stepsOf(survey: WaveForm['survey']): Step[] {
  const steps: Step[] = [];
  if (survey.overall) steps.push({ kind: 'question', question: survey.overall, group: null });
  for (const f of survey.factors) for (const q of f.items) steps.push({ kind: 'question', question: q, group: f.label });
  for (const q of survey.extras) steps.push({ kind: 'question', question: q, group: null });
  steps.push({ kind: 'comment' });
  return steps;
}

export type Answers = Record<string, AnswerValue>;

export interface EntryState {
  index: number;
  answers: Answers;
  /** What the last key could not do, in words for the interviewer. */
  notice: StringKey | null;
}

export const START: EntryState = { index: 0, answers: {}, notice: null };

export type KeyResult = { state: EntryState; save: boolean; handled: boolean };

const NO_OPINION_KEYS = new Set(['9', '0']);

/** Whether a step is asked, given the answers so far (the comment always is). */
export function isStepAsked(step: Step, answers: Readonly<Answers>): boolean {
  return step.kind === 'comment' || isAsked(step.question, answers);
}

/** The answers to send: only those of questions asked, so a changed earlier answer leaves no stale one behind. */
export function askedAnswers(steps: readonly Step[], answers: Readonly<Answers>): Answers {
  const out: Answers = {};
  for (const s of steps) {
    if (s.kind === 'question' && s.question.key in answers && isAsked(s.question, out)) out[s.question.key] = answers[s.question.key]!;
  }
  return out;
}

/** The value a key gives a question, 'no_opinion', or null when the key means nothing there. */
function valueOfKey(q: FormQuestion, key: string): number | 'no_opinion' | null {
  if (!/^\d$/.test(key)) return null;
  const digit = Number(key);
  if (q.type === 'scale5' && digit >= 1 && digit <= 5) return digit;
  if (q.type === 'scale3' && digit >= 1 && digit <= 3) return digit;
  if ((q.type === 'choice' || q.type === 'multi') && (q.options ?? []).some((o) => o.code === digit)) return digit;
  if (NO_OPINION_KEYS.has(key)) return 'no_opinion';
  return null;
}

/** The first required question asked and left unanswered, as a step index; -1 when none. */
export function firstMissing(steps: readonly Step[], answers: Answers): number {
  const sent = askedAnswers(steps, answers);
  return steps.findIndex((s) => s.kind === 'question' && s.question.required && isAsked(s.question, sent) && !(s.question.key in sent));
}

/** The next step asked after i (the comment at the end always is). */
function next(steps: readonly Step[], i: number, answers: Answers): number {
  let j = Math.min(steps.length - 1, i + 1);
  while (j < steps.length - 1 && !isStepAsked(steps[j]!, answers)) j += 1;
  return j;
}

/** Sets an answer (a number, a list of codes, a text, or null for no opinion) on the current question and moves on. */
export function answer(steps: readonly Step[], state: EntryState, value: AnswerValue): EntryState {
  const step = steps[state.index];
  if (!step || step.kind !== 'question') return state;
  if (value === null && !step.question.allowNoOpinion) return { ...state, notice: 'noOpinionNotHere' };
  const answers = { ...state.answers, [step.question.key]: value };
  return { index: next(steps, state.index, answers), answers, notice: null };
}

/** Ticks or unticks one code of a several-choice question and stays on it; none ticked is unanswered. */
export function toggle(steps: readonly Step[], state: EntryState, code: number): EntryState {
  const step = steps[state.index];
  if (!step || step.kind !== 'question' || step.question.type !== 'multi') return state;
  const key = step.question.key;
  const before = state.answers[key];
  const ticked = Array.isArray(before) ? before : [];
  const after = ticked.includes(code) ? ticked.filter((c) => c !== code) : [...ticked, code].sort((a, b) => a - b);
  const answers = { ...state.answers };
  if (after.length > 0) answers[key] = after;
  else delete answers[key];
  return { ...state, answers, notice: null };
}

/** A typed short text: trimmed, or null when empty (the question is then skipped). */
export function typedText(text: string, maxLength: number): string | null {
  const s = text.trim();
  return s === '' ? null : s.slice(0, maxLength);
}

export function back(steps: readonly Step[], state: EntryState): EntryState {
  let j = Math.max(0, state.index - 1);
  while (j > 0 && !isStepAsked(steps[j]!, state.answers)) j -= 1;
  return { ...state, index: j, notice: null };
}

/** Moves on without answering; a required question cannot be skipped. */
export function skip(steps: readonly Step[], state: EntryState): EntryState {
  const step = steps[state.index];
  if (step?.kind === 'question' && step.question.required && !(step.question.key in state.answers))
    return { ...state, notice: 'missingRequired' };
  return { ...state, index: next(steps, state.index, state.answers), notice: null };
}

/** Enter: save when every required question asked has an answer, otherwise go to the first that lacks one. */
export function trySave(steps: readonly Step[], state: EntryState): KeyResult {
  const missing = firstMissing(steps, state.answers);
  if (missing >= 0) return { state: { ...state, index: missing, notice: 'missingRequired' }, save: false, handled: true };
  return { state: { ...state, notice: null }, save: true, handled: true };
}

/** One key press on a scale or choice question (percent, text and comment steps have their own text inputs). */
export function pressKey(steps: readonly Step[], state: EntryState, key: string): KeyResult {
  const step = steps[state.index];
  const done = (s: EntryState): KeyResult => ({ state: s, save: false, handled: true });
  if (key === 'Enter') return trySave(steps, state);
  if (key === 'Backspace' || key === 'ArrowLeft' || key === 'ArrowUp') return done(back(steps, state));
  if (key === ' ' || key === 'ArrowRight' || key === 'ArrowDown') return done(skip(steps, state));
  if (!step || step.kind !== 'question') return { state, save: false, handled: false };
  const value = valueOfKey(step.question, key);
  if (value === null) return { state, save: false, handled: false };
  if (step.question.type === 'multi' && value !== 'no_opinion') return done(toggle(steps, state, value));
  return done(answer(steps, state, value === 'no_opinion' ? null : value));
}

/** A typed percentage: a whole number 0–100, or null. */
export function parsePercent(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}
