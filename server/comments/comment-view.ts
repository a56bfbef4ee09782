import type { CommentRow } from '../../db/comments';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import { isLevel, type RatingType } from '../../surveys/scale';

/**
 * A comment as the dashboard lists it, with the rating beside it: the answer to its survey
 * version's overall question and the scale it was given on, 5 or 3 levels (null when the version
 * has none, it was not answered, or the answer is not a level of that scale).
 */
export function commentView(row: CommentRow, versions: readonly { id: number; definition: Pick<SurveyDefinition, 'overall'> }[]) {
  const overall = versions.find((v) => v.id === row.survey_version_id)?.definition.overall;
  const answer = overall ? row.answers[overall.key] : undefined;
  const scale = overall?.type === 'scale3' ? 'scale3' : 'scale5';
  const rating = isLevel(scale, answer) ? answer : null;
  return {
    id: row.id,
    submittedAt: row.submitted_at,
    counter: row.counter_code ? { code: row.counter_code, name: row.counter_name } : null,
    unitName: row.unit_name,
    sector: row.sector_code,
    rating,
    ratingScale: (rating === null ? null : scale) satisfies RatingType | null,
    satisfied: row.satisfied,
    comment: row.comment,
  };
}
