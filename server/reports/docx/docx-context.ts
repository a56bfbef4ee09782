import type { ReportSettings } from '../../../surveys/report-settings';
import type { PeriodicReport } from '../report-data';
import type { DocxBlock } from './docx-parts';

/** What every section of the Word report is built from. */
export interface DocxContext {
  report: PeriodicReport;
  settings: ReportSettings;
  /** The document's number (Số: 12/BC-UBND), or undefined to leave it blank for the clerk. */
  number: string | undefined;
  /** The day on the date line. */
  day: Date;
}

/** One section of the document: its paragraphs and tables, in order. */
export type DocxSection = (ctx: DocxContext) => DocxBlock[] | Promise<DocxBlock[]>;
