import { allQuestionsOf, type Answers, type AnswerValue, type Question, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';
import { levelsOf, NO_OPINION_LABEL } from './scale';

/** One question of a stored answer as a person reads it: the question's words and the answer's. */
export interface AnswerLine {
  key: string;
  question: LocalizedText;
  /** As stored: a code, codes, a text, null for "Không ý kiến", undefined when the question was not answered. */
  value: AnswerValue | undefined;
  /** The answer in words ("4 — Hài lòng"), or null when the question was not answered. */
  answer: LocalizedText | null;
}

const NOT_A_QUESTION: LocalizedText = { vi: 'Câu hỏi không có trong phiên bản phiếu', en: 'Not a question of this survey version' };

const same = (s: string): LocalizedText => ({ vi: s, en: s });

function codeText(q: Question, code: number): LocalizedText {
  const levels =
    q.type === 'scale5' || q.type === 'scale3' ? levelsOf(q.type) : (q.options ?? []).map((o) => ({ value: o.code, label: o.label }));
  const label = levels.find((l) => l.value === code)?.label;
  return label ? { vi: `${code} — ${label.vi}`, en: `${code} — ${label.en}` } : same(String(code));
}

function answerText(q: Question, value: AnswerValue): LocalizedText {
  if (value === null) return NO_OPINION_LABEL;
  if (typeof value === 'string') return same(value);
  if (Array.isArray(value)) {
    const parts = value.map((code) => codeText(q, code));
    return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
  }
  if (q.type === 'percent') return same(`${value} %`);
  return codeText(q, value);
}

/**
 * The answers of one response in the order its survey version asks them, worded by that version
 * (the instrument in surveys/instruments/ it was given under): every question, answered or not,
 * then any stored key the version does not know, so nothing stored is hidden.
 */
export function answerLines(def: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>, answers: Answers): AnswerLine[] {
  const questions = allQuestionsOf(def);
  const known = new Set(questions.map((q) => q.key));
  const lines: AnswerLine[] = questions.map((q) => {
    const value = Object.hasOwn(answers, q.key) ? answers[q.key] : undefined;
    return { key: q.key, question: q.text, value, answer: value === undefined ? null : answerText(q, value) };
  });
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key)) {
      lines.push({
        key,
        question: NOT_A_QUESTION,
        value,
        answer: value === null ? NO_OPINION_LABEL : same(Array.isArray(value) ? value.join('; ') : String(value)),
      });
    }
  }
  return lines;
}
