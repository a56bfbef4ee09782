import type { AnswerValue } from '../../surveys/show-if';
import type { Confidence, Verdict } from '../../surveys/statistics';
import type { IntervalBasis } from '../../surveys/stratified-rate';
import type { Interval, LocalizedText, StatsRow } from '../app/api-types';

/** Shapes of the survey-wave API (server/waves); kept by hand, checked by test/browser/filing. */

/** A rate without its row name: what a wave or a report's overall line carries. */
export type RateSummary = Omit<StatsRow, 'key' | 'label'>;

export interface WeightedSummary {
  /** Valid interviews: what the minimum-sample rule counts. */
  n: number;
  /** Kish effective sample size (Σw)² / Σw²: what unequal weights alone cost. */
  nEff: number;
  /** Design effective n p(1−p)/Var (strata, finite-population correction): the interval's n; null unless intervalBasis is 'design'. */
  nDesign: number | null;
  intervalBasis: IntervalBasis | null;
  /** Percentage points. */
  standardError: number | null;
  rate: number | null;
  interval: Interval | null;
  target: number;
  verdict: Verdict;
  confidence: Confidence | null;
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
  type: 'scale5' | 'scale3' | 'choice' | 'multi' | 'text' | 'percent';
  text: LocalizedText;
  required: boolean;
  allowNoOpinion: boolean;
  options?: { code: number; label: LocalizedText }[];
  /** Short text only: the longest answer. */
  maxLength?: number;
  /** Asked only when an earlier answer is one of these codes (for a several-choice question: any ticked). */
  showIf?: { question: string; in: number[] };
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

export type Answers = Record<string, AnswerValue>;

export interface Interview {
  clientKey: string;
  unitId: number;
  answers: Record<string, AnswerValue>;
  comment?: string;
}
