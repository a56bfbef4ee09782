/** Reading a counters sheet's cells, and telling what an edit changes: plain values, no I/O. */

/** The sectors cell of a counters sheet: codes separated by ";", "," or "|", in order, each once. */
export function splitSectors(cell: string): string[] {
  const codes = cell
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(codes)];
}

const YES = new Set(['1', 'x', 'true', 'yes', 'y', 'có', 'co', 'bật', 'bat', 'on']);
const NO = new Set(['0', 'false', 'no', 'n', 'không', 'khong', 'tắt', 'tat', 'off']);

/** A kiosk cell: undefined when empty (keep as it is), null when it says neither yes nor no. */
export function parseKioskCell(cell: string): boolean | undefined | null {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** What a counter edit is made of, as the audit log and the import compare it. */
export interface CounterFields {
  name: string;
  unit: { id: number; code: string };
  sectors: readonly string[];
  survey: string;
  kiosk: boolean;
  retired: boolean;
}

/**
 * The fields that differ between two states of a counter, each with its value before and after
 * (the audit entry's details); empty objects when nothing changed.
 */
export function counterChanges(
  before: CounterFields,
  after: CounterFields,
): { before: Partial<CounterFields>; after: Partial<CounterFields> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CounterFields)[]) {
    const same = key === 'unit' ? before.unit.id === after.unit.id : JSON.stringify(before[key]) === JSON.stringify(after[key]);
    if (same) continue;
    b[key] = before[key];
    a[key] = after[key];
  }
  return { before: b as Partial<CounterFields>, after: a as Partial<CounterFields> };
}
