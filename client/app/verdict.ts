import type { Confidence, Verdict } from '../../surveys/statistics';
import { CONFIDENCE_WORDS as CONFIDENCE_TEXT, DOSSIER_VERDICT_WORDS, VERDICT_WORDS as VERDICT_TEXT } from '../../surveys/verdict-words';
import type { Lang } from './i18n';

// Verdict words (docs/domain.md §4); the colour is only a second cue, the word always shows.
export function verdictText(verdict: Verdict, lang: Lang, of: 'answers' | 'dossiers' = 'answers'): string {
  return (of === 'dossiers' ? DOSSIER_VERDICT_WORDS : VERDICT_TEXT)[verdict][lang];
}

/** No confidence for "too few answers": there is no verdict to be sure of. */
export function confidenceText(confidence: Confidence | null, lang: Lang): string {
  return confidence === null ? '—' : CONFIDENCE_TEXT[confidence][lang];
}

/**
 * Bar colours; each has at least 3:1 contrast on white (WCAG non-text contrast) so bars stay
 * visible for people with low vision. Red and green differ in lightness too, for colour-blind readers.
 */
export const VERDICT_COLOUR: Record<Verdict, string> = {
  met: '#1b7a3a',
  not_met: '#c62828',
  too_few: '#7b828c',
};
