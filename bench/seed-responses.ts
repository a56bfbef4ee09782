import { sql, type Kysely } from 'kysely';
import { ensureResponsePartitions } from '../db/response-partitions';
import type { Database } from '../db/types';
import { monthsBetween } from '../surveys/time';

/**
 * Adds `count` synthetic short-form answers at the demo land counter, spread over 2025, with SQL
 * (generate_series), not through HTTP: the export benchmark measures exporting, not ingesting.
 */
export async function seedResponses(db: Kysely<Database>, count: number, offset = 0): Promise<void> {
  // 2025's month partitions first: rows in the default partition would hide partition pruning.
  await ensureResponsePartitions(db, monthsBetween('2025-01', '2025-12'));
  await sql`
    insert into responses (tenant_id, survey_version_id, counter_id, unit_id, sector_code, channel, submitted_at,
                           answers, comment, client_key, satisfied)
    select c.tenant_id, v.id, c.id, c.unit_id, 'land', 'qr',
           timestamptz '2025-01-01 01:00:00+00' + (g % 360) * interval '1 day' + (g % 540) * interval '1 minute',
           jsonb_build_object('overall', 1 + g % 5, 'access_q', 1 + (g * 7) % 5, 'procedure_q', case when g % 11 = 0 then null else 1 + (g * 3) % 5 end),
           case when g % 9 = 0 then 'Góp ý số ' || g || ', cán bộ "rất" tận tình' when g % 13 = 0 then '' else null end,
           'bench-' || g, (g % 5) >= 3
    from generate_series(${offset + 1}::int, ${offset + count}::int) g
    cross join (select * from counters where code = 'demo-land') c
    cross join lateral (select id from survey_versions where survey_id = c.survey_id order by version desc limit 1) v`.execute(db);
}
