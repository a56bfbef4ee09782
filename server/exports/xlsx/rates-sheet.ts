import type { Workbook } from 'exceljs';
import { cellValue } from './cell-value';
import type { RateGroup, RateRow } from './rate-rows';
import { FROZEN_HEADER, writeHeader } from './sheet-header';
import { rateCells } from '../rate-cells';

export const RATES_SHEET = 'Tỷ lệ hài lòng';

const COLUMNS = [
  { name: 'group', vi: 'Nhóm', width: 12 },
  { name: 'key', vi: 'Mã', width: 14 },
  { name: 'label', vi: 'Tên', width: 40 },
  { name: 'n', vi: 'Số phiếu hợp lệ', width: 10 },
  { name: 'satisfied', vi: 'Số phiếu hài lòng', width: 10 },
  { name: 'rate', vi: 'Tỷ lệ hài lòng (%)', width: 10 },
  { name: 'ci_low', vi: 'Khoảng tin cậy 95%: cận dưới (%)', width: 12 },
  { name: 'ci_high', vi: 'Khoảng tin cậy 95%: cận trên (%)', width: 12 },
  { name: 'target', vi: 'Chỉ tiêu (%)', width: 10 },
  { name: 'verdict', vi: 'Kết luận', width: 16 },
  { name: 'confidence', vi: 'Độ tin cậy của kết luận', width: 16 },
  { name: 'target_basis', vi: 'Chỉ tiêu áp dụng', width: 28 },
] as const;

const GROUP_VI: Record<RateGroup, string> = { overall: 'Tổng thể', sector: 'Lĩnh vực', unit: 'Đơn vị' };

/**
 * The rates as the dashboard computes them, at full precision so they compare equal to the API's
 * (round for display in the spreadsheet); a blank rate or interval means no valid answers.
 */
export function writeRatesSheet(workbook: Workbook, rows: readonly RateRow[]): void {
  const sheet = workbook.addWorksheet(RATES_SHEET, { views: FROZEN_HEADER });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  writeHeader(
    sheet,
    COLUMNS.map((c) => c.name),
    COLUMNS.map((c) => c.vi),
  );
  for (const r of rows) {
    sheet.addRow([GROUP_VI[r.group], r.key, r.label, ...rateCells(r)].map(cellValue)).commit();
  }
  sheet.commit();
}
