import { sql, type Kysely } from 'kysely';
import type { Answers, SurveyDefinition } from '../surveys/instrument-schema';
import { filterConditions, filterJoins, type StatsFilter } from './stats';
import type { Database } from './types';

export interface ExportRow {
  id: number;
  submitted_at: Date;
  unit_code: string;
  unit_name: string;
  /** Null for a survey wave's interviews, which belong to a unit, not a counter. */
  counter_code: string | null;
  counter_name: string | null;
  sector_code: string;
  channel: string;
  survey_key: string;
  survey_version: number;
  survey_version_id: number;
  satisfied: boolean | null;
  weight: number;
  answers: Answers;
  comment: string | null;
  dossier_code: string | null;
  flags: string[];
}

/** The survey versions that responses matching the filter were given under, oldest first. */
export async function surveyVersionsInFilter(db: Kysely<Database>, filter: StatsFilter) {
  const result = await sql<{ id: number; definition: SurveyDefinition }>`
    select sv.id, sv.definition from survey_versions sv
    where sv.tenant_id = ${filter.tenantId} and sv.id in (
      select distinct r.survey_version_id from responses r ${filterJoins(filter, undefined, 'submitted_at')}
      where ${filterConditions(filter, 'submitted_at')})
    order by sv.id`.execute(db);
  return result.rows;
}

/** A wave's interview weighs N_h / n_h: its stratum's population over the stratum's interviews (rows aliased `r`). */
export function waveWeight(filter: StatsFilter) {
  const strata =
    filter.waveId === undefined
      ? sql``
      : sql`join wave_strata ws on ws.wave_id = r.wave_id and ws.unit_id = r.unit_id
            join (select unit_id, count(*) as n from responses where wave_id = ${filter.waveId} group by unit_id) wn
              on wn.unit_id = r.unit_id`;
  const weight = filter.waveId === undefined ? sql`r.weight` : sql`ws.population::float8 / wn.n`;
  return { strata, weight };
}

/**
 * Responses matching the filter, in pages ordered by id (arrival order): keyset pagination keeps
 * memory flat and works the same on PGlite, which has no server-side cursors across requests.
 */
export async function* streamResponses(db: Kysely<Database>, filter: StatsFilter, pageSize = 1000): AsyncGenerator<ExportRow[]> {
  let afterId = 0;
  const { strata, weight } = waveWeight(filter);
  for (;;) {
    // The page's rows are chosen first, then joined: when the planner misjudges the filter (fresh
    // data, no statistics yet) it scans and sorts bare responses, not fully joined rows. They are
    // carried whole, not looked up again by id: an id alone names no month, so a second lookup
    // would probe every month's partition for every row.
    const result: { rows: ExportRow[] } = await sql<ExportRow>`
      with page as (
        select r.id, r.submitted_at, r.unit_id, r.counter_id, r.wave_id, r.sector_code, r.channel, r.survey_version_id,
               r.satisfied, r.weight, r.answers, r.comment, r.dossier_code, r.flags
        from responses r
        ${filterJoins(filter, undefined, 'submitted_at')}
        where ${filterConditions(filter, 'submitted_at')} and r.id > ${afterId}
        order by r.id
        limit ${pageSize}
      )
      select r.id, r.submitted_at, un.code as unit_code, un.name as unit_name, c.code as counter_code,
             c.name as counter_name, r.sector_code, r.channel, s.key as survey_key, v.version as survey_version,
             r.survey_version_id, r.satisfied, ${weight} as weight, r.answers, r.comment, r.dossier_code, r.flags
      from page r
      join units un on un.id = r.unit_id
      left join counters c on c.id = r.counter_id
      join survey_versions v on v.id = r.survey_version_id
      join surveys s on s.id = v.survey_id
      ${strata}
      order by r.id`.execute(db);
    if (result.rows.length === 0) return;
    yield result.rows;
    const last = result.rows[result.rows.length - 1]!;
    afterId = last.id;
    if (result.rows.length < pageSize) return;
  }
}
