import { sql, type Kysely } from 'kysely';
import { hourlyCells, insertDailyCells, insertHourlyCells, insertMonthlyCells, LOCAL_TIME as LOCAL, OFFICIAL } from './rollup-cells';
import type { Database } from './types';

/**
 * Recomputes a tenant's daily, hourly and monthly rollups from its raw responses, in SQL: for
 * data loaded in bulk (the dashboard bench's millions of rows, a restore) where going through
 * the writer one transaction at a time would take hours. The cells are the writer's own
 * (db/rollup-cells.ts); a test checks the rebuild yields exactly the writer's rollups.
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
        and ${OFFICIAL}`;
      const rows = sql`(select * from responses r where ${inMonth}) r`;
      await insertDailyCells(rows).execute(trx);
      await insertHourlyCells(sql`(${hourlyCells(rows)}) h`).execute(trx);
    }
    // Monthly cells are sums of the hourly ones (same counts, same keys but the time).
    await insertMonthlyCells(sql`(select * from hourly_rollups where tenant_id = ${tenantId}) h`).execute(trx);
  });
}
