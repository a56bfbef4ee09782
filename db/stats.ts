import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDays, dayStartUtc, wholeMonthsWithin } from '../surveys/time';
import { SATISFIED_KEY } from './rollup-cells';
import type { Channel } from '../surveys/channels';
import type { Database } from './types';
import { unitSide, type UnitView } from './unit-view';

export const GROUP_BYS = ['sector', 'unit', 'counter', 'day', 'month', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface StatsFilter {
  tenantId: number;
  /** Inclusive local days, 'YYYY-MM-DD' (Asia/Ho_Chi_Minh). */
  from: string;
  to: string;
  /** A unit's path: the unit and its whole subtree. */
  unitPath?: string | undefined;
  sector?: string | undefined;
  counterId?: number | undefined;
  channel?: Channel | undefined;
  surveyId?: number | undefined;
  /** A survey wave's interviews; without it, raw-response queries see counter answers only. */
  waveId?: number | undefined;
  /**
   * The tree the figures are told in (db/unit-view.ts): answers counted for the units in force on
   * the view's day, through the reorganisations effective by then. Without it, or when no
   * reorganisation is standing, each answer counts at the unit it was given at; `unitPath` is then
   * a path of that tree.
   */
  view?: UnitView | undefined;
}

export interface SatisfiedCount {
  key: string;
  satisfied: number;
  valid: number;
}

/** Groupings used inside hailong only (alerts look at each sector within each unit). */
export type Grouping = GroupBy | 'sector_unit' | 'survey_version' | 'channel';

const ROLLUP_KEYS: Record<Grouping, (unitId: RawBuilder<number>) => RawBuilder<string>> = {
  sector: () => sql`r.sector_code`,
  unit: (unitId) => sql`${unitId}::text`,
  counter: () => sql`r.counter_id::text`,
  day: () => sql`to_char(r.day, 'YYYY-MM-DD')`,
  month: () => sql`to_char(r.day, 'YYYY-MM')`,
  none: () => sql`'all'`,
  sector_unit: (unitId) => sql`r.sector_code || '|' || ${unitId}::text`,
  survey_version: () => sql`r.survey_version_id::text`,
  channel: () => sql`r.channel`,
};

const BY_UNIT: ReadonlySet<Grouping> = new Set(['unit', 'sector_unit']);

/** A grouping's key over rows aliased `r`, joined as `filterJoins(filter, grouping)` joins them. */
export function groupKey(grouping: Grouping, filter?: StatsFilter): RawBuilder<string> {
  return ROLLUP_KEYS[grouping](sideOf(filter, grouping).unitId);
}

const sideOf = (filter: StatsFilter | undefined, grouping?: Grouping, listing = false) =>
  unitSide(filter ?? { tenantId: 0, from: '', to: '' }, { byUnit: grouping !== undefined && BY_UNIT.has(grouping), listing });

/** A count column summed, each row weighed by the share its unit counts for in the view. */
export function summed(column: RawBuilder<unknown>, filter: StatsFilter, grouping?: Grouping): RawBuilder<number> {
  const { weight } = sideOf(filter, grouping);
  return weight ? sql<number>`round(sum(${column} * ${weight})::numeric, 6)::float8` : sql<number>`sum(${column})::int`;
}

/**
 * Satisfied and valid counts per group, read from rollups only: monthly rollups for the whole
 * months of the period, daily rollups for the days around them (and for grouping by day).
 */
export function satisfiedCountsFromRollups(db: Kysely<Database>, filter: StatsFilter, groupBy: Grouping): Promise<SatisfiedCount[]> {
  return countsFromRollups(db, filter, groupBy, groupKey(groupBy, filter), groupBy === 'day');
}

export interface SectorCount extends SatisfiedCount {
  sector: string;
}

/** The same counts split by sector within each group: which sectors' targets a group answers to. */
export async function sectorCountsFromRollups(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<SectorCount[]> {
  const rows = await countsFromRollups(db, filter, groupBy, sql`${groupKey(groupBy, filter)} || '|' || r.sector_code`, groupBy === 'day');
  // Sector codes are [a-z_] words, so the last '|' separates them from the group's key.
  return rows.map((r) => {
    const cut = r.key.lastIndexOf('|');
    return { key: r.key.slice(0, cut), sector: r.key.slice(cut + 1), satisfied: r.satisfied, valid: r.valid };
  });
}

async function countsFromRollups(
  db: Kysely<Database>,
  filter: StatsFilter,
  grouping: Grouping,
  key: RawBuilder<string>,
  byDay: boolean,
): Promise<SatisfiedCount[]> {
  const months = byDay ? null : wholeMonthsWithin(filter.from, filter.to);
  // An empty month span ([from, from)) keeps one query shape whether or not a month fits whole.
  const monthsFrom = months?.from ?? filter.from;
  const monthsUntil = months?.until ?? filter.from;
  const result = await sql<SatisfiedCount>`
    select ${key} as key, ${summed(sql`r.satisfied`, filter, grouping)} as satisfied,
           ${summed(sql`r.valid`, filter, grouping)} as valid
    from (
      select m.tenant_id, m.month as day, m.unit_id, m.counter_id, m.sector_code, m.survey_version_id, m.channel,
             m.satisfied, m.valid
      from monthly_rollups m
      where m.tenant_id = ${filter.tenantId} and m.month >= ${monthsFrom}::date and m.month < ${monthsUntil}::date
        and m.valid > 0
      union all
      select d.tenant_id, d.day, d.unit_id, d.counter_id, d.sector_code, d.survey_version_id, d.channel,
             case when d.value = 1 then d.count else 0 end, d.count
      from daily_rollups d
      where d.tenant_id = ${filter.tenantId} and d.question_key = ${SATISFIED_KEY}
        and d.day between ${filter.from}::date and ${filter.to}::date
        and (d.day < ${monthsFrom}::date or d.day >= ${monthsUntil}::date)
    ) r
    ${filterJoins(filter, grouping)}
    where ${filterConditions(filter, 'day', grouping)}
    group by 1
    order by 1`.execute(db);
  return result.rows;
}

/**
 * The same figures recounted from the raw responses: the check that rollups never drift,
 * and the baseline the dashboard's speed is measured against.
 */
export async function satisfiedCountsFromResponses(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<SatisfiedCount[]> {
  const result = await sql<SatisfiedCount>`
    select ${groupKey(groupBy, filter)} as key,
           ${summed(sql`(case when r.satisfied then 1 else 0 end)`, filter, groupBy)} as satisfied,
           ${summed(sql`1`, filter, groupBy)} as valid
    from (
      select x.*, (x.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as day
      from responses x
    ) r
    ${filterJoins(filter, groupBy)}
    where r.satisfied is not null
      and cardinality(r.flags) = 0
      and ${filterConditions(filter, 'day', groupBy)}
    group by 1
    order by 1`.execute(db);
  return result.rows;
}

/**
 * Joins and conditions shared by every query over rows aliased `r` with a `day` column, or over
 * raw responses listed one by one (`time` 'submitted_at': never joined to more than one row each).
 * Give the same grouping to groupKey, summed, filterJoins and filterConditions.
 */
export function filterJoins(filter: StatsFilter, grouping?: Grouping, time: 'day' | 'submitted_at' = 'day'): RawBuilder<unknown> {
  const side = sideOf(filter, grouping, time === 'submitted_at');
  return sql`${side.join}
    ${filter.surveyId !== undefined ? sql`join survey_versions sv on sv.id = r.survey_version_id` : sql``}`;
}

export function filterConditions(filter: StatsFilter, time: 'day' | 'submitted_at' = 'day', grouping?: Grouping): RawBuilder<unknown> {
  const period =
    time === 'day'
      ? sql`r.day between ${filter.from}::date and ${filter.to}::date`
      : sql`r.submitted_at >= ${dayStartUtc(filter.from)} and r.submitted_at < ${dayStartUtc(addDays(filter.to, 1))}`;
  // Rollups hold counter answers only; on raw responses a wave's interviews are kept apart.
  const wave = time === 'day' ? sql`` : filter.waveId !== undefined ? sql`and r.wave_id = ${filter.waveId}` : sql`and r.wave_id is null`;
  const side = sideOf(filter, grouping, time === 'submitted_at');
  return sql`r.tenant_id = ${filter.tenantId}
      and ${period}
      ${wave}
      ${side.condition}
      ${filter.sector ? sql`and r.sector_code = ${filter.sector}` : sql``}
      ${filter.counterId !== undefined ? sql`and r.counter_id = ${filter.counterId}` : sql``}
      ${filter.channel ? sql`and r.channel = ${filter.channel}` : sql``}
      ${filter.surveyId !== undefined ? sql`and sv.survey_id = ${filter.surveyId}` : sql``}`;
}

export { likePrefix } from './unit-view';
