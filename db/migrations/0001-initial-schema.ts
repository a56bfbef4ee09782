import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('province','city','district','ward','commune','service_body')`))
    .addColumn('path', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('units_tenant_code_key', ['tenant_id', 'code'])
    .execute();
  await sql`create index units_path_idx on units (tenant_id, path text_pattern_ops)`.execute(db);
  // The path is derived from the parent, so it can never disagree with the tree.
  await sql`
    create function units_set_path() returns trigger language plpgsql as $$
    begin
      if new.parent_id is null then
        new.path := '/' || new.id || '/';
      else
        select path || new.id || '/' into new.path from units where id = new.parent_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger units_set_path before insert on units
    for each row execute function units_set_path()`.execute(db);

  await db.schema
    .createTable('sectors')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sectors_pkey', ['tenant_id', 'code'])
    .execute();

  await db.schema
    .createTable('sector_targets')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull().check(sql`target > 0 and target <= 100`))
    .addPrimaryKeyConstraint('sector_targets_pkey', ['tenant_id', 'sector_code', 'year'])
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('surveys_tenant_key_key', ['tenant_id', 'key'])
    .execute();

  await db.schema
    .createTable('survey_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_versions_survey_version_key', ['survey_id', 'version'])
    .execute();
  // Answers keep the wording they were given under: a changed survey is a new version.
  await sql`
    create function survey_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'survey versions are immutable; create a new version instead';
    end $$`.execute(db);
  await sql`create trigger survey_versions_immutable before update on survey_versions
    for each row execute function survey_versions_immutable()`.execute(db);

  await db.schema
    .createTable('counters')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // Printed in the QR code, so unique across the whole instance.
    .addColumn('code', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`code ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id'))
    .addColumn('kiosk', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('counter_sectors')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('counter_sectors_pkey', ['counter_id', 'sector_code'])
    .addForeignKeyConstraint('counter_sectors_sector_fkey', ['tenant_id', 'sector_code'], 'sectors', ['tenant_id', 'code'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('survey_version_id', 'integer', (c) => c.notNull().references('survey_versions.id'))
    .addColumn('counter_id', 'integer', (c) => c.notNull().references('counters.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('qr','kiosk','interviewer','web')`))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text')
    .addColumn('satisfied', 'boolean')
    .addColumn('weight', 'double precision', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`weight >= 0`),
    )
    .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('responses_client_key_key', ['tenant_id', 'client_key'])
    .execute();
  await sql`create unique index responses_token_idx on responses (tenant_id, token_id)
    where token_id is not null`.execute(db);
  await sql`create index responses_submitted_idx on responses (tenant_id, submitted_at, id)`.execute(db);

  await db.schema
    .createTable('daily_rollups')
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.notNull())
    .addColumn('survey_version_id', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('weight_sum', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_rollups_pkey', [
      'tenant_id',
      'question_key',
      'day',
      'unit_id',
      'counter_id',
      'sector_code',
      'survey_version_id',
      'channel',
      'value',
    ])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','analyst','officer','interviewer')`))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sessions',
    'users',
    'daily_rollups',
    'responses',
    'counter_sectors',
    'counters',
    'survey_versions',
    'surveys',
    'sector_targets',
    'sectors',
    'units',
    'instance_settings',
    'tenants',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists units_set_path, survey_versions_immutable`.execute(db);
}
