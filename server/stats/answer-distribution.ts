import type { Kysely } from 'kysely';
import type { GroupBy, StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { valueCounts } from '../../db/value-counts';
import { versionSpans } from '../../db/version-timeline';
import { allQuestionsOf } from '../../surveys/instrument-schema';
import { isLevel, isSatisfiedLevel, levelsOf, type RatingType } from '../../surveys/scale';
import { headlineQuestions, isRating } from '../../surveys/scoring';
import { labelsFor } from './group-labels';

/**
 * Answers to each survey's headline question(s), per group and rating scale: the stacked
 * distribution. A group whose surveys use both the 5- and the 3-level scale gets one row per scale,
 * since their levels do not add up. `counted` says what a count is: respondents (one overall answer
 * each) or item answers (surveys scored by the factor mean have no single answer per respondent);
 * `satisfied` counts Hài lòng and Rất hài lòng on the row's scale.
 */
export async function answerDistribution(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy) {
  const [counts, spans, labels] = await Promise.all([
    valueCounts(db, filter, groupBy),
    versionSpans(db, filter),
    labelsFor(db, filter.tenantId, groupBy),
  ]);
  const headline = new Map(
    spans.map((s) => {
      const keys = new Set(headlineQuestions(s.definition));
      const types = allQuestionsOf(s.definition).flatMap((q) => (keys.has(q.key) && isRating(q) ? [[q.key, q.type] as const] : []));
      return [s.survey_version_id, new Map<string, RatingType>(types)];
    }),
  );
  const byOverall = new Map(spans.map((s) => [s.survey_version_id, s.definition.overall !== undefined]));
  const rows = new Map<string, { key: string; scale: RatingType; counts: Record<string, number>; satisfied: number; items: boolean }>();
  for (const row of counts) {
    const scale = headline.get(row.survey_version_id)?.get(row.question_key);
    if (!scale || !isLevel(scale, row.value)) continue;
    const id = `${scale}\u0000${row.key}`;
    const group = rows.get(id) ?? {
      key: row.key,
      scale,
      counts: Object.fromEntries(levelsOf(scale).map((l) => [String(l.value), 0])),
      satisfied: 0,
      items: false,
    };
    group.counts[String(row.value)]! += row.count;
    if (isSatisfiedLevel(scale, row.value)) group.satisfied += row.count;
    group.items ||= !byOverall.get(row.survey_version_id);
    rows.set(id, group);
  }
  // The 5-level rows first, as before the 3-level scale existed; each scale in the order of its groups.
  const ordered = [...rows.values()].sort((a, b) => (a.scale === b.scale ? 0 : a.scale === 'scale5' ? -1 : 1));
  return {
    rows: ordered.map(({ key, scale, counts, satisfied, items }) => ({
      key,
      label: labels.get(key) ?? key,
      scale,
      counts,
      satisfied,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      counted: items ? ('item_answers' as const) : ('respondents' as const),
    })),
  };
}
