import { yamaneSampleSize } from '../../surveys/statistics';
import type { StringKey } from '../app/i18n';
import type { NewWave } from './waves-types';

/**
 * The "new wave" form as typed, and its checks. statistics.ts has no imports (no zod), so the
 * preview uses the very Yamane function the server computes required sizes with.
 */
export interface StratumDraft {
  unitId: number;
  /** As typed: "1200", "1.200" or "1 200". */
  population: string;
}

export interface WaveDraft {
  name: string;
  survey: string;
  sector: string;
  from: string;
  to: string;
  /** Percent as typed, decimal comma allowed: "5", "2,5". */
  margin: string;
  strata: StratumDraft[];
}

/** A whole positive number, with or without thousands separators (dots, commas or spaces); null otherwise. */
export function parsePopulation(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s) && !/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(s)) return null;
  const n = Number(s.replace(/[.,\s\u00a0]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The margin e as a fraction (5 → 0.05); null unless 0 < e < 100 %. */
export function parseMargin(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const pct = Number(s);
  return pct > 0 && pct < 100 ? pct / 100 : null;
}

/** Yamane n for what was typed, or null while N or e is not a valid number. */
export function requiredFor(population: string, margin: string): number | null {
  const N = parsePopulation(population);
  const e = parseMargin(margin);
  return N === null || e === null ? null : yamaneSampleSize(N, e);
}

export type DraftErrors = Partial<Record<'name' | 'from' | 'margin' | 'strata' | `population_${number}`, StringKey>>;

/** The request body, or what to correct (keyed like the server's 422 fields, plus one key per stratum's N). */
export function checkDraft(d: WaveDraft): { ok: true; wave: NewWave } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!d.name.trim()) errors.name = 'needName';
  if (!d.from || !d.to || d.from > d.to) errors.from = 'needDates';
  const margin = parseMargin(d.margin);
  if (margin === null) errors.margin = 'needMargin';
  if (d.strata.length === 0) errors.strata = 'needStrata';
  const strata = d.strata.map((s) => ({ unitId: s.unitId, population: parsePopulation(s.population) }));
  strata.forEach((s, i) => {
    if (s.population === null) errors[`population_${i}`] = 'needPopulation';
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    wave: {
      name: d.name.trim(),
      survey: d.survey,
      sector: d.sector,
      from: d.from,
      to: d.to,
      margin: margin!,
      strata: strata.map((s) => ({ unitId: s.unitId, population: s.population! })),
    },
  };
}
