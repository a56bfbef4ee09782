import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DOSSIER_COUNTS, type DossierCounts } from '../surveys/dossier-outcome';
import type { DossierChannel } from '../surveys/dossier-input';
import { periodCover } from '../surveys/period-cover';
import { localDay } from '../surveys/time';
import type { StatsFilter } from './stats';
import type { Database } from './types';
import { unitSide } from './unit-view';

export const INDEX_GROUP_BYS = ['sector', 'unit', 'month', 'none'] as const;
export type IndexGroupBy = (typeof INDEX_GROUP_BYS)[number];

export interface IndexFilter extends Pick<StatsFilter, 'tenantId' | 'from' | 'to' | 'unitPath' | 'sector' | 'view'> {
  dossierChannel?: DossierChannel | undefined;
}

export type KeyedCounts = DossierCounts & { key: string };

// Grouped by plain values (a month as its first day, codes in byte order): sorting 20k rollup rows
// by a formatted or collated text took as long as reading them.
function groupKeyOf(groupBy: IndexGroupBy, unitId: RawBuilder<number>): RawBuilder<unknown> {
  if (groupBy === 'sector') return sql`r.sector_code collate "C"`;
  if (groupBy === 'unit') return unitId;
  if (groupBy === 'month') return sql`date_trunc('month', r.day)::date`;
  return sql`0`;
}

function keyText(groupBy: IndexGroupBy, key: RawBuilder<unknown>): RawBuilder<string> {
  if (groupBy === 'month') return sql`to_char(${key}, 'YYYY-MM')`;
  if (groupBy === 'none') return sql`'all'`;
  return sql`${key}::text`;
}

/** Groups summed as `k` (groupKeyOf) in `grouped`, each named by its key's text, in key order. */
function keyed(groupBy: IndexGroupBy, grouped: RawBuilder<unknown>): RawBuilder<KeyedCounts> {
  const cols = sql.raw(DOSSIER_COUNTS.map((k) => `g.${k}`).join(', '));
  return sql<KeyedCounts>`select ${keyText(groupBy, sql`g.k`)} as key, ${cols} from (${grouped}) g order by g.k`;
}

/**
 * The summed dossier outcomes per group, from rollups only: monthly rollups for the months of the
 * period, daily rollups for its edge days, or for the days outside it taken away from an edge
 * month when those are fewer (surveys/period-cover.ts). Units are counted as the stats are (the
 * unit filter's subtree, through the reorganisations of the view when one is asked for).
 */
export async function dossierCountsFromRollups(db: Kysely<Database>, filter: IndexFilter, groupBy: IndexGroupBy): Promise<KeyedCounts[]> {
  const side = unitSide(filter, { byUnit: groupBy === 'unit', listing: false });
  const cover = periodCover(filter.from, filter.to);
  const cols = sql.raw(DOSSIER_COUNTS.map((k) => `m.${k}`).join(', '));
  // A day outside the period is read only to be taken away from its month (surveys/period-cover.ts).
  const sign = sql`(case when d.day between ${filter.from}::date and ${filter.to}::date then 1 else -1 end)`;
  const dcols = sql.join(DOSSIER_COUNTS.map((k) => sql`d.${sql.ref(k)} * ${sign} as ${sql.ref(k)}`));
  // Plain ranges, not a joined list: the planner then knows how few daily rows they are.
  const dayRanges =
    cover.days.length === 0
      ? sql`false`
      : sql.join(
          cover.days.map((r) => sql`d.day between ${r.from}::date and ${r.to}::date`),
          sql` or `,
        );
  const sums = sql.join(
    DOSSIER_COUNTS.map((k) =>
      side.weight
        ? sql`round(sum(r.${sql.ref(k)} * ${side.weight})::numeric, 6)::float8 as ${sql.ref(k)}`
        : sql`sum(r.${sql.ref(k)})::int as ${sql.ref(k)}`,
    ),
  );
  // Without a channel filter (nearly every read) the cells over both channels: half the rows.
  const channel = filter.dossierChannel;
  const monthly = channel ? sql`dossier_monthly_rollups` : sql`dossier_monthly_rollups_all_channels`;
  const daily = channel ? sql`dossier_daily_rollups` : sql`dossier_daily_rollups_all_channels`;
  const result = await keyed(
    groupBy,
    sql`
    select ${groupKeyOf(groupBy, side.unitId)} as k, ${sums}
    from (
      select m.month as day, m.unit_id, m.sector_code, ${cols}
      from ${monthly} m
      where m.tenant_id = ${filter.tenantId} and m.month = any(${cover.months}::date[])
        ${channel ? sql`and m.channel = ${channel}` : sql``}
      union all
      select date_trunc('month', d.day)::date, d.unit_id, d.sector_code, ${dcols}
      from ${daily} d
      where d.tenant_id = ${filter.tenantId} and (${dayRanges})
        ${channel ? sql`and d.channel = ${channel}` : sql``}
    ) r
    ${side.join}
    where true ${side.condition}
      ${filter.sector ? sql`and r.sector_code = ${filter.sector}` : sql``}
    group by 1
    having sum(r.dossiers) > 0`,
  ).execute(db);
  return result.rows;
}

