import type { Kysely } from 'kysely';
import type { GroupBy, StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { valueCounts } from '../../db/value-counts';
import { versionSpans } from '../../db/version-timeline';
import { SCALE_LEVELS } from '../../surveys/scale';
import { headlineQuestions } from '../../surveys/scoring';
import { labelsFor } from './group-labels';

/**
 * Answers 1–5 to each survey's headline question(s), per group: the stacked distribution.
 * `counted` says what a count is: respondents (one overall answer each) or item answers (surveys
 * scored by the factor mean have no single answer per respondent).
 */
export async function answerDistribution(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy) {
  const [counts, spans, labels] = await Promise.all([
    valueCounts(db, filter, groupBy),
    versionSpans(db, filter),
    labelsFor(db, filter.tenantId, groupBy),
  ]);
  const headline = new Map(spans.map((s) => [s.survey_version_id, new Set(headlineQuestions(s.definition))]));
  const byOverall = new Map(spans.map((s) => [s.survey_version_id, s.definition.overall !== undefined]));
  const rows = new Map<string, { counts: Record<string, number>; items: boolean }>();
  for (const row of counts) {
    if (!headline.get(row.survey_version_id)?.has(row.question_key)) continue;
    if (!SCALE_LEVELS.some((l) => l.value === row.value)) continue;
    const group = rows.get(row.key) ?? { counts: Object.fromEntries(SCALE_LEVELS.map((l) => [String(l.value), 0])), items: false };
    group.counts[String(row.value)]! += row.count;
    group.items ||= !byOverall.get(row.survey_version_id);
    rows.set(row.key, group);
  }
  return {
    rows: [...rows.entries()].map(([key, { counts, items }]) => ({
      key,
      label: labels.get(key) ?? key,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      counted: items ? ('item_answers' as const) : ('respondents' as const),
    })),
  };
}
