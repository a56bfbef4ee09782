import type { Row, Worksheet } from 'exceljs';
import { dayStartUtc, VIETNAM_OFFSET_MS } from '../../../surveys/time';
import { rateDigits } from '../../../surveys/rate-precision';

/**
 * How a filed workbook shows its figures, the way an official's spreadsheet does: rates as
 * percentages with one decimal (two or three where the rounding rule of surveys/rate-precision.ts
 * needs them to read on the right side of the target) while the cell keeps the exact value, days
 * as real Excel dates written dd/mm/yyyy, a bold header row that stays in view.
 */
export const DAY_FORMAT = 'dd/mm/yyyy';
export const TIME_FORMAT = 'hh:mm dd/mm/yyyy';
export const COUNT_FORMAT = '#,##0';
export const DECIMAL_FORMAT = '#,##0.0';

/** "0.0%", "0.00%", …: percent with that many decimals. */
export function percentFormat(digits: number): string {
  return digits > 0 ? `0.${'0'.repeat(digits)}%` : '0%';
}

/** A rate in percent (0..100) as the fraction a percent cell holds, or an empty cell. */
export function percentValue(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : rate / 100;
}

/** A rate's cell format beside its target: one decimal unless the rule needs more. */
export function rateFormat(rate: number | null, target: number | null): string {
  return percentFormat(rateDigits(rate, target));
}

/** A target's format: whole targets whole ("90%"), a plan's 92.5 with its decimal. */
export function targetFormat(target: number): string {
  return percentFormat(Number.isInteger(target) ? 0 : 1);
}

/**
 * A 'YYYY-MM-DD' Vietnamese day as an Excel date. Excel dates carry no zone: the cell holds the
 * calendar day itself (midnight UTC of it), so every reader sees the same day.
 */
export function excelDay(day: string): Date {
  return new Date(dayStartUtc(day).getTime() + VIETNAM_OFFSET_MS);
}

/** An instant as the Vietnamese wall-clock time an Excel cell shows (the column says "giờ Việt Nam"). */
export function excelVietnamTime(instant: Date | string): Date {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
}

/** Bold, shaded, wrapped: the header row of a table. */
export function styleHeader(row: Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** Freezes the rows down to and including `headerRow`, so the header stays in view while scrolling. */
export function freezeAbove(sheet: Worksheet, headerRow: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
}
