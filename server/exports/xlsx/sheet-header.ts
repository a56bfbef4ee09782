import type { Worksheet } from 'exceljs';

/**
 * Every sheet starts the same way: a row of machine names (what R, Stata or pandas take as column
 * names) and a row of Vietnamese labels for people, both frozen so they stay in view.
 */
export function writeHeader(sheet: Worksheet, names: readonly string[], labels: readonly string[]): void {
  for (const values of [names, labels]) sheet.addRow([...values]).commit();
}

export const FROZEN_HEADER = [{ state: 'frozen' as const, ySplit: 2 }];
