import type { LocalizedText } from '../../surveys/localized-text';
import { normalizeDossierCode } from '../../surveys/dossier-code';
import type { Table } from '../imports/read-table';
import { cellValue, DOSSIER_COLUMNS, dossierColumnOf, type DossierColumn } from './dossier-columns';
import type { DossierProblem } from './resolve-dossiers';

/** One thing wrong in a dossier sheet: the sheet's row (the header is 1), the header as written, and what to fix. */
export interface SheetProblem {
  line: number;
  column: string;
  message: LocalizedText;
}

export interface DossierSheet {
  /** Each data row whose cells could be read, as the schema's raw input, with its line. */
  items: { at: number; value: Record<string, unknown> }[];
  problems: SheetProblem[];
  /** The header a field was read from, for the problems resolveDossiers finds. */
  headerOf: (field: string) => string;
}

const COLUMN_NAMES = DOSSIER_COLUMNS.map((c) => c.vi).join(', ');

/**
 * A dossier sheet's rows as dossier inputs: each header named in English or Vietnamese
 * (dossier-columns.ts), each cell as the schema takes it. An unknown or repeated column, a missing
 * required one, an unreadable yes/no or channel and a dossier code on two rows are problems.
 */
export function readDossierSheet(table: Table): DossierSheet {
  const problems: SheetProblem[] = [];
  const columns = new Map<string, { header: string; column: DossierColumn }>();
  for (const header of table.columns) {
    if (!header) continue;
    const column = dossierColumnOf(header);
    if (!column) {
      problems.push({
        line: 1,
        column: header,
        message: {
          vi: `Cột "${header}" không thuộc danh sách hồ sơ (các cột: ${COLUMN_NAMES}).`,
          en: `Column "${header}" is not part of a dossier sheet (columns: ${DOSSIER_COLUMNS.map((c) => c.en).join(', ')}).`,
        },
      });
    } else if (columns.has(column.field)) {
      problems.push({
        line: 1,
        column: header,
        message: {
          vi: `Cột "${header}" trùng với cột "${columns.get(column.field)!.header}".`,
          en: `Column "${header}" repeats column "${columns.get(column.field)!.header}".`,
        },
      });
    } else columns.set(column.field, { header, column });
  }
  for (const c of DOSSIER_COLUMNS) {
    if (c.required && !columns.has(c.field))
      problems.push({
        line: 1,
        column: c.vi,
        message: { vi: `Thiếu cột "${c.vi}" (${c.en}).`, en: `The "${c.vi}" (${c.en}) column is missing.` },
      });
  }
  if (table.rows.length === 0)
    problems.push({ line: 1, column: '', message: { vi: 'Tệp không có hồ sơ nào.', en: 'The file lists no dossiers.' } });
  const headerOf = (field: string) => columns.get(field)?.header ?? DOSSIER_COLUMNS.find((c) => c.field === field)?.vi ?? field;
  if (problems.length > 0) return { items: [], problems, headerOf };

  const items: DossierSheet['items'] = [];
  const lineOfCode = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const value: Record<string, unknown> = {};
    const before = problems.length;
    for (const { header, column } of columns.values()) {
      const cell = cellValue(column, cells[header] ?? '');
      if (cell.ok) value[column.field] = cell.value;
      else problems.push({ line, column: header, message: cell.message });
    }
    const code = typeof value.code === 'string' ? normalizeDossierCode(value.code) : '';
    const seen = lineOfCode.get(code);
    if (code && seen !== undefined)
      problems.push({
        line,
        column: headerOf('code'),
        message: { vi: `Mã hồ sơ ${code} trùng với dòng ${seen}.`, en: `Dossier ${code} is already on line ${seen}.` },
      });
    else if (code) lineOfCode.set(code, line);
    // A row with an unreadable cell is reported as it is; checking the rest of it would guess.
    if (problems.length === before) items.push({ at: line, value });
  }
  return { items, problems, headerOf };
}

/** resolveDossiers' problems (line, schema field) as the sheet's (line, header as written). */
export function sheetProblemsOf(sheet: DossierSheet, problems: readonly DossierProblem[]): SheetProblem[] {
  return problems.map((p) => {
    const field = p.field.split('.')[0] ?? '';
    return { line: p.at, column: field === '_row' || field === '' ? '' : sheet.headerOf(field), message: p.message };
  });
}
