import { stringify } from 'csv-stringify/sync';
import type { ExportRow } from '../../db/response-export';
import type { CodebookVariable } from '../../surveys/codebook';
import { NO_OPINION_LABEL } from '../../surveys/scale';
import { codebookRow } from './codebook-row';
import { neutralizeFormula } from './formula-guard';

/** Excel opens a UTF-8 CSV with Vietnamese correctly only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  /** A second header row with each variable's Vietnamese label. */
  labels: boolean;
  /** "No opinion" as its numeric missing code (as in SPSS) instead of the words "Không ý kiến". */
  codes: boolean;
}

/** The header: the codebook's variable names, then optionally their labels. */
export function csvHeader(codebook: readonly CodebookVariable[], options: CsvOptions): string {
  const rows = [codebook.map((v) => v.name)];
  if (options.labels) rows.push(codebook.map((v) => neutralizeFormula(v.label.vi)));
  return UTF8_BOM + stringify(rows);
}

export function csvRows(rows: readonly ExportRow[], codebook: readonly CodebookVariable[], options: CsvOptions): string {
  return stringify(
    rows.map((r) =>
      codebookRow(codebook, r).map((value, i) => {
        if (value === null) return '';
        if (typeof value === 'string') return neutralizeFormula(value);
        const missing = codebook[i]!.missing?.some((m) => m.code === value);
        return missing && !options.codes ? NO_OPINION_LABEL.vi : value;
      }),
    ),
  );
}
