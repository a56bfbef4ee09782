import type { Verdict } from '../../surveys/statistics';

/** GET /api/indices/766/beside-survey (server/indices/beside-survey.ts). */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface RateSummary {
  n: number;
  satisfied: number;
  rate: number | null;
  interval: { low: number; high: number } | null;
  target: number;
  verdict: Verdict;
}

export interface BesideRow {
  key: string;
  label: string;
  survey: RateSummary | null;
  r3: Ratio;
  r1: Ratio;
  r2: Ratio;
  online: RateSummary;
  dossiers: number;
  answersWithDossier: number;
}

export interface BesideSurvey {
  overall: BesideRow;
  rows: BesideRow[];
  open: { open: number; pastDue: number };
}

/** POST /api/dossiers/import. */
export interface DossierImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun?: boolean;
}
