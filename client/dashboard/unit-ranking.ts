import type { StatsRow } from '../app/api-types';

export interface Ranked {
  row: StatsRow;
  /** 1 = highest rate; null for units with too few answers to rank fairly. */
  rank: number | null;
}

/**
 * Units by rate, highest first, as the PAR-index comparison reads them. Units below the minimum
 * sample are listed last without a rank: a ward with 12 answers at 100 % is not the best ward.
 * Equal rates share a rank (1, 2, 2, 4).
 */
export function rankUnits(rows: readonly StatsRow[]): Ranked[] {
  const rankable = rows.filter((r) => r.verdict !== 'too_few' && r.rate !== null);
  const rest = rows.filter((r) => !rankable.includes(r));
  const sorted = [...rankable].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.n - a.n);
  const out: Ranked[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.row.rate === row.rate ? prev.rank : i + 1;
    out.push({ row, rank });
  });
  const tail = [...rest].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.n - a.n);
  return [...out, ...tail.map((row) => ({ row, rank: null }))];
}
