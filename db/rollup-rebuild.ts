import { sql, type Kysely } from 'kysely';
import { SATISFIED_KEY } from './rollup-deltas';
import type { Database } from './types';

const LOCAL = sql`(r.submitted_at at time zone 'Asia/Ho_Chi_Minh')`;

/**
 * Recomputes a tenant's daily, hourly and monthly rollups from its raw responses, in SQL: for
 * data loaded in bulk (the dashboard bench's millions of rows, a restore) where going through
 * the writer one transaction at a time would take hours. Same meaning as rollupDeltas and
 * hourlyDeltas: Vietnam-local days and hours, "no opinion" (null) answers left out, the
 * '_satisfied' pseudo-question carrying 1/0, and only official answers (unflagged, at a
 * counter, not a survey wave's interview). A test checks it yields exactly the writer's rollups.
 *
 * The work goes one local month at a time, so each step's aggregate fits in memory and a
 * month's days never straddle two steps; all in one transaction, so readers see the old
 * rollups or the new, never half.
 */
export async function rebuildRollups(db: Kysely<Database>, tenantId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from daily_rollups where tenant_id = ${tenantId}`.execute(trx);
    await sql`delete from hourly_rollups where tenant_id = ${tenantId}`.execute(trx);
    await sql`delete from monthly_rollups where tenant_id = ${tenantId}`.execute(trx);

    const months = await sql<{ month: string }>`
      select distinct to_char(date_trunc('month', ${LOCAL}), 'YYYY-MM-DD') as month
      from responses r where r.tenant_id = ${tenantId} order by 1`.execute(trx);
    for (const { month } of months.rows) {
      // Local month bounds as instants, so the partition and index on submitted_at are used.
      const inMonth = sql`r.tenant_id = ${tenantId}
        and r.submitted_at >= (${month}::timestamp at time zone 'Asia/Ho_Chi_Minh')
        and r.submitted_at < ((${month}::date + interval '1 month')::timestamp at time zone 'Asia/Ho_Chi_Minh')
        and cardinality(r.flags) = 0 and r.wave_id is null and r.counter_id is not null`;
      await sql`
        insert into daily_rollups (tenant_id, day, unit_id, counter_id, sector_code, survey_version_id, channel,
                                   question_key, value, count, weight_sum)
        select r.tenant_id, ${LOCAL}::date, r.unit_id, r.counter_id, r.sector_code, r.survey_version_id, r.channel,
               a.key, a.value, count(*)::int, sum(r.weight)
        from responses r
        cross join lateral (
          select e.key, e.value::int as value from jsonb_each(r.answers) e where jsonb_typeof(e.value) = 'number'
          union all
          -- A multiple-choice answer counts once per option ticked, as rollupDeltas counts it.
          select e.key, o.value::int from jsonb_each(r.answers) e
          cross join lateral jsonb_array_elements(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) o
          union all
          select ${SATISFIED_KEY}::text, case when r.satisfied then 1 else 0 end where r.satisfied is not null
        ) a
        where ${inMonth}
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(trx);
      await sql`
        insert into hourly_rollups (tenant_id, day, hour, unit_id, counter_id, sector_code, survey_version_id, channel,
                                    responses, valid, satisfied)
        select r.tenant_id, ${LOCAL}::date, extract(hour from ${LOCAL})::smallint, r.unit_id, r.counter_id,
               r.sector_code, r.survey_version_id, r.channel,
               count(*)::int, count(r.satisfied)::int, (count(*) filter (where r.satisfied))::int
        from responses r
        where ${inMonth}
        group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(trx);
    }
    // Monthly cells are sums of the hourly ones (same counts, same keys but the time).
    await sql`
      insert into monthly_rollups (tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel,
                                   responses, valid, satisfied)
      select tenant_id, date_trunc('month', day)::date, unit_id, counter_id, sector_code, survey_version_id, channel,
             sum(responses)::int, sum(valid)::int, sum(satisfied)::int
      from hourly_rollups
      where tenant_id = ${tenantId}
      group by 1, 2, 3, 4, 5, 6, 7`.execute(trx);
  });
}
