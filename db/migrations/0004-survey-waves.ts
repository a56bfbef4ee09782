import { sql, type Kysely } from 'kysely';

// Sociological survey waves (điều tra xã hội học): strata are units with their population N_h;
// interviews belong to a wave and a unit, not to a counter, and are weighted N_h / n_h when rated.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('waves')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('margin', 'double precision', (c) =>
      c
        .notNull()
        .defaultTo(0.05)
        .check(sql`margin > 0 and margin < 1`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('waves_period_check', sql`period_from <= period_to`)
    .execute();
  await db.schema
    .createTable('wave_strata')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population > 0`))
    .addPrimaryKeyConstraint('wave_strata_pkey', ['wave_id', 'unit_id'])
    .execute();
  await db.schema
    .alterTable('responses')
    .addColumn('wave_id', 'integer', (c) => c.references('waves.id'))
    .execute();
  await sql`alter table responses alter column counter_id drop not null`.execute(db);
  await sql`alter table responses add constraint responses_origin_check
    check (counter_id is not null or wave_id is not null)`.execute(db);
  await sql`create index responses_wave_idx on responses (wave_id, unit_id) where wave_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index responses_wave_idx`.execute(db);
  await sql`alter table responses drop constraint responses_origin_check`.execute(db);
  await db.schema.alterTable('responses').dropColumn('wave_id').execute();
  await db.schema.dropTable('wave_strata').execute();
  await db.schema.dropTable('waves').execute();
}
