import { sql, type Kysely } from 'kysely';
import { ensureResponsePartitions } from '../db/response-partitions';
import type { Database } from '../db/types';
import { allQuestionsOf } from '../surveys/instrument-schema';
import { DEFAULT_INSTRUMENT_FOR_SECTOR } from '../surveys/instruments';

/** The sectors the bench's counters serve, one each, in turn. */
export const DASHBOARD_SECTORS = ['land', 'construction', 'investment', 'health', 'education', 'other'] as const;
export const UNITS = 300;
export const COUNTERS = 2000;
/** Three years of answers: 2023-01-01 … 2025-12-31, Vietnam time (1,096 days, 2024 is leap). */
const DAYS = 1096;
const CHUNK = 500_000;

/**
 * A province of 300 units (the province, 19 districts, 280 wards), 2,000 counters spread over
 * them with six sectors, and `responses` answers over three years, made with SQL
 * (generate_series), not through HTTP: the dashboard bench measures reading, not writing.
 * Answers follow each counter's real survey version (its first three 1–5 questions, the third
 * sometimes "no opinion"). Rollups are not touched here: rebuildRollups recomputes them.
 * Returns the province unit.
 */
export async function seedDashboard(db: Kysely<Database>, tenantId: number, responses: number, log: (line: string) => void) {
  const province = await db
    .insertInto('units')
    .values({ tenant_id: tenantId, parent_id: null, code: 'BENCH', name: 'Tỉnh (bench)', kind: 'province' })
    .returning(['id', 'path'])
    .executeTakeFirstOrThrow();
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, ${province.id}, 'BENCH-D' || g, 'Huyện ' || g, 'district' from generate_series(1, 19) g`.execute(db);
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, d.id, d.code || '-W' || g, 'Xã ' || d.code || '-' || g, 'ward'
    from (select id, code, row_number() over (order by id) as rn from units where parent_id = ${province.id}) d
    cross join generate_series(1, 15) g
    where (d.rn - 1) * 15 + g <= ${UNITS - 20}`.execute(db);

  // Each sector's survey, its newest version and three of its 1–5 questions.
  await sql`create table bench_sector_map (i int primary key, sector_code text, survey_id int, version_id int, k1 text, k2 text, k3 text)`.execute(
    db,
  );
  for (const [i, sector] of DASHBOARD_SECTORS.entries()) {
    const version = await db
      .selectFrom('surveys as s')
      .innerJoin('survey_versions as v', 'v.survey_id', 's.id')
      .select(['s.id as survey_id', 'v.id as version_id', 'v.definition'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.key', '=', DEFAULT_INSTRUMENT_FOR_SECTOR(sector).key)
      .orderBy('v.version', 'desc')
      .executeTakeFirstOrThrow();
    const keys = allQuestionsOf(version.definition)
      .filter((q) => q.type === 'scale5')
      .map((q) => q.key);
    if (keys.length < 3) throw new Error(`survey for ${sector} has fewer than three 1–5 questions`);
    await sql`insert into bench_sector_map values (${i}, ${sector}, ${version.survey_id}, ${version.version_id}, ${keys[0]}, ${keys[1]}, ${keys[2]})`.execute(
      db,
    );
  }
  await sql`
    insert into counters (tenant_id, unit_id, code, name, survey_id)
    select ${tenantId}, u.id, 'bench-' || g, 'Quầy ' || g, m.survey_id
    from generate_series(0, ${COUNTERS - 1}) g
    join (select id, row_number() over (order by id) - 1 as i from units where tenant_id = ${tenantId} and code like 'BENCH%') u
      on u.i = g % ${UNITS}
    join bench_sector_map m on m.i = g % ${DASHBOARD_SECTORS.length}`.execute(db);
  await sql`
    insert into counter_sectors (tenant_id, counter_id, sector_code, position)
    select c.tenant_id, c.id, m.sector_code, 0
    from counters c join bench_sector_map m on m.i = substr(c.code, 7)::int % ${DASHBOARD_SECTORS.length}
    where c.code like 'bench-%'`.execute(db);
  await sql`
    create table bench_counter_map as
    select substr(c.code, 7)::int as idx, c.id as counter_id, c.unit_id, m.sector_code, m.version_id, m.k1, m.k2, m.k3
    from counters c join bench_sector_map m on m.i = substr(c.code, 7)::int % ${DASHBOARD_SECTORS.length}
    where c.code like 'bench-%'`.execute(db);
  await sql`create unique index on bench_counter_map (idx)`.execute(db);

  // One partition per month, as the writer makes them; rows in the default partition would
  // hide the pruning the dashboard and exports rely on.
  const months: string[] = [];
  for (let y = 2023; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  await ensureResponsePartitions(db, months);

  // Pseudo-random but reproducible: counter, day, time of day (7:00–17:00) and answers each
  // from a different multiplier of the row number; ratings lean to 4–5 as real ones do.
  for (let from = 1; from <= responses; from += CHUNK) {
    const to = Math.min(responses, from + CHUNK - 1);
    await sql`
      insert into responses (tenant_id, survey_version_id, counter_id, unit_id, sector_code, channel, submitted_at,
                             answers, client_key, satisfied)
      select ${tenantId}, c.version_id, c.counter_id, c.unit_id, c.sector_code,
             case when g % 5 = 0 then 'kiosk' else 'qr' end,
             timestamptz '2023-01-01 07:00:00+07' + ((g * 7919) % ${DAYS}) * interval '1 day'
               + ((g * 104729) % 36000) * interval '1 second',
             jsonb_build_object(c.k1, v.a1, c.k2, v.a2, c.k3, case when g % 13 = 0 then null else v.a3 end),
             'dash-' || g,
             case when g % 50 = 0 then null else v.a1 >= 4 end
      from generate_series(${from}::bigint, ${to}::bigint) g
      cross join lateral (
        select (array[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + (g * 31) % 10] as a1,
               (array[1, 2, 3, 4, 4, 4, 5, 5, 5, 5])[1 + (g * 17) % 10] as a2,
               (array[2, 3, 3, 4, 4, 4, 4, 5, 5, 5])[1 + (g * 23) % 10] as a3
      ) v
      join bench_counter_map c on c.idx = (g * 48271) % ${COUNTERS}`.execute(db);
    log(`  ${to.toLocaleString('en')} / ${responses.toLocaleString('en')} responses`);
  }
  await sql`drop table bench_counter_map`.execute(db);
  await sql`drop table bench_sector_map`.execute(db);
  return province;
}
