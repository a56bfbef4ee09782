import type { HeatCell } from './dashboard-types';

/** Hours shown: every hour that has answers, and at least office hours, so the grid keeps its shape. */
export function hourRange(cells: readonly HeatCell[], office: [number, number] = [7, 17]): number[] {
  let lo = office[0];
  let hi = office[1];
  for (const c of cells) {
    if (c.n <= 0) continue;
    lo = Math.min(lo, c.hour);
    hi = Math.max(hi, c.hour);
  }
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function cellMap(cells: readonly HeatCell[]): Map<string, HeatCell> {
  return new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
}

/** Below this many answers a cell's rate is too uncertain to colour strongly (the minimum sample of docs/domain.md §4). */
export const MIN_CELL_N = 30;

export interface CellLook {
  background: string;
  /** Dark text on light cells, white on dark ones (WCAG AA either way). */
  ink: string;
  /** 0..1, how strong the colour is; tests read it. */
  strength: number;
}

const mix = (a: [number, number, number], b: [number, number, number], k: number) =>
  `rgb(${a.map((v, i) => Math.round(v + (b[i]! - v) * k)).join(', ')})`;
const WHITE: [number, number, number] = [255, 255, 255];
const BLUE: [number, number, number] = [11, 60, 120];
const RED: [number, number, number] = [150, 20, 20];

/** Volume: white to dark blue by share of the busiest hour. */
export function volumeLook(n: number, max: number): CellLook {
  const strength = max > 0 ? Math.min(1, n / max) : 0;
  // The ink flips where white text first reaches about 4.5:1 on the blue, dark text staying above it before.
  return { background: mix(WHITE, BLUE, strength), ink: strength > 0.62 ? '#ffffff' : '#1f2328', strength };
}

/**
 * Rate: the further below 100 %, the redder, reaching full strength 30 points down, so the hours
 * where service goes wrong stand out. Too few answers: a pale tint only, whatever the rate.
 */
export function rateLook(rate: number | null, n: number): CellLook {
  if (rate === null) return { background: '#ffffff', ink: '#57606a', strength: 0 };
  const full = Math.min(1, Math.max(0, (100 - rate) / 30));
  const strength = n < MIN_CELL_N ? Math.min(full, 0.2) : full;
  return { background: mix(WHITE, RED, strength), ink: strength > 0.7 ? '#ffffff' : '#1f2328', strength };
}
