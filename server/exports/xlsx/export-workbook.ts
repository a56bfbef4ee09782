import ExcelJS from 'exceljs';
import type { StreamingApi } from 'hono/utils/stream';
import type { ExportRow } from '../../../db/response-export';
import type { CodebookVariable } from '../../../surveys/codebook';
import { writeCodebookSheet } from './codebook-sheet';
import type { RateRow } from './rate-rows';
import { writeRatesSheet } from './rates-sheet';
import { responseSink, roomIn } from './response-sink';
import { writeResponsesSheet } from './responses-sheet';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportWorkbook {
  title: string;
  description: string;
  codebook: readonly CodebookVariable[];
  pages: AsyncIterable<ExportRow[]>;
  rates: readonly RateRow[];
}

/**
 * Writes the workbook into the response as it goes. Sheets are written one after the other
 * because the zip takes its entries in turn: a second sheet opened early would wait, whole, in
 * memory. No shared strings: that table stays in memory until the end of the file. No styles
 * either: ExcelJS then serialises a style for every cell, which made the export 2.7 times slower.
 */
export async function streamExportWorkbook(out: StreamingApi, book: ExportWorkbook): Promise<void> {
  const sink = responseSink(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  workbook.creator = 'hailong';
  workbook.title = book.title;
  workbook.description = book.description;
  await writeResponsesSheet(workbook, book.codebook, book.pages, {
    afterPage: () => roomIn(sink),
    stopped: () => out.aborted,
  });
  writeRatesSheet(workbook, book.rates);
  writeCodebookSheet(workbook, book.codebook);
  await workbook.commit();
}
