import type { Confidence, Verdict } from '../surveys/statistics';

/** Shapes of the JSON API the dashboard reads (server/stats, server/auth); kept by hand, checked by the browser test. */

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface Me {
  username: string;
  role: string;
  unitId: number | null;
  tenant: { id: number; name: string; isDemo: boolean };
}

export interface MetaUnit {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: string;
}

export interface Meta {
  units: MetaUnit[];
  counters: { code: string; name: string; unitId: number }[];
  sectors: { code: string; name: LocalizedText; target: number | null }[];
  overallTarget: number;
}

export interface StatsRow {
  key: string;
  label: string;
  n: number;
  satisfied: number;
  /** Percent, 0..100; null when there are no valid answers. */
  rate: number | null;
  /** 95% Wilson interval, percent. */
  interval: { low: number; high: number } | null;
  /** Percent. */
  target: number;
  verdict: Verdict;
  confidence: Confidence | null;
}

export type GroupBy = 'sector' | 'unit' | 'counter' | 'day' | 'month';

export interface Stats {
  filter: Record<string, string | number>;
  groupBy: GroupBy;
  overall: StatsRow;
  rows: StatsRow[];
}
