import { RATING_TYPES, type Answers, type Question, type SurveyDefinition } from './instrument-schema';
import { isLevel, isSatisfiedLevel, score5, type RatingType } from './scale';
import { rate } from './statistics';

/** Counts of answer values per question, as the rollups hold them: counts[questionKey][value]. */
export type ValueCounts = Record<string, Record<string | number, number>>;

export interface FactorIndex {
  key: string;
  satisfied: number;
  valid: number;
  /** Percent of valid item answers that are satisfied; null with no valid answers. */
  index: number | null;
}

export interface ItemRate {
  key: string;
  factor: string;
  satisfied: number;
  valid: number;
  rate: number | null;
}

export function factorOf(def: SurveyDefinition, questionKey: string): string | null {
  return def.factors.find((f) => f.items.some((q) => q.key === questionKey))?.key ?? null;
}

/** Whether a question rates satisfaction (5- or 3-level): only those count in indices. */
export function isRating<Q extends Pick<Question, 'type'>>(q: Q): q is Q & { type: RatingType } {
  return RATING_TYPES.includes(q.type);
}

/**
 * A respondent's score per factor: the mean of their valid rating answers as 5-level scores (a
 * 3-level answer counts as 2, 4 or 5: see SCALE3_LEVELS), or null when they gave none (all "no
 * opinion" or skipped). Other items are not scores and are left out.
 */
export function factorScores(def: SurveyDefinition, answers: Answers): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const f of def.factors) {
    let sum = 0;
    let n = 0;
    for (const q of f.items) {
      const score = isRating(q) ? score5(q.type, answers[q.key]) : null;
      if (score !== null) {
        sum += score;
        n += 1;
      }
    }
    scores[f.key] = n > 0 ? sum / n : null;
  }
  return scores;
}

/**
 * Whether one respondent counts as satisfied, by the survey's rule (docs/domain.md §4); null when the
 * respondent gave no valid answer the rule can use, so they leave the denominator.
 */
export function respondentSatisfied(def: SurveyDefinition, answers: Answers): boolean | null {
  if (def.satisfactionRule === 'overall_question') {
    if (!def.overall) return null;
    const q = def.overall;
    const v = answers[q.key];
    return isRating(q) && isLevel(q.type, v) ? isSatisfiedLevel(q.type, v) : null;
  }
  const valid = Object.values(factorScores(def, answers)).filter((s): s is number => s !== null);
  if (valid.length === 0) return null;
  const mean = valid.reduce((a, b) => a + b, 0) / valid.length;
  // Means of means carry float noise (e.g. 11/3 + 13/3); a mean of exactly 4 must count.
  return mean >= 4 - 1e-9;
}

/** Satisfied and valid answers of one rating question, from its value counts. */
export function tally(type: RatingType, byValue: Record<string | number, number> | undefined): { satisfied: number; valid: number } {
  let satisfied = 0;
  let valid = 0;
  for (const [value, count] of Object.entries(byValue ?? {})) {
    const v = Number(value);
    // Anything but a level of the scale (a "null" bucket, a stray code) is not a valid answer.
    if (!isLevel(type, v) || !(count > 0)) continue;
    valid += count;
    if (isSatisfiedLevel(type, v)) satisfied += count;
  }
  return { satisfied, valid };
}

/** Satisfied share per rating item of every factor, from value counts. */
export function itemRates(def: SurveyDefinition, counts: ValueCounts): ItemRate[] {
  return def.factors.flatMap((f) =>
    f.items.filter(isRating).map((q) => {
      const t = tally(q.type, counts[q.key]);
      return { key: q.key, factor: f.key, ...t, rate: rate(t.satisfied, t.valid) };
    }),
  );
}

/**
 * Factor index = satisfied item answers ÷ valid item answers of the factor × 100, pooling all its
 * items (not averaging item rates), as docs/domain.md §4 defines it.
 */
export function factorIndices(def: SurveyDefinition, counts: ValueCounts): FactorIndex[] {
  return def.factors.map((f) => {
    let satisfied = 0;
    let valid = 0;
    for (const q of f.items) {
      if (!isRating(q)) continue;
      const t = tally(q.type, counts[q.key]);
      satisfied += t.satisfied;
      valid += t.valid;
    }
    return { key: f.key, satisfied, valid, index: rate(satisfied, valid) };
  });
}

/** SIPAS-style index: the plain mean of the factor indices that exist. Shown beside the rate, never instead. */
export function sipasIndex(indices: readonly { index: number | null }[]): number | null {
  const present = indices.map((f) => f.index).filter((i): i is number => i !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * The questions whose answers stand for a respondent's verdict in an answer distribution: the
 * overall question where the survey has one, else every rating item (surveys scored by the
 * factor mean).
 */
export function headlineQuestions(def: SurveyDefinition): string[] {
  if (def.overall) return [def.overall.key];
  return def.factors.flatMap((f) => f.items.filter(isRating).map((q) => q.key));
}
