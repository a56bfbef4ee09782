import type { DossierCounts } from './dossier-outcome';
import { rate, summarize, type RateSummary } from './statistics';

/** Decision 1565/QĐ-TTg: at least 95 % satisfied with online public services by 2026. */
export const ONLINE_SERVICE_TARGET = 95;

export interface Ratio {
  numerator: number;
  denominator: number;
  /** Percent, null when the denominator is 0. */
  value: number | null;
}

export interface Index766 {
  /** R1: complaints answered by their due time ÷ complaints. */
  r1: Ratio;
  /** R2: (complaints − not satisfied with the answer − answered late) ÷ complaints. */
  r2: Ratio;
  /** R3: (dossiers − rated "không hài lòng", complained about or overdue) ÷ dossiers. */
  r3: Ratio;
  /** R3's rule on online dossiers, against the 95 % target, with its interval and verdict. */
  online: RateSummary;
  dossiers: {
    total: number;
    rated: number;
    unrated: number;
    ratedUnsatisfied: number;
    overdue: number;
    complained: number;
    online: number;
  };
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: rate(numerator, denominator) };
}

/** The satisfaction group of Decision 766 from summed dossier counts. */
export function index766(c: DossierCounts): Index766 {
  return {
    r1: ratio(c.complaints_on_time, c.complaints),
    r2: ratio(c.complaints - c.r2_failed, c.complaints),
    r3: ratio(c.dossiers - c.r3_failed, c.dossiers),
    online: summarize({ satisfied: c.online - c.online_failed, valid: c.online, target: ONLINE_SERVICE_TARGET }),
    dossiers: {
      total: c.dossiers,
      rated: c.rated,
      unrated: c.dossiers - c.rated,
      ratedUnsatisfied: c.rating_unsatisfied,
      overdue: c.overdue,
      complained: c.complaints,
      online: c.online,
    },
  };
}
