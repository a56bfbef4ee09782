import { sql, type RawBuilder } from 'kysely';

/** The rollup row that carries each response's satisfied (1) / not satisfied (0) verdict. */
export const SATISFIED_KEY = '_satisfied';

/**
 * The rollup rule in SQL, over response rows under the alias `r`: the one place the writer (a
 * batch's fresh rows), a cleared flag and the rebuild (a tenant's stored rows) take it from.
 * Vietnam-local days and hours; each numeric answer counts once, a multiple choice once per
 * option ticked, texts not at all; "no opinion" (null) is left out, as it is left out of every
 * denominator; the '_satisfied' pseudo-question carries 1/0; only official answers count
 * (unflagged, at a counter, not a survey wave's interview). Monthly cells are the sums of the hourly ones.
 */
export const LOCAL_TIME = sql`(r.submitted_at at time zone 'Asia/Ho_Chi_Minh')`;

/** Answers that count in official rates; the others wait for an analyst or are rated apart. */
export const OFFICIAL = sql`cardinality(r.flags) = 0 and r.wave_id is null and r.counter_id is not null`;

const DAILY_COLUMNS = sql`tenant_id, day, unit_id, counter_id, sector_code, survey_version_id, channel, question_key, value, count, weight_sum`;
const HOURLY_COLUMNS = sql`tenant_id, day, hour, unit_id, counter_id, sector_code, survey_version_id, channel, responses, valid, satisfied`;
const MONTHLY_COLUMNS = sql`tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel, responses, valid, satisfied`;

/** `insert into daily_rollups` of the cells of the rows `from` yields (a from-clause naming them `r`). */
export function insertDailyCells(from: RawBuilder<unknown>) {
  return sql`insert into daily_rollups (${DAILY_COLUMNS})
    select r.tenant_id, ${LOCAL_TIME}::date, r.unit_id, r.counter_id, r.sector_code, r.survey_version_id, r.channel,
           a.key, a.value, count(*)::int, sum(r.weight)
    from ${from}
    cross join lateral (
      select e.key, e.value::int as value from jsonb_each(r.answers) e where jsonb_typeof(e.value) = 'number'
      union all
      -- A multiple-choice answer counts once per option ticked.
      select e.key, o.value::int from jsonb_each(r.answers) e
      cross join lateral jsonb_array_elements(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) o
      union all
      select ${SATISFIED_KEY}::text, case when r.satisfied then 1 else 0 end where r.satisfied is not null
    ) a
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    -- Every writer locks the cells it shares with another in one order: no deadlocks.
    order by 1, 8, 2, 3, 4, 5, 6, 7, 9`;
}

/** The hourly cells of the rows `from` yields, as a select (columns as hourly_rollups'). */
export function hourlyCells(from: RawBuilder<unknown>) {
  return sql`
    select r.tenant_id, ${LOCAL_TIME}::date as day, extract(hour from ${LOCAL_TIME})::smallint as hour, r.unit_id, r.counter_id,
           r.sector_code, r.survey_version_id, r.channel,
           count(*)::int as responses, count(r.satisfied)::int as valid, (count(*) filter (where r.satisfied))::int as satisfied
    from ${from}
    group by 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** `insert into hourly_rollups` from a relation of hourly cells. */
export function insertHourlyCells(cells: RawBuilder<unknown>) {
  return sql`insert into hourly_rollups (${HOURLY_COLUMNS})
    select ${HOURLY_COLUMNS} from ${cells} order by tenant_id, day, hour, unit_id, counter_id, sector_code, survey_version_id, channel`;
}

/** `insert into monthly_rollups` of the sums of a relation of hourly cells. */
export function insertMonthlyCells(cells: RawBuilder<unknown>) {
  return sql`insert into monthly_rollups (${MONTHLY_COLUMNS})
    select tenant_id, date_trunc('month', day)::date, unit_id, counter_id, sector_code, survey_version_id, channel,
           sum(responses)::int, sum(valid)::int, sum(satisfied)::int
    from ${cells}
    group by 1, 2, 3, 4, 5, 6, 7
    order by 1, 2, 3, 4, 5, 6, 7`;
}

/** What each insert above adds to a cell already stored. */
export const DAILY_ADD = sql`on conflict (tenant_id, question_key, day, unit_id, counter_id, sector_code, survey_version_id, channel, value)
  do update set count = daily_rollups.count + excluded.count, weight_sum = daily_rollups.weight_sum + excluded.weight_sum`;
export const HOURLY_ADD = sql`on conflict (tenant_id, day, hour, unit_id, counter_id, sector_code, survey_version_id, channel)
  do update set responses = hourly_rollups.responses + excluded.responses, valid = hourly_rollups.valid + excluded.valid,
                satisfied = hourly_rollups.satisfied + excluded.satisfied`;
export const MONTHLY_ADD = sql`on conflict (tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel)
  do update set responses = monthly_rollups.responses + excluded.responses, valid = monthly_rollups.valid + excluded.valid,
                satisfied = monthly_rollups.satisfied + excluded.satisfied`;
