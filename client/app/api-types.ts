import type { TargetBasis } from '../../surveys/row-target';
import type { LocalizedText } from '../../surveys/localized-text';
import type { Confidence, Verdict } from '../../surveys/statistics';

/** Shapes of the JSON API that every feature reads (server/auth, the meta lists, a row of rates); kept by hand, checked by the browser test. */

export type { LocalizedText };

export interface Me {
  username: string;
  role: string;
  unitId: number | null;
  /** The unit the account is scoped to (null: the whole tenant); absent from servers older than the scoped header. */
  unit?: { id: number; name: string; kind: string } | null;
  tenant: { id: number; name: string; isDemo: boolean };
}

export interface MetaUnit {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  kind: string;
  /** First and last day in force (absent from servers before units could be reorganised). */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Meta {
  units: MetaUnit[];
  counters: { code: string; name: string; unitId: number }[];
  sectors: { code: string; name: LocalizedText; target: number | null }[];
  /** The tenant's surveys with their current version (absent from servers older than the filing pages). */
  surveys?: { key: string; title: LocalizedText; version: number }[];
  overallTarget: number;
  /** The days units were merged, split, renamed, recoded or moved (the two views of the past apply). */
  reorganisationDays?: string[];
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
  /** Why this target (surveys/row-target.ts): the row's one sector, or the overall target for a row of several ('mixed') or none. */
  targetBasis?: TargetBasis;
  /** A row of several sectors: each sector against its own target. */
  sectors?: (Omit<StatsRow, 'key' | 'targetBasis' | 'sectors'> & { sector: string })[];
}

export type Interval = { low: number; high: number };
