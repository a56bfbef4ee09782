import { sql, type Kysely } from 'kysely';
import { SATISFIED_KEY } from './rollup-cells';
import { filterConditions, filterJoins, groupKey, summed, type Grouping, type StatsFilter } from './stats';
import type { Database } from './types';

export interface ValueCountRow {
  key: string;
  survey_version_id: number;
  question_key: string;
  value: number;
  count: number;
}

/**
 * How many times each value was given to each question, per survey version (and per group):
 * the counts factor indices, item rates and answer distributions are computed from.
 */
export async function valueCounts(db: Kysely<Database>, filter: StatsFilter, grouping: Grouping = 'none'): Promise<ValueCountRow[]> {
  const result = await sql<ValueCountRow>`
    select ${groupKey(grouping, filter)} as key, r.survey_version_id, r.question_key, r.value,
           ${summed(sql`r.count`, filter, grouping)} as count
    from daily_rollups r
    ${filterJoins(filter, grouping)}
    where r.question_key <> ${SATISFIED_KEY} and ${filterConditions(filter, 'day', grouping)}
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4`.execute(db);
  return result.rows;
}
