import type { Kysely } from 'kysely';
import type { StatsFilter } from '../../db/stats';
import type { Database } from '../../db/types';
import { versionSpans } from '../../db/version-timeline';
import { rateTable } from './rate-table';
import { reorganisationBreaks } from './reorganisation-breaks';

/**
 * The monthly rate, each month judged as /api/stats?groupBy=month judges it (its sectors' target
 * in force that year), the months where a newer version of a survey first answered (a changed
 * wording can move a rate) and the days units were reorganised (the units behind the line
 * changed): the chart marks both as breaks.
 */
export async function monthlyTrend(db: Kysely<Database>, filter: StatsFilter) {
  const [months, spans, reorganisations] = await Promise.all([
    rateTable(db, filter, 'month'),
    versionSpans(db, filter),
    reorganisationBreaks(db, filter),
  ]);
  const firstVersion = new Map<string, number>();
  for (const s of spans) firstVersion.set(s.survey_key, Math.min(firstVersion.get(s.survey_key) ?? Infinity, s.version));
  return {
    rows: months.rows.map((m) => ({ ...m, label: m.key })),
    versionChanges: spans
      .filter((s) => s.version !== firstVersion.get(s.survey_key))
      .map((s) => ({ month: s.first_day.slice(0, 7), survey: s.survey_key, version: s.version, title: s.definition.title })),
    reorganisations,
  };
}
