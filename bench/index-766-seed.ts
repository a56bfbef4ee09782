import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';

/** The sectors the bench's dossiers are filed under, in turn. */
export const INDEX_BENCH_SECTORS = ['land', 'construction', 'investment', 'business', 'civil_status', 'justice', 'labour', 'transport'];
export const INDEX_BENCH_DISTRICTS = 10;
export const INDEX_BENCH_COMMUNES_PER_DISTRICT = 10;
const UNITS = INDEX_BENCH_DISTRICTS * (INDEX_BENCH_COMMUNES_PER_DISTRICT + 1);
/** Three years received: 2023-01-01 … 2025-12-31, Vietnam time (1,096 days, 2024 is leap). */
const DAYS = 1096;
const CHUNK = 1_000_000;

/**
 * A province of 10 districts and 100 communes and `count` one-stop dossiers received over three
 * years at those 110 units, made with SQL (generate_series), not through storeDossiers: the
 * bench measures reading. Each row's facts come from multipliers of its number: both channels,
 * unrated and 3- and 5-level ratings, some overdue and some finished exactly at their due time,
 * complaints answered early, at their due time, late or never, a few dossiers still open.
 * The outcome flags are written by SQL that mirrors surveys/dossier-outcome.ts; the bench checks
 * a sample of rows against dossierOutcome itself. Rollups are left to rebuildDossierRollups.
 * Returns the province unit.
 */
export async function seedIndexDossiers(db: Kysely<Database>, tenantId: number, count: number, log: (line: string) => void) {
  const province = await db
    .insertInto('units')
    .values({ tenant_id: tenantId, parent_id: null, code: 'B766', name: 'Tỉnh (bench 766)', kind: 'province' })
    .returning(['id', 'path'])
    .executeTakeFirstOrThrow();
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, ${province.id}, 'B766-D' || g, 'Huyện ' || g, 'district'
    from generate_series(1, ${INDEX_BENCH_DISTRICTS}) g`.execute(db);
  await sql`
    insert into units (tenant_id, parent_id, code, name, kind)
    select ${tenantId}, d.id, d.code || '-C' || g, 'Xã ' || d.code || '-' || g, 'commune'
    from units d cross join generate_series(1, ${INDEX_BENCH_COMMUNES_PER_DISTRICT}) g
    where d.parent_id = ${province.id}`.execute(db);
  await sql`
    create table bench_766_units as
    select (row_number() over (order by u.id) - 1)::int as idx, u.id as unit_id
    from units u where u.tenant_id = ${tenantId} and u.code like 'B766-%'`.execute(db);
  await sql`create unique index on bench_766_units (idx)`.execute(db);

  const sectors = sql`${sql.raw(`array[${INDEX_BENCH_SECTORS.map((s) => `'${s}'`).join(', ')}]`)}`;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await sql`
      insert into dossiers (tenant_id, code, procedure_code, procedure_name, sector_code, unit_id, channel, received_at,
        due_at, finished_at, rating, rating_scale, complained, complaint_due_at, complaint_answered_at, complaint_satisfied,
        counted_day, rating_unsatisfied, overdue, r3_failed, complaint_on_time, r2_failed, source)
      select ${tenantId}, 'B766-' || lpad(g::text, 9, '0'), '1.00' || (g % 40), 'Thủ tục ' || (g % 40), s.sector_code,
        u.unit_id, f.channel, f.received_at, f.due_at, f.finished_at, f.rating, f.rating_scale, f.complained,
        f.complaint_due_at, f.complaint_answered_at, f.complaint_satisfied,
        (f.finished_at at time zone 'Asia/Ho_Chi_Minh')::date,
        o.finished and o.unsatisfied, o.finished and o.overdue, o.finished and (o.unsatisfied or f.complained or o.overdue),
        o.finished and o.on_time, o.finished and f.complained and (f.complaint_satisfied is false or not o.on_time), 'import'
      from generate_series(${from}::bigint, ${to}::bigint) g
      cross join lateral (
        select timestamptz '2023-01-01 07:00:00+07' + ((g * 7919) % ${DAYS}) * interval '1 day'
                 + ((g * 104729) % 36000) * interval '1 second' as received_at,
               (3 + (g * 7) % 8) * interval '1 day' as allowed
      ) t
      cross join lateral (
        select case when g % 5 < 2 then 'online' else 'in_person' end as channel,
               t.received_at, t.received_at + t.allowed as due_at,
               -- 1 in 97 still open; 1 in 11 an hour or more late, 1 in 11 exactly on its due time.
               case when g % 97 = 0 then null
                    when g % 11 = 0 then t.received_at + t.allowed + (1 + g % 30) * interval '1 hour'
                    when g % 11 = 1 then t.received_at + t.allowed
                    else t.received_at + t.allowed - (1 + (g * 13) % 71) * interval '1 hour' end as finished_at,
               case when g % 4 = 0 then null when g % 4 = 1 then 1 + (g * 17) % 3 else 1 + (g * 23) % 5 end::smallint as rating,
               case when g % 4 = 0 then null when g % 4 = 1 then 3 else 5 end::smallint as rating_scale,
               g % 23 = 0 as complained,
               case when g % 23 = 0 then t.received_at + t.allowed + interval '5 days' end as complaint_due_at,
               case when g % 23 <> 0 then null
                    when (g / 23) % 4 = 0 then null
                    when (g / 23) % 4 = 1 then t.received_at + t.allowed + interval '6 days'
                    when (g / 23) % 4 = 2 then t.received_at + t.allowed + interval '5 days'
                    else t.received_at + t.allowed + interval '2 days' end as complaint_answered_at,
               case when g % 23 <> 0 or (g / 23) % 4 = 0 then null else (g * 7) % 3 <> 0 end as complaint_satisfied
      ) f
      cross join lateral (
        select f.finished_at is not null as finished,
               coalesce(case when f.rating_scale = 3 then f.rating = 1 else f.rating <= 2 end, false) as unsatisfied,
               coalesce(f.finished_at > f.due_at, false) as overdue,
               f.complained and coalesce(f.complaint_answered_at <= f.complaint_due_at, false) as on_time
      ) o
      join bench_766_units u on u.idx = ((g * 2654435761) % 1000003) % ${UNITS}
      cross join lateral (select (${sectors})[1 + ((g * 40503) % 65537) % ${INDEX_BENCH_SECTORS.length}] as sector_code) s`.execute(db);
    log(`  ${to.toLocaleString('en')} / ${count.toLocaleString('en')} dossiers`);
  }
  await sql`drop table bench_766_units`.execute(db);
  return province;
}
