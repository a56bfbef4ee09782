import type { Confidence, Verdict } from '../../surveys/statistics';
import type { Interval, LocalizedText, StatsRow } from '../app/api-types';

/** Shapes of the filing API (server/reports, server/waves, server/imports); kept by hand, checked by test/browser/filing. */

export const REPORT_CHOICES = ['q1', 'h1', 'q3', 'm9', 'year', 'custom'] as const;
export type ReportChoice = (typeof REPORT_CHOICES)[number];

/** A rate without its row name: what a wave or a report's overall line carries. */
export type RateSummary = Omit<StatsRow, 'key' | 'label'>;

export interface WeightedSummary {
  n: number;
  /** Kish effective sample size (Σw)² / Σw²: the interval is computed on it. */
  nEff: number;
  rate: number | null;
  interval: Interval | null;
  target: number;
  verdict: Verdict;
  confidence: Confidence | null;
}

/** GET /api/reports: one periodic report (domain.md §7). */
export interface Report {
  title: LocalizedText;
  period: { kind: ReportChoice; from: string; to: string; label: LocalizedText; due?: string };
  unit: { id: number; name: string } | null;
  tenant: string;
  generatedAt: string;
  overall: StatsRow;
  bySector: (StatsRow & { labelEn?: string })[];
  byUnit: StatsRow[];
  byChannel: { channel: string; label: LocalizedText; n: number }[];
  factors: { survey: string; title: LocalizedText; n: number; sipasIndex: number | null }[];
  comments: { total: number; dissatisfied: number };
  excluded: { flagged: number };
  waves: { id: number; name: string; from: string; to: string; weighted: WeightedSummary; unweighted: RateSummary }[];
  methods: { n: number; minSample: number; interval: LocalizedText; weighting: LocalizedText; rule: LocalizedText };
}

/** GET /api/waves: one line per wave, newest first. */
export interface WaveListItem {
  id: number;
  name: string;
  sector_code: string;
  margin: number;
  survey_key: string;
  period_from: string;
  period_to: string;
}

export interface StratumRow extends RateSummary {
  unitId: number;
  unitName: string;
  population: number;
  /** Yamane n for the population and the wave's margin. */
  required: number;
  collected: number;
  shortfall: number;
  /** N_h / n_h; null before the first interview. */
  weight: number | null;
}

/** GET /api/waves/:id: fieldwork per stratum and the weighted result beside the unweighted one. */
export interface WaveDetail {
  wave: WaveListItem;
  strata: StratumRow[];
  weighted: WeightedSummary;
  unweighted: RateSummary;
}

export interface FormQuestion {
  key: string;
  type: 'scale5' | 'percent' | 'choice';
  text: LocalizedText;
  required: boolean;
  allowNoOpinion: boolean;
  options?: { code: number; label: LocalizedText }[];
}

/** GET /api/waves/:id/form: the survey version interviews are entered with. */
export interface WaveForm {
  wave: WaveListItem;
  survey: {
    versionId: number;
    key: string;
    title: LocalizedText;
    overall?: FormQuestion;
    factors: { key: string; label: LocalizedText; items: FormQuestion[] }[];
    extras: FormQuestion[];
    comment: { label: LocalizedText; maxLength: number };
  };
}

export interface NewWave {
  name: string;
  survey: string;
  sector: string;
  from: string;
  to: string;
  margin: number;
  strata: { unitId: number; population: number }[];
}

export interface Interview {
  clientKey: string;
  unitId: number;
  answers: Record<string, number | null>;
  comment?: string;
}

/** POST /api/imports: what a file held and what was stored (nothing on a dry run). */
export interface ImportResult {
  rows: number;
  valid: number;
  stored: number;
  alreadyImported: number;
  dryRun?: boolean;
}

export interface ImportProblem {
  line: number;
  column: string;
  message: LocalizedText;
}
