import type { Workbook } from 'exceljs';
import type { ExportRow } from '../../../db/response-export';
import type { CodebookVariable } from '../../../surveys/codebook';
import { codebookRow } from '../codebook-row';
import { cellValue } from './cell-value';
import { FROZEN_HEADER, writeHeader } from './sheet-header';

export const RESPONSES_SHEET = 'Phiếu trả lời';

/** Thrown when the client has gone: there is no one left to write the rest of the file for. */
export class ExportAborted extends Error {
  constructor() {
    super('the client closed the download');
  }
}

/**
 * One row per response, in the codebook's order: answers as numbers (no opinion as its missing
 * code), the time as text with its +07:00 offset (an Excel date has no time zone and would be read
 * as the reader's own). Each page is committed — written out of memory — before the next is read.
 */
export async function writeResponsesSheet(
  workbook: Workbook,
  codebook: readonly CodebookVariable[],
  pages: AsyncIterable<ExportRow[]>,
  between: { afterPage(): Promise<void>; stopped(): boolean },
): Promise<void> {
  const sheet = workbook.addWorksheet(RESPONSES_SHEET, { views: FROZEN_HEADER });
  sheet.columns = codebook.map((v) => ({
    width: v.type === 'string' && v.question ? 30 : v.question ? 8 : v.name === 'comment' ? 40 : 16,
  }));
  writeHeader(
    sheet,
    codebook.map((v) => v.name),
    codebook.map((v) => v.label.vi),
  );
  for await (const page of pages) {
    for (const response of page) sheet.addRow(codebookRow(codebook, response).map(cellValue)).commit();
    await between.afterPage();
    if (between.stopped()) throw new ExportAborted();
  }
  sheet.commit();
}
