import { sql, type Kysely } from 'kysely';
import { filterConditions, filterJoins, summed, type StatsFilter } from './stats';
import type { Database } from './types';

export interface HourWeekdayCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  responses: number;
  valid: number;
  satisfied: number;
}

/** Answers per weekday × hour (Vietnam time), from the hourly rollups. */
export async function hourWeekdayCounts(db: Kysely<Database>, filter: StatsFilter): Promise<HourWeekdayCell[]> {
  const result = await sql<HourWeekdayCell>`
    select extract(isodow from r.day)::int as weekday, r.hour::int as hour,
           ${summed(sql`r.responses`, filter)} as responses, ${summed(sql`r.valid`, filter)} as valid,
           ${summed(sql`r.satisfied`, filter)} as satisfied
    from hourly_rollups r
    ${filterJoins(filter)}
    where ${filterConditions(filter)}
    group by 1, 2
    order by 1, 2`.execute(db);
  return result.rows;
}
