import type { Workbook } from 'exceljs';
import type { CodebookValue, CodebookVariable } from '../../../surveys/codebook';
import { cellValue } from './cell-value';
import { FROZEN_HEADER, writeHeader } from './sheet-header';

export const CODEBOOK_SHEET = 'Từ điển biến';

const COLUMNS = [
  { name: 'variable', vi: 'Tên biến', width: 18 },
  { name: 'label_vi', vi: 'Nhãn (tiếng Việt)', width: 50 },
  { name: 'label_en', vi: 'Nhãn (tiếng Anh)', width: 40 },
  { name: 'type', vi: 'Kiểu', width: 10 },
  { name: 'values', vi: 'Giá trị', width: 60 },
  { name: 'missing', vi: 'Mã thiếu (không tính vào mẫu số)', width: 20 },
  { name: 'surveys', vi: 'Phiếu khảo sát có câu hỏi', width: 30 },
] as const;

/** "1 = Rất không hài lòng; 2 = Không hài lòng; …": one cell a person can read and a script can split. */
export function valueList(values: readonly CodebookValue[] | undefined): string {
  return (values ?? []).map((v) => `${v.code} = ${v.label.vi}`).join('; ');
}

/** The codebook the data sheet is coded by, so the file explains itself once it leaves hailong. */
export function writeCodebookSheet(workbook: Workbook, codebook: readonly CodebookVariable[]): void {
  const sheet = workbook.addWorksheet(CODEBOOK_SHEET, { views: FROZEN_HEADER });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  writeHeader(
    sheet,
    COLUMNS.map((c) => c.name),
    COLUMNS.map((c) => c.vi),
  );
  for (const v of codebook) {
    sheet
      .addRow(
        [
          v.name,
          v.label.vi,
          v.label.en,
          v.type,
          valueList(v.values),
          valueList(v.missing),
          (v.surveys ?? []).map((s) => `${s.key} v${s.version}`).join('; '),
        ].map(cellValue),
      )
      .commit();
  }
  sheet.commit();
}
