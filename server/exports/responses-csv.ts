import { stringify } from 'csv-stringify/sync';
import type { ExportRow } from '../../db/response-export';
import { allQuestionsOf, type SurveyDefinition } from '../../surveys/instrument-schema';
import { NO_OPINION_LABEL } from '../../surveys/scale';
import { vietnamTime } from './codebook-row';

/** Excel opens a UTF-8 CSV with Vietnamese correctly only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

const FIXED_COLUMNS = [
  'id',
  'submitted_at',
  'unit_code',
  'unit_name',
  'counter_code',
  'counter_name',
  'sector',
  'channel',
  'survey',
  'survey_version',
  'satisfied',
  'weight',
] as const;
const TRAILING_COLUMNS = ['comment', 'dossier_code', 'flags'] as const;

/** One column per question, in form order, across every survey version in the export. */
export function questionColumns(versions: readonly { definition: SurveyDefinition }[]): string[] {
  const keys = new Set<string>();
  for (const v of versions) for (const q of allQuestionsOf(v.definition)) keys.add(q.key);
  return [...keys];
}

export function csvHeader(questionKeys: readonly string[]): string {
  return UTF8_BOM + stringify([[...FIXED_COLUMNS, ...questionKeys, ...TRAILING_COLUMNS]]);
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe, so a comment can never execute in the analyst's Excel.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvRows(rows: readonly ExportRow[], questionKeys: readonly string[]): string {
  return stringify(
    rows.map((r) => [
      r.id,
      vietnamTime(r.submitted_at),
      r.unit_code,
      neutralizeFormula(r.unit_name),
      r.counter_code ?? '',
      neutralizeFormula(r.counter_name ?? ''),
      r.sector_code,
      r.channel,
      r.survey_key,
      r.survey_version,
      r.satisfied === null ? '' : r.satisfied ? 1 : 0,
      r.weight,
      ...questionKeys.map((k) => {
        const v = r.answers[k];
        return v === undefined ? '' : v === null ? NO_OPINION_LABEL.vi : v;
      }),
      neutralizeFormula(r.comment ?? ''),
      r.dossier_code ?? '',
      r.flags.join(' '),
    ]),
  );
}
