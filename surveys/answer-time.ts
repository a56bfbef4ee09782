import { allQuestionsOf, type SurveyDefinition } from './instrument-schema';
import type { LocalizedText } from './localized-text';

/**
 * How long a form takes, as promised on the poster and at the top of the form: about ten seconds
 * to read a question and tap an answer, rounded up to whole minutes, never less than one. The
 * optional comment and phone number are not counted: they take as long as the person wants.
 */
export const SECONDS_PER_QUESTION = 10;

export const questionCount = (survey: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): number => allQuestionsOf(survey).length;

export function minutesToAnswer(survey: Pick<SurveyDefinition, 'overall' | 'factors' | 'extras'>): number {
  return Math.max(1, Math.ceil((questionCount(survey) * SECONDS_PER_QUESTION) / 60));
}

/** "khoảng 4 phút" / "about 4 minutes". */
export function aboutMinutes(minutes: number): LocalizedText {
  return { vi: `khoảng ${minutes} phút`, en: minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes` };
}
