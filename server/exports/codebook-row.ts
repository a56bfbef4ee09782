import type { ExportRow } from '../../db/response-export';
import { exportedAnswer, variableAsks, type CodebookVariable } from '../../surveys/codebook';

/** Vietnam time written out with its offset, so no spreadsheet or statistics package shifts it. */
export function vietnamTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace('Z', '+07:00');
}

/**
 * One response as the codebook's values, in the codebook's order: numbers for numeric variables
 * (no opinion as its missing code; null when not asked or skipped), text for string ones. A
 * question variable holds only the answers of the survey versions that ask it: the health
 * survey's `overall` never lands in the counter survey's `sipas_overall`.
 */
export function codebookRow(codebook: readonly CodebookVariable[], r: ExportRow): (number | string | null)[] {
  const fixed: Record<string, number | string | null> = {
    id: r.id,
    submitted_at: vietnamTime(r.submitted_at),
    unit_code: r.unit_code,
    unit_name: r.unit_name,
    counter_code: r.counter_code ?? '',
    counter_name: r.counter_name ?? '',
    sector: r.sector_code,
    channel: r.channel,
    survey: r.survey_key,
    survey_version: r.survey_version,
    satisfied: r.satisfied === null ? null : r.satisfied ? 1 : 0,
    weight: r.weight,
    comment: r.comment ?? '',
    dossier_code: r.dossier_code ?? '',
    flags: r.flags.join(' '),
  };
  const survey = { key: r.survey_key, version: r.survey_version };
  return codebook.map((v) => {
    if (!v.question) return fixed[v.name] ?? null;
    return variableAsks(v, survey) ? exportedAnswer(v, r.answers[v.question.key]) : null;
  });
}
