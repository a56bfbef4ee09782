import type { Answers, SurveyDefinition } from './instrument-schema';
import { isSatisfiedValue, isScaleValue } from './scale';
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

/**
 * A respondent's score per factor: the mean of their valid 5-level item answers, or null when they
 * gave none (all "no opinion" or skipped). Non-scale items are not scores and are left out.
 */
export function factorScores(def: SurveyDefinition, answers: Answers): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const f of def.factors) {
    let sum = 0;
    let n = 0;
    for (const q of f.items) {
      const v = answers[q.key];
      if (q.type === 'scale5' && isScaleValue(v)) {
        sum += v;
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
    const v = answers[def.overall.key];
    return isScaleValue(v) ? isSatisfiedValue(v) : null;
  }
  const valid = Object.values(factorScores(def, answers)).filter((s): s is number => s !== null);
  if (valid.length === 0) return null;
  const mean = valid.reduce((a, b) => a + b, 0) / valid.length;
  // Means of means carry float noise (e.g. 11/3 + 13/3); a mean of exactly 4 must count.
  return mean >= 4 - 1e-9;
}

function tally(byValue: Record<string | number, number> | undefined): { satisfied: number; valid: number } {
  let satisfied = 0;
  let valid = 0;
  for (const [value, count] of Object.entries(byValue ?? {})) {
    const v = Number(value);
    // Anything but 1..5 (a "null" bucket, a stray code) is not a valid scale answer.
    if (!isScaleValue(v) || !(count > 0)) continue;
    valid += count;
    if (isSatisfiedValue(v)) satisfied += count;
  }
  return { satisfied, valid };
}

/** Satisfied share per 5-level item of every factor, from value counts. */
export function itemRates(def: SurveyDefinition, counts: ValueCounts): ItemRate[] {
  return def.factors.flatMap((f) =>
    f.items
      .filter((q) => q.type === 'scale5')
      .map((q) => {
        const t = tally(counts[q.key]);
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
      if (q.type !== 'scale5') continue;
      const t = tally(counts[q.key]);
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
 * overall question where the survey has one, else every 5-level item (surveys scored by the
 * factor mean).
 */
export function headlineQuestions(def: SurveyDefinition): string[] {
  if (def.overall) return [def.overall.key];
  return def.factors.flatMap((f) => f.items.filter((q) => q.type === 'scale5').map((q) => q.key));
}
