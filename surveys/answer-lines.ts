import { allQuestionsOf, type Answers, type Question, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';
import { NO_OPINION_LABEL, SCALE_LEVELS } from './scale';

/** One question of a stored answer as a person reads it: the question's words and the answer's. */
export interface AnswerLine {
  key: string;
  question: LocalizedText;
  /** As stored: a number, null for "Không ý kiến", undefined when the question was not answered. */
  value: number | null | undefined;
  /** The answer in words ("4 — Hài lòng"), or null when the question was not answered. */
  answer: LocalizedText | null;
}

const NOT_A_QUESTION: LocalizedText = { vi: 'Câu hỏi không có trong phiên bản phiếu', en: 'Not a question of this survey version' };

function answerText(q: Question, value: number | null): LocalizedText {
  if (value === null) return NO_OPINION_LABEL;
  if (q.type === 'percent') return { vi: `${value} %`, en: `${value} %` };
  const label = q.type === 'scale5' ? SCALE_LEVELS.find((l) => l.value === value)?.label : q.options?.find((o) => o.code === value)?.label;
  return label ? { vi: `${value} — ${label.vi}`, en: `${value} — ${label.en}` } : { vi: String(value), en: String(value) };
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
        answer: value === null ? NO_OPINION_LABEL : { vi: String(value), en: String(value) },
      });
    }
  }
  return lines;
}
