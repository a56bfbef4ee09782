import type { DossierChannel, RatingScale } from './dossier-input';
import { localDay } from './time';

/** A dossier's facts once its units are resolved: what the index rules read. */
export interface DossierFacts {
  channel: DossierChannel;
  dueAt: Date;
  finishedAt: Date | null;
  rating: number | null;
  ratingScale: RatingScale | null;
  complained: boolean;
  complaintDueAt: Date | null;
  complaintAnsweredAt: Date | null;
  complaintSatisfied: boolean | null;
}

/**
 * What one dossier adds to the Decision 766 satisfaction group. Every ratio is a quotient of two of
 * these sums, so rollups add them up and the rules live here only (README, "Decision 766 index").
 */
export const DOSSIER_COUNTS = [
  'dossiers',
  'rated',
  'rating_unsatisfied',
  'overdue',
  'r3_failed',
  'online',
  'online_failed',
  'complaints',
  'complaints_on_time',
  'complaints_unsatisfied',
  'r2_failed',
] as const;
export type DossierCountName = (typeof DOSSIER_COUNTS)[number];
export type DossierCounts = Record<DossierCountName, number>;

export const zeroCounts = (): DossierCounts => Object.fromEntries(DOSSIER_COUNTS.map((k) => [k, 0])) as DossierCounts;

export function addCounts(into: DossierCounts, add: DossierCounts, sign: 1 | -1 = 1): DossierCounts {
  for (const k of DOSSIER_COUNTS) into[k] += sign * add[k];
  return into;
}

/** "Không hài lòng": the lowest level of 3, the two lowest of 5 (3 of 5 is neither). */
export function isUnsatisfiedRating(rating: number, scale: RatingScale): boolean {
  return scale === 3 ? rating === 1 : rating <= 2;
}

/** Answered by its due time; a complaint not (yet) answered is not answered on time. */
export function complaintOnTime(d: Pick<DossierFacts, 'complaintDueAt' | 'complaintAnsweredAt'>): boolean {
  return d.complaintAnsweredAt !== null && d.complaintDueAt !== null && d.complaintAnsweredAt <= d.complaintDueAt;
}

export interface DossierOutcome {
  /** The Vietnam-local day the dossier was finished: the day it counts on. */
  day: string;
  counts: DossierCounts;
}

/**
 * A dossier counts in the index on the day its result was returned (finishedAt, Vietnam time); an
 * unfinished one counts nowhere yet. R3 fails it when rated "không hài lòng", complained about, or
 * finished after its due time; unrated it counts as satisfied. Its complaint counts with it: on
 * time when answered by its due time (R1); failed for R2 when the citizen was not satisfied with
 * the answer or it was not answered on time (once, even when both).
 */
export function dossierOutcome(d: DossierFacts): DossierOutcome | null {
  if (!d.finishedAt) return null;
  const unsatisfied = d.rating !== null && d.ratingScale !== null && isUnsatisfiedRating(d.rating, d.ratingScale);
  const overdue = d.finishedAt > d.dueAt;
  const failed = unsatisfied || d.complained || overdue;
  const online = d.channel === 'online';
  const onTime = d.complained && complaintOnTime(d);
  const complaintUnsatisfied = d.complained && d.complaintSatisfied === false;
  const bit = (b: boolean) => (b ? 1 : 0);
  return {
    day: localDay(d.finishedAt),
    counts: {
      dossiers: 1,
      rated: bit(d.rating !== null),
      rating_unsatisfied: bit(unsatisfied),
      overdue: bit(overdue),
      r3_failed: bit(failed),
      online: bit(online),
      online_failed: bit(online && failed),
      complaints: bit(d.complained),
      complaints_on_time: bit(onTime),
      complaints_unsatisfied: bit(complaintUnsatisfied),
      r2_failed: bit(d.complained && (complaintUnsatisfied || !onTime)),
    },
  };
}