/**
 * The same sums recounted from the stored dossiers one by one: the check that rollups never
 * drift (tests), and the baseline the endpoint's speed is measured against (bench).
 */
export async function dossierCountsFromDossiers(db: Kysely<Database>, filter: IndexFilter, groupBy: IndexGroupBy): Promise<KeyedCounts[]> {
  const side = unitSide(filter, { byUnit: groupBy === 'unit', listing: false });
  const sums = DOSSIER_COUNTS.map((k) => sql`${countExpression(k)} as ${sql.ref(k)}`);
  const result = await keyed(
    groupBy,
    sql`
    select ${groupKeyOf(groupBy, side.unitId)} as k, ${sql.join(sums)}
    from (select x.*, x.counted_day as day from dossiers x) r
    ${side.join}
    where r.tenant_id = ${filter.tenantId} and r.day between ${filter.from}::date and ${filter.to}::date
      ${side.condition}
      ${filter.sector ? sql`and r.sector_code = ${filter.sector}` : sql``}
      ${filter.dossierChannel ? sql`and r.channel = ${filter.dossierChannel}` : sql``}
    group by 1`,
  ).execute(db);
  return result.rows;
}

/** Each sum over stored outcome flags of dossiers aliased `r` (the flags were set by surveys/dossier-outcome.ts). */
export function countExpression(k: (typeof DOSSIER_COUNTS)[number]): RawBuilder<number> {
  const count = (condition: RawBuilder<unknown>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  switch (k) {
    case 'dossiers':
      return sql<number>`count(*)::int`;
    case 'rated':
      return count(sql`r.rating is not null`);
    case 'rating_unsatisfied':
      return count(sql`r.rating_unsatisfied`);
    case 'overdue':
      return count(sql`r.overdue`);
    case 'r3_failed':
      return count(sql`r.r3_failed`);
    case 'online':
      return count(sql`r.channel = 'online'`);
    case 'online_failed':
      return count(sql`r.channel = 'online' and r.r3_failed`);
    case 'complaints':
      return count(sql`r.complained`);
    case 'complaints_on_time':
      return count(sql`r.complaint_on_time`);
    case 'complaints_unsatisfied':
      return count(sql`r.complained and r.complaint_satisfied = false`);
    case 'r2_failed':
      return count(sql`r.r2_failed`);
  }
}

/**
 * Dossiers received but not finished: they count in no ratio yet. "Past due": their due day is
 * before today (Vietnam time). Read from the open-dossier rollups, never from the dossiers: the
 * totals over every due day, less the cells due from today on (a few days' worth), is past due.
 */
export async function openDossiers(db: Kysely<Database>, filter: IndexFilter, now: Date): Promise<{ open: number; pastDue: number }> {
  const side = unitSide(filter, { byUnit: false, listing: true });
  const cellFilter = (x: RawBuilder<unknown>) => sql`
    ${filter.sector ? sql`and ${x}.sector_code = ${filter.sector}` : sql``}
    ${filter.dossierChannel ? sql`and ${x}.channel = ${filter.dossierChannel}` : sql``}`;
  // Summed per unit first: the unit filter then meets one row per unit, whatever plan it gets.
  const result = await sql<{ open: number | null; not_due: number | null }>`
    select sum(r.open)::int as open, sum(r.not_due)::int as not_due
    from (
      select x.unit_id, sum(x.open) as open, sum(x.not_due) as not_due
      from (
        select t.unit_id, t.open, 0 as not_due
        from dossier_open_totals t
        where t.tenant_id = ${filter.tenantId} ${cellFilter(sql`t`)}
        union all
        select o.unit_id, 0, o.open
        from dossier_open_rollups o
        where o.tenant_id = ${filter.tenantId} and o.due_day >= ${localDay(now)}::date ${cellFilter(sql`o`)}
      ) x
      group by 1
    ) r
    ${side.join}
    where true ${side.condition}`.execute(db);
  const row = result.rows[0];
  const open = row?.open ?? 0;
  return { open, pastDue: open - (row?.not_due ?? 0) };
}

/** The same open counts from the dossiers themselves: the rollups' check. */
export async function openDossiersRecounted(
  db: Kysely<Database>,
  filter: IndexFilter,
  now: Date,
): Promise<{ open: number; pastDue: number }> {
  const side = unitSide(filter, { byUnit: false, listing: true });
  const result = await sql<{ open: number; past_due: number }>`
    select count(*)::int as open,
      (count(*) filter (where (r.due_at at time zone 'Asia/Ho_Chi_Minh')::date < ${localDay(now)}::date))::int as past_due
    from dossiers r
    ${side.join}
    where r.tenant_id = ${filter.tenantId} and r.finished_at is null ${side.condition}
      ${filter.sector ? sql`and r.sector_code = ${filter.sector}` : sql``}
      ${filter.dossierChannel ? sql`and r.channel = ${filter.dossierChannel}` : sql``}`.execute(db);
  const row = result.rows[0];
  return { open: row?.open ?? 0, pastDue: row?.past_due ?? 0 };
}
