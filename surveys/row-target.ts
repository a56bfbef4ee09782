import type { LocalizedText } from './localized-text';

/**
 * Which target a row of figures is judged against (docs/domain.md §4): the target of the sectors
 * its answers belong to. Answers of one sector: that sector's target, whatever the grouping (a
 * hospital's unit row is judged like the health row). Answers of several sectors: the overall
 * target, and the row says it mixes sectors. No answers: the overall target.
 */
export const TARGET_BASES = ['sector', 'overall', 'mixed'] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

/** How a report, a table or a spreadsheet names the basis of a row's target. */
export const TARGET_BASIS_WORDS: Record<TargetBasis, LocalizedText> = {
  sector: { vi: 'chỉ tiêu của lĩnh vực', en: 'the sector’s target' },
  overall: { vi: 'chỉ tiêu chung', en: 'overall target' },
  mixed: { vi: 'chỉ tiêu chung: nhiều lĩnh vực', en: 'overall target: several sectors' },
};

export interface RowTarget {
  target: number;
  basis: TargetBasis;
  /** The one sector whose target applies (basis 'sector'), else null. */
  sector: string | null;
}

export function rowTarget(sectors: readonly string[], targetOf: (sector: string | null) => number): RowTarget {
  const distinct = [...new Set(sectors)];
  if (distinct.length === 1) return { target: targetOf(distinct[0]!), basis: 'sector', sector: distinct[0]! };
  return { target: targetOf(null), basis: distinct.length === 0 ? 'overall' : 'mixed', sector: null };
}
