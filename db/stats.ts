import { sql, type Kysely, type RawBuilder } from 'kysely';
import { addDays, dayStartUtc, wholeMonthsWithin } from '../surveys/time';
import { SATISFIED_KEY } from './rollup-deltas';
import type { Channel } from '../surveys/channels';
import type { Database } from './types';

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
}

export interface SatisfiedCount {
  key: string;
  satisfied: number;
  valid: number;
}

/** Groupings used inside hailong only (alerts look at each sector within each unit). */
export type Grouping = GroupBy | 'sector_unit' | 'survey_version' | 'channel';

const ROLLUP_KEYS: Record<Grouping, RawBuilder<string>> = {
  sector: sql`r.sector_code`,
  unit: sql`r.unit_id::text`,
  counter: sql`r.counter_id::text`,
  day: sql`to_char(r.day, 'YYYY-MM-DD')`,
  month: sql`to_char(r.day, 'YYYY-MM')`,
  none: sql`'all'`,
  sector_unit: sql`r.sector_code || '|' || r.unit_id::text`,
  survey_version: sql`r.survey_version_id::text`,
  channel: sql`r.channel`,
};

export function groupKey(grouping: Grouping): RawBuilder<string> {
  return ROLLUP_KEYS[grouping];
}

/**
 * Satisfied and valid counts per group, read from rollups only: monthly rollups for the whole
 * months of the period, daily rollups for the days around them (and for grouping by day).
 */
export function satisfiedCountsFromRollups(db: Kysely<Database>, filter: StatsFilter, groupBy: Grouping): Promise<SatisfiedCount[]> {
  return countsFromRollups(db, filter, ROLLUP_KEYS[groupBy], groupBy === 'day');
}

export interface SectorCount extends SatisfiedCount {
  sector: string;
}

/** The same counts split by sector within each group: which sectors' targets a group answers to. */
export async function sectorCountsFromRollups(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<SectorCount[]> {
  const rows = await countsFromRollups(db, filter, sql`${ROLLUP_KEYS[groupBy]} || '|' || r.sector_code`, groupBy === 'day');
  // Sector codes are [a-z_] words, so the last '|' separates them from the group's key.
  return rows.map((r) => {
    const cut = r.key.lastIndexOf('|');
    return { key: r.key.slice(0, cut), sector: r.key.slice(cut + 1), satisfied: r.satisfied, valid: r.valid };
  });
}

async function countsFromRollups(
  db: Kysely<Database>,
  filter: StatsFilter,
  key: RawBuilder<string>,
  byDay: boolean,
): Promise<SatisfiedCount[]> {
  const months = byDay ? null : wholeMonthsWithin(filter.from, filter.to);
  // An empty month span ([from, from)) keeps one query shape whether or not a month fits whole.
  const monthsFrom = months?.from ?? filter.from;
  const monthsUntil = months?.until ?? filter.from;
  const result = await sql<SatisfiedCount>`
    select ${key} as key, sum(r.satisfied)::int as satisfied, sum(r.valid)::int as valid
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
    ${filterJoins(filter)}
    where ${filterConditions(filter)}
    group by 1
    order by 1`.execute(db);
  return result.rows;
}

/**
 * The same figures recounted from the raw responses: the check that rollups never drift,
 * and the baseline the dashboard's speed is measured against.
 */
export async function satisfiedCountsFromResponses(db: Kysely<Database>, filter: StatsFilter, groupBy: GroupBy): Promise<SatisfiedCount[]> {
  const key = ROLLUP_KEYS[groupBy];
  const result = await sql<SatisfiedCount>`
    select ${key} as key,
           (count(*) filter (where r.satisfied))::int as satisfied,
           count(*)::int as valid
    from (
      select x.*, (x.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as day
      from responses x
    ) r
    ${filterJoins(filter)}
    where r.satisfied is not null
      and cardinality(r.flags) = 0
      and ${filterConditions(filter)}
    group by 1
    order by 1`.execute(db);
  return result.rows;
}

/** Joins and conditions shared by every query over rows aliased `r` with a `day` column. */
export function filterJoins(filter: StatsFilter): RawBuilder<unknown> {
  return sql`${filter.unitPath ? sql`join units u on u.id = r.unit_id` : sql``}
    ${filter.surveyId !== undefined ? sql`join survey_versions sv on sv.id = r.survey_version_id` : sql``}`;
}

export function filterConditions(filter: StatsFilter, time: 'day' | 'submitted_at' = 'day'): RawBuilder<unknown> {
  const period =
    time === 'day'
      ? sql`r.day between ${filter.from}::date and ${filter.to}::date`
      : sql`r.submitted_at >= ${dayStartUtc(filter.from)} and r.submitted_at < ${dayStartUtc(addDays(filter.to, 1))}`;
  // Rollups hold counter answers only; on raw responses a wave's interviews are kept apart.
  const wave = time === 'day' ? sql`` : filter.waveId !== undefined ? sql`and r.wave_id = ${filter.waveId}` : sql`and r.wave_id is null`;
  return sql`r.tenant_id = ${filter.tenantId}
      and ${period}
      ${wave}
      ${filter.unitPath ? sql`and u.path like ${likePrefix(filter.unitPath)}` : sql``}
      ${filter.sector ? sql`and r.sector_code = ${filter.sector}` : sql``}
      ${filter.counterId !== undefined ? sql`and r.counter_id = ${filter.counterId}` : sql``}
      ${filter.channel ? sql`and r.channel = ${filter.channel}` : sql``}
      ${filter.surveyId !== undefined ? sql`and sv.survey_id = ${filter.surveyId}` : sql``}`;
}

/** LIKE pattern for everything under a unit's path (its subtree). */
export function likePrefix(path: string): string {
  return path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
