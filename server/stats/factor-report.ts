import type { Kysely } from 'kysely';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { valueCounts } from '../../db/value-counts';
import { versionSpans, type VersionSpan } from '../../db/version-timeline';
import { factorIndices, itemRates, sipasIndex, type ValueCounts } from '../../surveys/scoring';
import { summarize, wilsonInterval } from '../../surveys/statistics';
import { targetLookup } from './target-lookup';

/**
 * Why a rate is what it is: per survey, its rate with its verdict (against the filtered sector's
 * target, or the overall one), the factor indices and item rates, pooling the survey's versions in
 * the filter (worded by its newest one). Every survey answered in the filter is listed, even one
 * whose forms all said "no opinion": n = 0, too few answers.
 */
export async function factorReport(db: Kysely<Database>, filter: StatsFilter) {
  const [counts, spans, perVersion, targets] = await Promise.all([
    valueCounts(db, filter),
    versionSpans(db, filter),
    satisfiedCountsFromRollups(db, filter, 'survey_version'),
    targetLookup(db, filter),
  ]);
  const target = targets(filter.sector ?? null, Number(filter.to.slice(0, 4)));
  const surveyOf = new Map(spans.map((s) => [s.survey_version_id, s.survey_key]));
  const bySurvey = new Map<string, { latest: VersionSpan; counts: ValueCounts; n: number; satisfied: number }>();
  for (const span of spans) {
    const entry = bySurvey.get(span.survey_key);
    if (!entry) bySurvey.set(span.survey_key, { latest: span, counts: {}, n: 0, satisfied: 0 });
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
    if (!entry) continue;
    entry.n += row.valid;
    entry.satisfied += row.satisfied;
  }
  return {
    surveys: [...bySurvey.entries()].map(([survey, { latest, counts, n, satisfied }]) => {
      const def = latest.definition;
      const factors = factorIndices(def, counts).map((f) => ({
        ...f,
        label: def.factors.find((x) => x.key === f.key)!.label,
        interval: wilsonInterval(f.satisfied, f.valid),
      }));
      const items = itemRates(def, counts).map((i) => {
        const q = def.factors.flatMap((f) => f.items).find((x) => x.key === i.key)!;
        // The scale says what "satisfied" was for this item: 4–5 of five, 2–3 of three.
        return { ...i, text: q.text, scale: q.type, interval: wilsonInterval(i.satisfied, i.valid) };
      });
      return {
        survey,
        kind: def.kind,
        title: def.title,
        ...summarize({ satisfied, valid: n, target }),
        factors,
        items,
        sipasIndex: sipasIndex(factors),
      };
    }),
  };
}
