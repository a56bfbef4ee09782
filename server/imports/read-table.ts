import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type TableRow = Record<string, string>;

export interface Table {
  columns: string[];
  /** Data rows with the sheet/file row number people see (the header is row 1). */
  rows: { line: number; cells: TableRow }[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isXlsx(contentType: string, bytes: Uint8Array): boolean {
  // A .xlsx is a zip: trust the bytes as much as the declared type.
  return contentType.startsWith(XLSX_TYPE) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/** A CSV (UTF-8, with or without BOM, comma or semicolon) or the first sheet of an XLSX, as text cells. */
export async function readTable(bytes: Uint8Array, contentType: string): Promise<Table> {
  return isXlsx(contentType, bytes) ? readXlsx(bytes) : readCsv(bytes);
}

function readCsv(bytes: Uint8Array): Table {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Excel in Vietnamese locales saves CSV with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return toTable(records);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.value instanceof Date ? excelDateText(cell.value) : (cell.text ?? '');
    });
    records.push(Array.from(values, (v) => v ?? ''));
  });
  return toTable(records);
}

/**
 * A date cell holds the wall-clock time Excel showed (ExcelJS reads it as if it were UTC): written
 * back as that local time, 'YYYY-MM-DD HH:mm:ss', or the day alone when it has no time of day.
 */
function excelDateText(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function toTable(records: string[][]): Table {
  const [header = [], ...data] = records;
  const columns = header.map((h) => h.trim());
  const rows: Table['rows'] = [];
  data.forEach((record, i) => {
    if (record.every((v) => (v ?? '').trim() === '')) return;
    const cells: TableRow = {};
    columns.forEach((name, c) => {
      if (name) cells[name] = (record[c] ?? '').trim();
    });
    rows.push({ line: i + 2, cells });
  });
  return { columns, rows };
}
