import { sql, type Kysely } from 'kysely';

// The survey designer (issue 17). A survey's published versions stay immutable; what an
// administrator edits is the survey's one draft, which publishing turns into the next version.
// A version takes over from the one before on its effective day, so counters and waves move to it
// then; a retired survey keeps its versions and answers but is no longer offered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retired_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .alterTable('survey_versions')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('effective_from', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Versions already stored took over when they were stored. The immutability trigger is held
  // back for this one statement only.
  await sql`alter table survey_versions disable trigger survey_versions_immutable`.execute(db);
  await sql`update survey_versions set effective_from = created_at`.execute(db);
  await sql`alter table survey_versions enable trigger survey_versions_immutable`.execute(db);
  await sql`create index survey_versions_current_idx on survey_versions (survey_id, effective_from, version)`.execute(db);

  await db.schema
    .createTable('survey_drafts')
    .addColumn('survey_id', 'integer', (c) => c.primaryKey().references('surveys.id'))
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_drafts').execute();
  await sql`drop index survey_versions_current_idx`.execute(db);
  await db.schema.alterTable('survey_versions').dropColumn('effective_from').dropColumn('published_by').execute();
  await db.schema.alterTable('surveys').dropColumn('retired_by').dropColumn('retired_at').execute();
}
