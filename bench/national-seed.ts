import { sql, type Kysely } from 'kysely';
import { SATISFIED_KEY } from '../db/rollup-cells';
import type { Database } from '../db/types';
import { allQuestionsOf } from '../surveys/instrument-schema';
import { DEFAULT_INSTRUMENT_FOR_SECTOR } from '../surveys/instruments';
import { DASHBOARD_SECTORS } from './dashboard-seed';

/** The national profile's shape; the full one is issue 21's, the quick one a small one for CI's correctness checks. */
export interface NationalSize {
  provinces: number;
  /** Per province: the province itself, its service centre and its communes. */
  unitsPerProvince: number;
  counters: number;
  /** Of those, this many sit at the provincial service centres, the rest at the communes. */
  centreCounters: number;
  answersPerYear: number;
  /** Answers stored through the writer (storeResponses), to check rollups = recount. */
  rawAnswers: number;
}

export const NATIONAL_FULL: NationalSize = {
  provinces: 34,
  unitsPerProvince: 100,
  counters: 10_000,
  centreCounters: 1_360,
  answersPerYear: 50_000_000,
  rawAnswers: 200_000,
};

export const NATIONAL_QUICK: NationalSize = {
  provinces: 34,
  unitsPerProvince: 5,
  counters: 200,
  centreCounters: 34,
  answersPerYear: 500_000,
  rawAnswers: 2_000,
};

/** Seeded rollups cover 2023-01 … 2025-12 (36 months), Vietnam-local months. */
export const NATIONAL_YEARS = [2023, 2024, 2025] as const;
/**
 * Daily rollups are seeded only for the months a measured period cuts: the rolling quarter
 * 2025-09-16 … 2025-12-15 reads whole October and November from the monthly rollups and the
 * days of September and December from the daily ones (db/stats.ts countsFromRollups).
 */
export const DAILY_MONTHS = ['2025-09-01', '2025-12-01'] as const;

/**
 * One national tenant: 34 provinces as the roots of its tree (a province may only be a root),
 * each with its provincial public-service centre and its communes; counters at both, one sector
 * each, in turn. Made with SQL, not through the API. Returns nothing: the caller finds units by code.
 */
