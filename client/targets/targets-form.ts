import { SECTOR_CODE_PATTERN } from '../../surveys/sectors';
import type { TargetLine } from './targets-types';

/** A target as typed: "87,5" or "87.5" → 87.5; null when it is not a number above 0, at most 100, one decimal. */
export function targetOf(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 100 ? n : null;
}

export interface Edits {
  /** What to send: only the values that differ from those in force. */
  changes: { sector: string; target: number }[];
  /** Sectors whose field holds no valid target. */
  invalid: string[];
}

/** The table's fields against the targets in force: what a save would change, and which fields are wrong. */
export function editsOf(lines: readonly TargetLine[], typed: Readonly<Record<string, string>>): Edits {
  const changes: Edits['changes'] = [];
  const invalid: string[] = [];
  for (const line of lines) {
    const text = typed[line.sector];
    if (text === undefined) continue;
    const value = targetOf(text);
    if (value === null) invalid.push(line.sector);
    else if (value !== line.target) changes.push({ sector: line.sector, target: value });
  }
  return { changes, invalid };
}

/** The years a person can pick: those with a plan of their own, and a few either side of this year. */
export function yearChoices(currentYear: number, planYears: readonly number[], shown: number): number[] {
  const years = new Set([...planYears, shown]);
  for (let y = currentYear - 3; y <= currentYear + 2; y++) years.add(y);
  return [...years].filter((y) => y >= 2000 && y <= 2100).sort((a, b) => b - a);
}

/** A code a province may give its own sector (the server checks it again). */
export const isNewSectorCode = (code: string) => SECTOR_CODE_PATTERN.test(code.trim());
