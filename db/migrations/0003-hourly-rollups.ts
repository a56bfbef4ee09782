import { sql, type Kysely } from 'kysely';

// When in the day and week service goes wrong: answers and satisfied answers per local hour,
// kept beside the daily rollups so the heat map never scans raw responses.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hourly_rollups')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('hour', 'smallint', (c) => c.notNull().check(sql`hour between 0 and 23`))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('survey_version_id', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hourly_rollups_pkey', [
      'tenant_id',
      'day',
      'hour',
      'unit_id',
      'counter_id',
      'sector_code',
      'survey_version_id',
      'channel',
    ])
    .execute();
  await sql`
    insert into hourly_rollups
    select tenant_id, local::date, extract(hour from local)::smallint, unit_id, counter_id, sector_code,
           survey_version_id, channel, count(*)::int, count(satisfied)::int,
           (count(*) filter (where satisfied))::int
    from (select r.*, r.submitted_at at time zone 'Asia/Ho_Chi_Minh' as local from responses r
          where cardinality(r.flags) = 0) x
    group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hourly_rollups').execute();
}