export async function seedNationalTree(db: Kysely<Database>, tenantId: number, size: NationalSize) {
  const communesPerProvince = size.unitsPerProvince - 2;
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, null, lpad(g::text, 2, '0'), 'Tỉnh ' || g, 'province' from generate_series(1, ${size.provinces}) g`.execute(db);
  const provinces = sql`(select id, code from units where tenant_id = ${tenantId} and kind = 'province' and code ~ '^\\d{2}$')`;
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, p.id, p.code || '-TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh ' || p.code, 'service_body'
    from ${provinces} p`.execute(db);
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, p.id, lpad(((p.code::int - 1) * ${communesPerProvince} + g)::text, 5, '0'),
           'Xã ' || p.code || '-' || g, case when g % 4 = 0 then 'ward' else 'commune' end
    from ${provinces} p cross join generate_series(1, ${communesPerProvince}) g`.execute(db);

  // Each sector's survey, its newest version (the one its counters ask).
  await sql`create table bench_nat_sectors (i int primary key, sector_code text, survey_id int, version_id int)`.execute(db);
  for (const [i, sector] of DASHBOARD_SECTORS.entries()) {
    const version = await db
      .selectFrom('surveys as s')
      .innerJoin('survey_versions as v', 'v.survey_id', 's.id')
      .select(['s.id as survey_id', 'v.id as version_id', 'v.definition'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.key', '=', DEFAULT_INSTRUMENT_FOR_SECTOR(sector).key)
      .orderBy('v.version', 'desc')
      .executeTakeFirstOrThrow();
    if (!allQuestionsOf(version.definition).some((q) => q.type === 'scale5')) throw new Error(`survey for ${sector} has no 1–5 question`);
    await sql`insert into bench_nat_sectors values (${i}, ${sector}, ${version.survey_id}, ${version.version_id})`.execute(db);
  }
  // Counters 0 … centreCounters-1 at the service centres (round the provinces), the rest round the communes.
  await sql`
    insert into counters (tenant_id, unit_id, code, name, survey_id)
    select ${tenantId}, u.id, 'nat-' || g, 'Quầy ' || g, s.survey_id
    from generate_series(0, ${size.counters - 1}) g
    join bench_nat_sectors s on s.i = g % ${DASHBOARD_SECTORS.length}
    join (select id, kind = 'service_body' as centre,
                 row_number() over (partition by kind = 'service_body' order by id) - 1 as i
          from units where tenant_id = ${tenantId} and kind in ('service_body', 'commune', 'ward')) u
      on u.centre = (g < ${size.centreCounters})
     and u.i = case when g < ${size.centreCounters} then g % ${size.provinces}
                    else (g - ${size.centreCounters}) % ${size.provinces * communesPerProvince} end`.execute(db);
  await sql`
    insert into counter_sectors (tenant_id, counter_id, sector_code, position)
    select c.tenant_id, c.id, s.sector_code, 0
    from counters c join bench_nat_sectors s on s.i = substr(c.code, 5)::int % ${DASHBOARD_SECTORS.length}
    where c.tenant_id = ${tenantId} and c.code like 'nat-%'`.execute(db);
  await sql`drop table bench_nat_sectors`.execute(db);
}

/**
 * Rollups equivalent to `answersPerYear` answers a year for 2023–2025, written straight into
 * monthly_rollups (every month, every counter, QR and kiosk) and, for DAILY_MONTHS, into
 * daily_rollups' '_satisfied' rows (what /api/stats reads for part-months), all set-based.
 * No raw responses stand behind them, so hourly rollups and the per-question daily rows (heat
 * map, question breakdowns) are not seeded: no measured query reads them.
 *
 * Counts are exact by construction: a year is 12 × counters counter-months of `base` answers,
 * `extra` of them (picked by a bijective hash) one more, and counters in pairs, one bigger and
 * one smaller by the same amount; so each year adds up to answersPerYear to the answer.
 * Per counter-month: a fifth by kiosk, 1 in 50 "no opinion" (responses but not valid), and a
 * satisfied share of 78–97 % that depends on the counter.
 */
export async function seedNationalRollups(db: Kysely<Database>, tenantId: number, size: NationalSize) {
  const cells = 12 * size.counters;
  const base = Math.floor(size.answersPerYear / cells);
  const extra = size.answersPerYear - base * cells;
  if (size.counters % 2 !== 0 || gcd(7919, cells) !== 1)
    throw new Error('national seed: counters must be even and 12 × counters prime to 7919');
  await sql`
    create table bench_nat_counters as
    select substr(c.code, 5)::int as idx, c.id as counter_id, c.unit_id, cs.sector_code, v.id as version_id,
           (case when substr(c.code, 5)::int % 2 = 0 then 1 else -1 end)
             * ((((substr(c.code, 5)::int / 2)::bigint * 2654435761) % 61) - 30) * ${base} / 100 as delta,
           78 + (substr(c.code, 5)::int * 37) % 20 as satisfied_pct
    from counters c
    join counter_sectors cs on cs.counter_id = c.id
    cross join lateral (select id from survey_versions where survey_id = c.survey_id order by version desc limit 1) v
    where c.tenant_id = ${tenantId} and c.code like 'nat-%'`.execute(db);
  await sql`
    insert into monthly_rollups (tenant_id, month, unit_id, counter_id, sector_code, survey_version_id, channel,
                                 responses, valid, satisfied)
    select ${tenantId}, make_date(${NATIONAL_YEARS[0]} + mi / 12, mi % 12 + 1, 1), c.unit_id, c.counter_id, c.sector_code,
           c.version_id, ch.channel, ch.n, ch.n - ch.n / 50, (ch.n - ch.n / 50) * c.satisfied_pct / 100
    from generate_series(0, ${NATIONAL_YEARS.length * 12 - 1}) mi
    cross join bench_nat_counters c
    cross join lateral (
      select ${base} + c.delta
             + case when ((((mi % 12) * ${size.counters} + c.idx)::bigint * 7919) % ${cells}) < ${extra} then 1 else 0 end as n
    ) t
    cross join lateral (values ('qr', t.n - t.n / 5), ('kiosk', t.n / 5)) ch(channel, n)`.execute(db);
  // A month's valid and satisfied answers spread over its days (a telescoping split: the days add
  // up to the month exactly), each counter starting at its own offset so days differ.
  await sql`
    insert into daily_rollups (tenant_id, day, unit_id, counter_id, sector_code, survey_version_id, channel,
                               question_key, value, count, weight_sum)
    select m.tenant_id, m.month + k, m.unit_id, m.counter_id, m.sector_code, m.survey_version_id, m.channel,
           ${SATISFIED_KEY}, v.value, v.n, v.n
    from monthly_rollups m
    cross join lateral (select extract(day from m.month + interval '1 month' - interval '1 day')::int as days) d
    cross join generate_series(0, d.days - 1) k
    cross join lateral (
      values (1, ((m.satisfied * (k + 1) + m.counter_id % d.days) / d.days) - ((m.satisfied * k + m.counter_id % d.days) / d.days)),
             (0, (((m.valid - m.satisfied) * (k + 1) + m.counter_id % d.days) / d.days)
               - (((m.valid - m.satisfied) * k + m.counter_id % d.days) / d.days))
    ) v(value, n)
    where m.tenant_id = ${tenantId} and m.month in (${sql.join(DAILY_MONTHS.map((mo) => sql`${mo}::date`))}) and v.n > 0`.execute(db);
  await sql`drop table bench_nat_counters`.execute(db);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export interface SeedTotals {
  /** Answers per year in the monthly rollups, against answersPerYear. */
  years: { year: number; answers: number }[];
  monthlyRows: number;
  dailyRows: number;
  /** Months of DAILY_MONTHS where the daily '_satisfied' rows do not add up to the monthly valid and satisfied counts. */
  dailyMismatches: string[];
}

/** What the seeded rollups add up to: the check that they hold the answers intended. */
export async function seededTotals(db: Kysely<Database>, tenantId: number): Promise<SeedTotals> {
  const years = await sql<{ year: number; answers: string }>`
    select extract(year from month)::int as year, sum(responses)::bigint as answers
    from monthly_rollups where tenant_id = ${tenantId} and month < '2026-01-01' group by 1 order by 1`.execute(db);
  const rows = await sql<{ monthly: number; daily: number }>`
    select (select count(*)::int from monthly_rollups where tenant_id = ${tenantId} and month < '2026-01-01') as monthly,
           (select count(*)::int from daily_rollups where tenant_id = ${tenantId} and day < '2026-01-01') as daily`.execute(db);
  const mismatches = await sql<{ month: string }>`
    select to_char(m.month, 'YYYY-MM') as month
    from (select month, sum(valid) as valid, sum(satisfied) as satisfied from monthly_rollups
          where tenant_id = ${tenantId} and month in (${sql.join(DAILY_MONTHS.map((mo) => sql`${mo}::date`))}) group by 1) m
    left join (select date_trunc('month', day)::date as month, sum(count) as valid, sum(count) filter (where value = 1) as satisfied
               from daily_rollups where tenant_id = ${tenantId} and question_key = ${SATISFIED_KEY} and day < '2026-01-01' group by 1) d
      on d.month = m.month
    where d.valid is distinct from m.valid or d.satisfied is distinct from m.satisfied`.execute(db);
  return {
    years: years.rows.map((r) => ({ year: r.year, answers: Number(r.answers) })),
    monthlyRows: rows.rows[0]!.monthly,
    dailyRows: rows.rows[0]!.daily,
    dailyMismatches: mismatches.rows.map((r) => r.month),
  };
}
