import { SCALE3_LEVELS, SCALE_LEVELS } from '../../surveys/scale';
import { CODED, type Draft, type DraftQuestion, type DraftText } from './draft-model';
import { allQuestions } from './survey-draft';

export interface ShowIfCandidate {
  key: string;
  text: DraftText;
  codes: { code: number; label: DraftText }[];
}

/** The codes a coded question is answered with, and their words. */
export function codesOf(q: DraftQuestion): { code: number; label: DraftText }[] {
  if (q.type === 'scale5') return SCALE_LEVELS.map((l) => ({ code: l.value, label: { ...l.label } }));
  if (q.type === 'scale3') return SCALE3_LEVELS.map((l) => ({ code: l.value, label: { ...l.label } }));
  if (q.type === 'choice' || q.type === 'multi')
    return q.options.flatMap((o) => (o.code === null ? [] : [{ code: o.code, label: o.label }]));
  return [];
}

/**
 * The questions a show-if of question `id` may test: those asked before it (form order), whose
 * answers are codes, with a key. The overall question is always asked, so it tests none.
 */
export function showIfCandidates(d: Draft, id: string): ShowIfCandidate[] {
  if (d.overall?.id === id) return [];
  const all = allQuestions(d);
  const at = all.findIndex((q) => q.id === id);
  if (at < 0) return [];
  return all
    .slice(0, at)
    .filter((q) => CODED.includes(q.type) && q.key !== '')
    .map((q) => ({ key: q.key, text: q.text, codes: codesOf(q) }));
}

/** Why a question's show-if no longer holds (its question moved after it, or lost a code), or null. */
export function showIfWarning(d: Draft, q: DraftQuestion): 'notBefore' | 'codes' | null {
  if (!q.showIf) return null;
  const target = showIfCandidates(d, q.id).find((c) => c.key === q.showIf!.question);
  if (!target) return 'notBefore';
  const codes = new Set(target.codes.map((c) => c.code));
  return q.showIf.in.length === 0 || q.showIf.in.some((c) => !codes.has(c)) ? 'codes' : null;
}
