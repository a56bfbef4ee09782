import { sql, type Transaction } from 'kysely';
import { hourlyDeltas, monthlyDeltas, rollupDeltas, type RollupSource } from './rollup-deltas';
import type { Database } from './types';

const CHUNK = 500;

/**
 * Adds official (unflagged) responses to the daily, hourly and monthly rollups, inside the caller's
 * transaction, so a rate never disagrees with the rows behind it.
 */
export async function addToRollups(trx: Transaction<Database>, responses: readonly RollupSource[]) {
  const daily = rollupDeltas(responses);
  for (let i = 0; i < daily.length; i += CHUNK) {
    await trx
      .insertInto('daily_rollups')
      .values(daily.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'question_key', 'day', 'unit_id', 'counter_id', 'sector_code', 'survey_version_id', 'channel', 'value'])
          .doUpdateSet({
            count: sql`daily_rollups.count + excluded.count`,
            weight_sum: sql`daily_rollups.weight_sum + excluded.weight_sum`,
          }),
      )
      .execute();
  }
  const hourly = hourlyDeltas(responses);
  for (let i = 0; i < hourly.length; i += CHUNK) {
    await trx
      .insertInto('hourly_rollups')
      .values(hourly.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'day', 'hour', 'unit_id', 'counter_id', 'sector_code', 'survey_version_id', 'channel']).doUpdateSet({
          responses: sql`hourly_rollups.responses + excluded.responses`,
          valid: sql`hourly_rollups.valid + excluded.valid`,
          satisfied: sql`hourly_rollups.satisfied + excluded.satisfied`,
        }),
      )
      .execute();
  }
  const monthly = monthlyDeltas(responses);
  for (let i = 0; i < monthly.length; i += CHUNK) {
    await trx
      .insertInto('monthly_rollups')
      .values(monthly.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'month', 'unit_id', 'counter_id', 'sector_code', 'survey_version_id', 'channel']).doUpdateSet({
          responses: sql`monthly_rollups.responses + excluded.responses`,
          valid: sql`monthly_rollups.valid + excluded.valid`,
          satisfied: sql`monthly_rollups.satisfied + excluded.satisfied`,
        }),
      )
      .execute();
  }
}
