import { isSatisfiedLevel, levelsOf, type RatingType } from '../../surveys/scale';
import type { Lang } from '../app/i18n';

/** One level of a rating scale as the distribution and comments show it. */
export interface ShownLevel {
  /** The count key in the API's `counts`: '1', '2', … */
  key: string;
  value: number;
  /** "2 · Hài lòng": the number and its words, since a 2 means opposite things on the two scales. */
  label: string;
  colour: string;
  satisfied: boolean;
}

// Red (dissatisfied) to green (very satisfied), the neutral middle grey; readable in greyscale too.
// The 3-level scale takes the colours of the 5-level answers of the same words (2, 4, 5).
const COLOURS: Record<RatingType, readonly string[]> = {
  scale5: ['#a1221b', '#e07b39', '#a8adb3', '#6fae5b', '#1b6e35'],
  scale3: ['#e07b39', '#6fae5b', '#1b6e35'],
};

export function shownLevels(scale: RatingType, lang: Lang): ShownLevel[] {
  return levelsOf(scale).map((l, i) => ({
    key: String(l.value),
    value: l.value,
    label: `${l.value} · ${l.label[lang]}`,
    colour: COLOURS[scale][i]!,
    satisfied: isSatisfiedLevel(scale, l.value),
  }));
}

/** "4/5", "2/3": a rating with the size of its scale. */
export function ratingOutOf(rating: number, scale: RatingType): string {
  return `${rating}/${levelsOf(scale).length}`;
}

/** The words of a rating on its scale, or null for a value that is no level of it. */
export function ratingWords(rating: number, scale: RatingType, lang: Lang): string | null {
  return levelsOf(scale).find((l) => l.value === rating)?.label[lang] ?? null;
}

/** How a comment's rating reads: good when satisfied, neutral for the 5-level 3, else bad. */
export function ratingTone(rating: number | null, scale: RatingType): 'none' | 'good' | 'neutral' | 'bad' {
  if (rating === null) return 'none';
  if (isSatisfiedLevel(scale, rating)) return 'good';
  return scale === 'scale5' && rating === 3 ? 'neutral' : 'bad';
}
