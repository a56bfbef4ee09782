import type { LocalizedText } from '../app/api-types';

/** One line of GET /api/targets: a sector (or '_overall') and the target in force that year. */
export interface TargetLine {
  sector: string;
  name: LocalizedText;
  isLocal: boolean;
  target: number;
  /** The plan year whose row set it; null for a built-in default. */
  fromYear: number | null;
  /** 'plan': that plan year's own row; 'default': built in; 'overall': a province's own sector taking the overall target. */
  source: 'plan' | 'default' | 'overall';
}

export interface TargetsView {
  year: number;
  currentYear: number;
  targets: TargetLine[];
  /** Plan years with rows of their own, oldest first. */
  planYears: number[];
  /** After a save: what changed. */
  changed?: { sector: string; from: number; to: number }[];
}

export interface NewSector {
  code: string;
  name: { vi: string; en?: string };
  target?: number;
}
