import type { LocalizedText, StatsRow } from '../app/api-types';
import type { RateSummary, WeightedSummary } from '../waves/waves-types';

/** Shapes of the reports API (server/reports); kept by hand, checked by test/browser/filing. */

export const REPORT_CHOICES = ['q1', 'h1', 'q3', 'm9', 'year', 'custom'] as const;
export type ReportChoice = (typeof REPORT_CHOICES)[number];

/** GET /api/reports: one periodic report (docs/domain.md §7). */
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
