import type { LocalizedText } from './localized-text';

/**
 * The 5-level satisfaction scale every instrument uses (docs/domain.md §3). The face gives people who
 * read slowly, or read neither language well, a second way to pick a level on a phone.
 */
export const SCALE_LEVELS = [
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' }, face: '😠' },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' }, face: '😞' },
  { value: 3, label: { vi: 'Bình thường', en: 'Neutral' }, face: '😐' },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' }, face: '😊' },
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' }, face: '😄' },
] as const satisfies readonly { value: number; label: LocalizedText; face: string }[];

export type ScaleValue = (typeof SCALE_LEVELS)[number]['value'];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** "Không ý kiến": stored as null and left out of every denominator. */
export const NO_OPINION_LABEL: LocalizedText = { vi: 'Không ý kiến', en: 'No opinion' };

export function isScaleValue(v: unknown): v is ScaleValue {
  return typeof v === 'number' && Number.isInteger(v) && v >= SCALE_MIN && v <= SCALE_MAX;
}

/** Satisfied means 4 (Hài lòng) or 5 (Rất hài lòng); 3 "Bình thường" is not satisfied. */
export function isSatisfiedValue(v: number): boolean {
  return v === 4 || v === 5;
}

/**
 * The 3-level scale of one-stop rating devices and the national portal. Satisfied means Hài lòng
 * or Rất hài lòng. Where a respondent's factor score is a mean of 5-level scores, each level counts
 * as the 5-level answer of the same words: Không hài lòng 2, Hài lòng 4, Rất hài lòng 5.
 */
export const SCALE3_LEVELS = [
  { value: 1, label: { vi: 'Không hài lòng', en: 'Dissatisfied' }, face: '😞', score5: 2 },
  { value: 2, label: { vi: 'Hài lòng', en: 'Satisfied' }, face: '😊', score5: 4 },
  { value: 3, label: { vi: 'Rất hài lòng', en: 'Very satisfied' }, face: '😄', score5: 5 },
] as const satisfies readonly { value: number; label: LocalizedText; face: string; score5: number }[];

export type RatingType = 'scale5' | 'scale3';

/** The levels of a rating question, lowest first. */
export function levelsOf(type: RatingType): readonly { value: number; label: LocalizedText; face: string }[] {
  return type === 'scale3' ? SCALE3_LEVELS : SCALE_LEVELS;
}

/** Whether v is a level of this rating scale. */
export function isLevel(type: RatingType, v: unknown): v is number {
  return typeof v === 'number' && levelsOf(type).some((l) => l.value === v);
}

/** Satisfied: Hài lòng or Rất hài lòng, on either scale (4–5 of five, 2–3 of three). */
export function isSatisfiedLevel(type: RatingType, v: number): boolean {
  return type === 'scale3' ? v === 2 || v === 3 : isSatisfiedValue(v);
}

/** A level as a 5-level score, for factor means (see SCALE3_LEVELS); null when v is not a level. */
export function score5(type: RatingType, v: unknown): number | null {
  if (!isLevel(type, v)) return null;
  return type === 'scale3' ? SCALE3_LEVELS.find((l) => l.value === v)!.score5 : v;
}

export function scaleLabel(v: number, lang: 'vi' | 'en'): string | null {
  const level = SCALE_LEVELS.find((l) => l.value === v);
  return level ? level.label[lang] : null;
}
