import type { QuestionType } from '../../surveys/instrument-schema';
import { HAS_OPTIONS, newId, type Draft, type DraftFactor, type DraftQuestion, type DraftText, type QuestionList } from './draft-model';
import { suggestKey } from './question-key';

/**
 * The designer's edits, each a pure function from one draft to the next: add, change, move and
 * remove questions and factors. A question's key follows its text until someone types a key; a key
 * that changes carries the show-ifs that named it along.
 */

/** Every question key in use, in form order (overall, factor items, extras). */
export function questionKeys(d: Draft): string[] {
  return allQuestions(d).map((q) => q.key);
}

/** Every question in the order the form asks them: the overall first, then factor items, then extras. */
export function allQuestions(d: Draft): DraftQuestion[] {
  return [...(d.overall ? [d.overall] : []), ...d.factors.flatMap((f) => f.items), ...d.extras];
}

const itemsOf = (d: Draft, where: QuestionList): DraftQuestion[] =>
  where === 'extras' ? d.extras : (d.factors.find((f) => f.id === where.factor)?.items ?? []);

function withItems(d: Draft, where: QuestionList, items: DraftQuestion[]): Draft {
  if (where === 'extras') return { ...d, extras: items };
  return { ...d, factors: d.factors.map((f) => (f.id === where.factor ? { ...f, items } : f)) };
}

/** The list a question is in, or null (the overall question is in none). */
export function listOf(d: Draft, questionId: string): QuestionList | null {
  if (d.extras.some((q) => q.id === questionId)) return 'extras';
  const f = d.factors.find((x) => x.items.some((q) => q.id === questionId));
  return f ? { factor: f.id } : null;
}

/** Options a new choice question starts with, so it is never saved unanswerable. */
const STARTER_OPTIONS = [
  { code: 1, label: { vi: 'Lựa chọn 1', en: 'Option 1' } },
  { code: 2, label: { vi: 'Lựa chọn 2', en: 'Option 2' } },
];

export function blankQuestion(d: Draft, type: QuestionType = 'scale5'): DraftQuestion {
  return {
    id: newId('q'),
    key: suggestKey({ vi: '', en: '' }, new Set(questionKeys(d))),
    keyEdited: false,
    type,
    text: { vi: '', en: '' },
    required: false,
    allowNoOpinion: true,
    options: HAS_OPTIONS.includes(type) ? STARTER_OPTIONS.map((o) => ({ ...o, label: { ...o.label } })) : [],
    maxLength: null,
    showIf: null,
  };
}

/** A new question at the end of a list; returns the draft and the new question's id. */
export function addQuestion(d: Draft, where: QuestionList, type: QuestionType = 'scale5'): { draft: Draft; id: string } {
  const q = blankQuestion(d, type);
  return { draft: withItems(d, where, [...itemsOf(d, where), q]), id: q.id };
}

/** Applies `change` to the question with this id, wherever it is. */
function mapQuestion(d: Draft, id: string, change: (q: DraftQuestion) => DraftQuestion): Draft {
  const each = (q: DraftQuestion) => (q.id === id ? change(q) : q);
  return {
    ...d,
    overall: d.overall ? each(d.overall) : null,
    factors: d.factors.map((f) => ({ ...f, items: f.items.map(each) })),
    extras: d.extras.map(each),
  };
}

const findQuestion = (d: Draft, id: string) => allQuestions(d).find((q) => q.id === id);

/** Renames every show-if that named `from`. */
function renameShowIfs(d: Draft, from: string, to: string): Draft {
  if (from === to || from === '') return d;
  const each = (q: DraftQuestion) => (q.showIf?.question === from ? { ...q, showIf: { ...q.showIf, question: to } } : q);
  return {
    ...d,
    overall: d.overall ? each(d.overall) : null,
    factors: d.factors.map((f) => ({ ...f, items: f.items.map(each) })),
    extras: d.extras.map(each),
  };
}

/**
 * A change to a question's fields. New text re-suggests a key nobody typed; a typed key stays as
 * typed. A new type brings starter options to a choice that had none and drops a show-if's codes
 * the new type cannot be answered with only on the questions that test it (their codes are checked
 * on save).
 */
export function updateQuestion(d: Draft, id: string, patch: Partial<Omit<DraftQuestion, 'id'>>): Draft {
  const before = findQuestion(d, id);
  if (!before) return d;
  const next: DraftQuestion = { ...before, ...patch };
  if (patch.key !== undefined) next.keyEdited = true;
  if (patch.text && !next.keyEdited) {
    const taken = new Set(questionKeys(d).filter((k) => k !== before.key));
    next.key = suggestKey(next.text, taken);
  }
  if (patch.type && HAS_OPTIONS.includes(patch.type) && next.options.length === 0)
    next.options = STARTER_OPTIONS.map((o) => ({ ...o, label: { ...o.label } }));
  return renameShowIfs(
    mapQuestion(d, id, () => next),
    before.key,
    next.key,
  );
}

