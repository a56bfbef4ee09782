import type { SurveyDefinition } from '../../surveys/instrument-schema';
import type { Interval, LocalizedText, StatsRow } from '../app/api-types';

export type SurveyKind = SurveyDefinition['kind'];

/** Shapes of the JSON API the analysis pages read (server/stats, alerts, comments); kept by hand, checked by the browser test. */

export type GroupBy = 'sector' | 'unit' | 'counter' | 'day' | 'month';

export interface Stats {
  filter: Record<string, string | number>;
  groupBy: GroupBy | 'none';
  excluded?: { flagged: number };
  overall: StatsRow;
  rows: StatsRow[];
}

/** GET /api/stats/trend: one row per month ('YYYY-MM'), and the months a survey got a new version. */
export interface Trend {
  rows: StatsRow[];
  versionChanges: { month: string; survey: string; version: number; title: LocalizedText }[];
  /** Units merged, split, renamed, recoded or moved within the period (absent from older servers). */
  reorganisations?: Reorganisation[];
}

export interface Reorganisation {
  day: string;
  month: string;
  kind: 'merge' | 'split' | 'rename' | 'recode' | 'move';
  from: { code: string; name: string }[];
  to: { code: string; name: string }[];
}

export interface FactorIndex {
  key: string;
  label: LocalizedText;
  satisfied: number;
  valid: number;
  /** Percent. */
  index: number | null;
  interval: Interval | null;
}

export interface ItemRate {
  key: string;
  factor: string;
  text: LocalizedText;
  /** The item's rating scale; satisfied is 4–5 of five, 2–3 of three. */
  scale?: 'scale5' | 'scale3';
  satisfied: number;
  valid: number;
  rate: number | null;
  interval: Interval | null;
}

/** GET /api/stats/factors: the factor indices (and item rates) of each survey in the filter. */
export interface Factors {
  surveys: {
    survey: string;
    /** The instrument's family: what its factors and their mean are called (surveys/instrument-family.ts). */
    kind: SurveyKind;
    title: LocalizedText;
    n: number;
    factors: FactorIndex[];
    items: ItemRate[];
    sipasIndex: number | null;
  }[];
}

/**
 * GET /api/stats/distribution: how many answered each level of the overall question, one row per
 * group and rating scale (a group asking both scales has two rows; 5-level rows come first).
 */
export interface Distribution {
  /**
   * `counts` by level ('1'…'5', or '1'…'3' when `scale` is scale3); `satisfied`: Hài lòng and Rất
   * hài lòng; `counted`: respondents (overall question), or item answers for surveys scored by the
   * factor mean.
   */
  rows: {
    key: string;
    label: string;
    scale?: 'scale5' | 'scale3';
    counts: Record<string, number>;
    satisfied?: number;
    total: number;
    counted?: 'respondents' | 'item_answers';
  }[];
}

export interface HeatCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0..23, Vietnam time. */
  hour: number;
  n: number;
  satisfied: number;
  rate: number | null;
}

/** GET /api/stats/heatmap: only the hours of the week that have answers. */
export interface Heatmap {
  cells: HeatCell[];
}

export interface Alert {
  /** Every reason the pair needs a look, one line for both. */
  kinds: ('below_target' | 'dropped')[];
  sector: string;
  sectorLabel: string;
  unitId: number;
  unitName: string;
  current: { n: number; satisfied: number; rate: number; interval: Interval | null; target: number };
  previous: { n: number; rate: number | null };
  /** Points lost against the previous window. */
  drop: number | null;
}

/** GET /api/alerts: sector × unit pairs that need a look, over a rolling window. */
export interface Alerts {
  asOf: string;
  windowDays: number;
  alerts: Alert[];
}

export interface CommentItem {
  id: number;
  submittedAt: string;
  counter: { code: string; name: string };
  unitName: string;
  sector: string;
  /** The overall answer, a level of `ratingScale`: 1..5, or 1..3 on a designer survey's 3-level scale. */
  rating: number | null;
  ratingScale: 'scale5' | 'scale3' | null;
  satisfied: boolean | null;
  comment: string;
}

/** GET /api/comments: newest first, a page at a time. */
export interface Comments {
  items: CommentItem[];
  nextBefore: number | null;
}
