import type { Kysely } from 'kysely';
import { satisfiedCountsFromRollups, type StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { versionSpans } from '../../db/version-timeline';
import { summarize } from '../../surveys/statistics';
import { targetLookup } from './target-lookup';

/**
 * The monthly rate against the target of each month's year, and the months where a newer version
 * of a survey first answered: a changed wording can move a rate, so the chart marks the break.
 */
export async function monthlyTrend(db: Kysely<Database>, filter: StatsFilter) {
  const [months, spans, targets] = await Promise.all([
    satisfiedCountsFromRollups(db, filter, 'month'),
    versionSpans(db, filter),
    targetLookup(db, filter),
  ]);
  const firstVersion = new Map<string, number>();
  for (const s of spans) firstVersion.set(s.survey_key, Math.min(firstVersion.get(s.survey_key) ?? Infinity, s.version));
  return {
    rows: months.map((m) => ({
      key: m.key,
      label: m.key,
      ...summarize({ satisfied: m.satisfied, valid: m.valid, target: targets(filter.sector ?? null, Number(m.key.slice(0, 4))) }),
    })),
    versionChanges: spans
      .filter((s) => s.version !== firstVersion.get(s.survey_key))
      .map((s) => ({ month: s.first_day.slice(0, 7), survey: s.survey_key, version: s.version, title: s.definition.title })),
  };
}