export function removeQuestion(d: Draft, id: string): Draft {
  const drop = (items: DraftQuestion[]) => items.filter((q) => q.id !== id);
  return {
    ...d,
    overall: d.overall?.id === id ? null : d.overall,
    factors: d.factors.map((f) => ({ ...f, items: drop(f.items) })),
    extras: drop(d.extras),
  };
}

/** `items` with the element at `from` moved to `to` (clamped to the list). */
export function moveWithin<T>(items: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || from === target) return [...items];
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved!);
  return copy;
}

/** Moves a question to another place of its own list; returns the same draft when it cannot move. */
export function moveQuestionTo(d: Draft, id: string, to: number): Draft {
  const where = listOf(d, id);
  if (!where) return d;
  const items = itemsOf(d, where);
  return withItems(
    d,
    where,
    moveWithin(
      items,
      items.findIndex((q) => q.id === id),
      to,
    ),
  );
}

/** One step up (-1) or down (+1) in its list. */
export function moveQuestion(d: Draft, id: string, delta: -1 | 1): Draft {
  const where = listOf(d, id);
  if (!where) return d;
  const at = itemsOf(d, where).findIndex((q) => q.id === id);
  return moveQuestionTo(d, id, at + delta);
}

/** A question's place in its list: 0-based index and the list's length. */
export function placeOf(d: Draft, id: string): { index: number; count: number } | null {
  const where = listOf(d, id);
  if (!where) return null;
  const items = itemsOf(d, where);
  return { index: items.findIndex((q) => q.id === id), count: items.length };
}

/** "nhom_1", "nhom_2"…: the first factor key not taken. */
function freeFactorKey(d: Draft): string {
  const taken = new Set(d.factors.map((f) => f.key));
  let n = d.factors.length + 1;
  while (taken.has(`nhom_${n}`)) n++;
  return `nhom_${n}`;
}

/** A new factor (with one 5-level item, since a factor needs one) at the end. */
export function addFactor(d: Draft): { draft: Draft; id: string } {
  const factor: DraftFactor = { id: newId('f'), key: freeFactorKey(d), keyEdited: false, label: { vi: '', en: '' }, items: [] };
  const withFactor = { ...d, factors: [...d.factors, factor] };
  return { draft: addQuestion(withFactor, { factor: factor.id }).draft, id: factor.id };
}

export function updateFactor(d: Draft, id: string, patch: { key?: string; label?: DraftText }): Draft {
  return {
    ...d,
    factors: d.factors.map((f) => {
      if (f.id !== id) return f;
      const next = { ...f, ...patch };
      if (patch.key !== undefined) next.keyEdited = true;
      if (patch.label && !next.keyEdited) {
        const taken = new Set(d.factors.filter((x) => x.id !== id).map((x) => x.key));
        next.key = suggestKey(patch.label, taken, 'nhom');
      }
      return next;
    }),
  };
}

export function removeFactor(d: Draft, id: string): Draft {
  return { ...d, factors: d.factors.filter((f) => f.id !== id) };
}

export function moveFactor(d: Draft, id: string, delta: -1 | 1): Draft {
  const at = d.factors.findIndex((f) => f.id === id);
  return moveFactorTo(d, id, at + delta);
}

export function moveFactorTo(d: Draft, id: string, to: number): Draft {
  return {
    ...d,
    factors: moveWithin(
      d.factors,
      d.factors.findIndex((f) => f.id === id),
      to,
    ),
  };
}

/**
 * The satisfaction rule; choosing "the overall question" gives the survey one when it has none
 * (a 5-level rating, asked of everyone).
 */
export function setRule(d: Draft, rule: Draft['satisfactionRule']): Draft {
  if (rule === 'overall_question' && !d.overall) return { ...setOverall(d, true), satisfactionRule: rule };
  return { ...d, satisfactionRule: rule };
}

/** Adds (a blank 5-level rating keyed "overall") or removes the overall question. */
export function setOverall(d: Draft, on: boolean): Draft {
  if (!on) return { ...d, overall: null, satisfactionRule: 'factor_mean' };
  if (d.overall) return d;
  const q = blankQuestion(d, 'scale5');
  const taken = new Set(questionKeys(d));
  return { ...d, overall: { ...q, key: taken.has('overall') ? q.key : 'overall', keyEdited: true } };
}
