import { neutralizeFormula } from '../formula-guard';

export type CellValue = number | string | null;

/**
 * Numbers stay numbers; text is written as a text cell (never a formula) and still gets the
 * CSV's apostrophe when it starts like one, because analysts re-save sheets as CSV; an empty text
 * becomes an empty cell, as in a statistics package.
 */
export function cellValue(value: number | string | null | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : neutralizeFormula(value);
}
