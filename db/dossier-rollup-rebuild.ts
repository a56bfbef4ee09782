import { sql, type Kysely } from 'kysely';
import { DOSSIER_COUNTS } from '../surveys/dossier-outcome';
import { countExpression } from './dossier-index';
import type { Database } from './types';

const COLUMNS = sql.raw(DOSSIER_COUNTS.join(', '));
const SUMS = sql.raw(DOSSIER_COUNTS.map((k) => `sum(d.${k})::int`).join(', '));

/**
 * Recomputes a tenant's daily, monthly (per channel and over both) and open-dossier rollups from the dossiers' stored outcome flags:
 * for dossiers loaded in bulk (the bench's millions, a restore) and as a repair should rollups
 * ever drift. The same sums storeDossiers moves one difference at a time: per counted day (its
 * month), receiving unit, sector and channel; unfinished dossiers count nowhere. One transaction,
 * under the writers' lock, so readers see the old rollups or the new and no write slips between.
 */
export async function rebuildDossierRollups(db: Kysely<Database>, tenantId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('hailong:dossiers'), ${tenantId})`.execute(trx);
    await sql`delete from dossier_daily_rollups where tenant_id = ${tenantId}`.execute(trx);
    await sql`delete from dossier_monthly_rollups where tenant_id = ${tenantId}`.execute(trx);
    await sql`delete from dossier_open_rollups where tenant_id = ${tenantId}`.execute(trx);
    await sql`
      insert into dossier_open_rollups (tenant_id, due_day, unit_id, sector_code, channel, open)
      select r.tenant_id, (r.due_at at time zone 'Asia/Ho_Chi_Minh')::date, r.unit_id, r.sector_code, r.channel, count(*)::int
      from dossiers r
      where r.tenant_id = ${tenantId} and r.finished_at is null
      group by 1, 2, 3, 4, 5`.execute(trx);
    await sql`delete from dossier_open_totals where tenant_id = ${tenantId}`.execute(trx);
    await sql`
      insert into dossier_open_totals (tenant_id, unit_id, sector_code, channel, open)
      select o.tenant_id, o.unit_id, o.sector_code, o.channel, sum(o.open)::int
      from dossier_open_rollups o
      where o.tenant_id = ${tenantId}
      group by 1, 2, 3, 4`.execute(trx);
    const sums = sql.join(DOSSIER_COUNTS.map((k) => countExpression(k)));
    await sql`
      insert into dossier_daily_rollups (tenant_id, day, unit_id, sector_code, channel, ${COLUMNS})
      select r.tenant_id, r.counted_day, r.unit_id, r.sector_code, r.channel, ${sums}
      from dossiers r
      where r.tenant_id = ${tenantId} and r.counted_day is not null
      group by 1, 2, 3, 4, 5
      -- In day order, as rollups written day by day lie: a period's edge days are then a few pages, not thousands.
      order by 2, 3, 4, 5`.execute(trx);
    await sql`
      insert into dossier_monthly_rollups (tenant_id, month, unit_id, sector_code, channel, ${COLUMNS})
      select d.tenant_id, date_trunc('month', d.day)::date, d.unit_id, d.sector_code, d.channel, ${SUMS}
      from dossier_daily_rollups d
      where d.tenant_id = ${tenantId}
      group by 1, 2, 3, 4, 5`.execute(trx);
    for (const [time, from, to] of [
      ['day', 'dossier_daily_rollups', 'dossier_daily_rollups_all_channels'],
      ['month', 'dossier_monthly_rollups', 'dossier_monthly_rollups_all_channels'],
    ] as const) {
      await sql`delete from ${sql.table(to)} where tenant_id = ${tenantId}`.execute(trx);
      await sql`
        insert into ${sql.table(to)} (tenant_id, ${sql.ref(time)}, unit_id, sector_code, ${COLUMNS})
        select d.tenant_id, d.${sql.ref(time)}, d.unit_id, d.sector_code, ${SUMS}
        from ${sql.table(from)} d
        where d.tenant_id = ${tenantId}
        group by 1, 2, 3, 4
        order by 2, 3, 4`.execute(trx);
    }
  });
}
