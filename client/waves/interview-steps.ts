import type { LocalizedText } from '../app/api-types';
import type { StringKey } from '../app/i18n';
import type { FormQuestion, WaveForm } from './waves-types';

/**
 * The interview entry form as a sequence of steps (every question, then the comment) driven by
 * single keys, so an interviewer copying paper forms never leaves the keyboard: 1–5 answers and
 * moves on, 9 or 0 is "no opinion", Space skips, Backspace goes back, Enter saves.
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

export type Answers = Record<string, number | null>;

export interface EntryState {
  index: number;
  answers: Answers;
  /** What the last key could not do, in words for the interviewer. */
  notice: StringKey | null;
}

export const START: EntryState = { index: 0, answers: {}, notice: null };

export type KeyResult = { state: EntryState; save: boolean; handled: boolean };

const NO_OPINION_KEYS = new Set(['9', '0']);

/** The value a key gives a question, 'no_opinion', or null when the key means nothing there. */
function valueOfKey(q: FormQuestion, key: string): number | 'no_opinion' | null {
  if (!/^\d$/.test(key)) return null;
  const digit = Number(key);
  if (q.type === 'scale5' && digit >= 1 && digit <= 5) return digit;
  if (q.type === 'choice' && (q.options ?? []).some((o) => o.code === digit)) return digit;
  if (NO_OPINION_KEYS.has(key)) return 'no_opinion';
  return null;
}

/** The first required question left unanswered, as a step index; -1 when none. */
export function firstMissing(steps: readonly Step[], answers: Answers): number {
  return steps.findIndex((s) => s.kind === 'question' && s.question.required && !(s.question.key in answers));
}

const next = (steps: readonly Step[], i: number) => Math.min(steps.length - 1, i + 1);

/** Sets an answer (a number, or null for no opinion) on the current question and moves on. */
export function answer(steps: readonly Step[], state: EntryState, value: number | null): EntryState {
  const step = steps[state.index];
  if (!step || step.kind !== 'question') return state;
  if (value === null && !step.question.allowNoOpinion) return { ...state, notice: 'noOpinionNotHere' };
  return { index: next(steps, state.index), answers: { ...state.answers, [step.question.key]: value }, notice: null };
}

export function back(state: EntryState): EntryState {
  return { ...state, index: Math.max(0, state.index - 1), notice: null };
}

/** Moves on without answering; a required question cannot be skipped. */
export function skip(steps: readonly Step[], state: EntryState): EntryState {
  const step = steps[state.index];
  if (step?.kind === 'question' && step.question.required && !(step.question.key in state.answers))
    return { ...state, notice: 'missingRequired' };
  return { ...state, index: next(steps, state.index), notice: null };
}

/** Enter: save when every required question has an answer, otherwise go to the first that lacks one. */
export function trySave(steps: readonly Step[], state: EntryState): KeyResult {
  const missing = firstMissing(steps, state.answers);
  if (missing >= 0) return { state: { ...state, index: missing, notice: 'missingRequired' }, save: false, handled: true };
  return { state: { ...state, notice: null }, save: true, handled: true };
}

/** One key press on a scale or choice question (percent and comment steps have their own text inputs). */
export function pressKey(steps: readonly Step[], state: EntryState, key: string): KeyResult {
  const step = steps[state.index];
  const done = (s: EntryState): KeyResult => ({ state: s, save: false, handled: true });
  if (key === 'Enter') return trySave(steps, state);
  if (key === 'Backspace' || key === 'ArrowLeft' || key === 'ArrowUp') return done(back(state));
  if (key === ' ' || key === 'ArrowRight' || key === 'ArrowDown') return done(skip(steps, state));
  if (!step || step.kind !== 'question') return { state, save: false, handled: false };
  const value = valueOfKey(step.question, key);
  if (value === null) return { state, save: false, handled: false };
  return done(answer(steps, state, value === 'no_opinion' ? null : value));
}

/** A typed percentage: a whole number 0–100, or null. */
export function parsePercent(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}
