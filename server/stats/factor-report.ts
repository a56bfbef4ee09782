import type { Kysely } from 'kysely';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { valueCounts } from '../../db/value-counts';
import { versionSpans, type VersionSpan } from '../../db/version-timeline';
import { factorIndices, itemRates, sipasIndex, type ValueCounts } from '../../surveys/scoring';
import { wilsonInterval } from '../../surveys/statistics';

/**
 * Why a rate is what it is: per survey, the factor indices and item rates, pooling the survey's
 * versions in the filter (worded by its newest one).
 */
export async function factorReport(db: Kysely<Database>, filter: StatsFilter) {
  const [counts, spans, perVersion] = await Promise.all([
    valueCounts(db, filter),
    versionSpans(db, filter),
    satisfiedCountsFromRollups(db, filter, 'survey_version'),
  ]);
  const surveyOf = new Map(spans.map((s) => [s.survey_version_id, s.survey_key]));
  const bySurvey = new Map<string, { latest: VersionSpan; counts: ValueCounts; n: number }>();
  for (const span of spans) {
    const entry = bySurvey.get(span.survey_key);
    if (!entry) bySurvey.set(span.survey_key, { latest: span, counts: {}, n: 0 });
    else if (span.version > entry.latest.version) entry.latest = span;
  }
  for (const row of counts) {
    const entry = bySurvey.get(surveyOf.get(row.survey_version_id) ?? '');
    if (!entry) continue;
    const q = (entry.counts[row.question_key] ??= {});
    q[row.value] = (q[row.value] ?? 0) + row.count;
  }
  for (const row of perVersion) {
    const entry = bySurvey.get(surveyOf.get(Number(row.key)) ?? '');
    if (entry) entry.n += row.valid;
  }
  return {
    surveys: [...bySurvey.entries()].map(([survey, { latest, counts, n }]) => {
      const def = latest.definition;
      const factors = factorIndices(def, counts).map((f) => ({
        ...f,
        label: def.factors.find((x) => x.key === f.key)!.label,
        interval: wilsonInterval(f.satisfied, f.valid),
      }));
      const items = itemRates(def, counts).map((i) => ({
        ...i,
        text: def.factors.flatMap((f) => f.items).find((q) => q.key === i.key)!.text,
        interval: wilsonInterval(i.satisfied, i.valid),
      }));
      return { survey, kind: def.kind, title: def.title, n, factors, items, sipasIndex: sipasIndex(factors) };
    }),
  };
}
