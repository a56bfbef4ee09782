import { sql, type Kysely } from 'kysely';

// Public results (công khai, issue 20): whether a tenant publishes its satisfaction figures, what
// it shows, and the smallest number of answers a published rate may rest on; and the outcome of a
// closed case an administrator wrote for the public, kept apart from the citizen's own words.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table public_results_settings (
      tenant_id integer primary key references tenants (id),
      enabled boolean not null default false,
      show_complaints boolean not null default true,
      show_published_cases boolean not null default true,
      threshold integer not null default 10 check (threshold between 5 and 1000),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table cases add column published_outcome text`.execute(db);
  await sql`alter table cases add column published_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases drop column published_at`.execute(db);
  await sql`alter table cases drop column published_outcome`.execute(db);
  await sql`drop table public_results_settings`.execute(db);
}
