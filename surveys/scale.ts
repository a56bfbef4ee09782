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

export function scaleLabel(v: number, lang: 'vi' | 'en'): string | null {
  const level = SCALE_LEVELS.find((l) => l.value === v);
  return level ? level.label[lang] : null;
}
