import { sql, type Kysely } from 'kysely';
import type { SurveyDefinition } from '../surveys/instrument-schema';
import { filterConditions, filterJoins, type StatsFilter } from './stats';
import type { Database } from './types';

export interface VersionSpan {
  survey_version_id: number;
  survey_key: string;
  version: number;
  definition: SurveyDefinition;
  first_day: string;
  last_day: string;
}

/**
 * Which survey versions answered within the filter, and over which days: trend charts mark the
 * breaks. Read from the hourly rollups, which count every response: a version whose forms all said
 * "no opinion" has no valid answer in the daily ones, yet was answered.
 */
export async function versionSpans(db: Kysely<Database>, filter: StatsFilter): Promise<VersionSpan[]> {
  const result = await sql<VersionSpan>`
    select v.id as survey_version_id, s.key as survey_key, v.version, v.definition,
           to_char(x.first_day, 'YYYY-MM-DD') as first_day, to_char(x.last_day, 'YYYY-MM-DD') as last_day
    from (
      select r.survey_version_id, min(r.day) as first_day, max(r.day) as last_day
      from hourly_rollups r ${filterJoins(filter)}
      where ${filterConditions(filter)} and r.responses > 0
      group by 1
    ) x
    join survey_versions v on v.id = x.survey_version_id
    join surveys s on s.id = v.survey_id
    order by s.key, v.version`.execute(db);
  return result.rows;
}
