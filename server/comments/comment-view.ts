import type { CommentRow } from '../../db/comments';
import type { SurveyDefinition } from '../../surveys/instrument-schema';

/**
 * A comment as the dashboard lists it, with the rating beside it: the answer to its survey
 * version's overall question (null when the version has none or it was not answered), and its scale.
 */
export function commentView(row: CommentRow, versions: readonly { id: number; definition: Pick<SurveyDefinition, 'overall'> }[]) {
  const overall = versions.find((v) => v.id === row.survey_version_id)?.definition.overall;
  const key = overall?.key;
  return {
    id: row.id,
    submittedAt: row.submitted_at,
    counter: row.counter_code ? { code: row.counter_code, name: row.counter_name } : null,
    unitName: row.unit_name,
    sector: row.sector_code,
    rating: key ? (row.answers[key] ?? null) : null,
    /** The rating's scale: a 3-level 2 is Hài lòng, a 5-level 2 Không hài lòng. */
    scale: overall?.type === 'scale3' ? ('scale3' as const) : ('scale5' as const),
    satisfied: row.satisfied,
    comment: row.comment,
  };
}
