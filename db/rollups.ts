import { sql, type Transaction } from 'kysely';
import { hourlyDeltas, monthlyDeltas, rollupDeltas, type RollupSource } from './rollup-deltas';
import type { Database } from './types';

/**
 * Adds official (unflagged) responses to the daily, hourly and monthly rollups, inside the
 * caller's transaction, so a rate never disagrees with the rows behind it. One statement (three
 * inserts chained as CTEs, each fed one JSON parameter) whatever the number of responses; the
 * increments arrive sorted, so concurrent writers lock the rows they share in one order.
 */
export async function addToRollups(trx: Transaction<Database>, responses: readonly RollupSource[]) {
  if (responses.length === 0) return;
  await sql`
    with daily as (
      insert into daily_rollups
      select * from jsonb_populate_recordset(null::daily_rollups, ${JSON.stringify(rollupDeltas(responses))}::jsonb)
      on conflict (tenant_id, question_key, day, unit_id, counter_id, sector_code, survey_version_id, channel, value)
      do update set count = daily_rollups.count + excluded.count, weight_sum = daily_rollups.weight_sum + excluded.weight_sum
    ),
    hourly as (
      insert into hourly_rollups
      select * from jsonb_populate_recordset(null::hourly_rollups, ${JSON.stringify(hourlyDeltas(responses))}::jsonb)
      on conflict (tenant_id, day, hour, unit_id, counter_id, sector_code, survey_version_id, channel)
      do update set responses = hourly_rollups.responses + excluded.responses, valid = hourly_rollups.valid + excluded.valid,
                    satisfied = hourly_rollups.satisfied + excluded.satisfied
    )
    insert into monthly_rollups
    select * from jsonb_populate_recordset(null::monthly_rollups, ${JSON.stringify(monthlyDeltas(responses))}::jsonb)
    on conflict (tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel)
    do update set responses = monthly_rollups.responses + excluded.responses, valid = monthly_rollups.valid + excluded.valid,
                  satisfied = monthly_rollups.satisfied + excluded.satisfied`.execute(trx);
}
