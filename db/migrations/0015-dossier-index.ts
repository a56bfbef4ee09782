import { sql, type Kysely } from 'kysely';

// The Decision 766 index (issue 18): one-stop dossiers as the provincial system sends them, each
// with the outcome the index rules gave it (surveys/dossier-outcome.ts) stored beside its facts,
// so rollups are sums of stored outcomes and reconciliation lists read the same flags; daily and
// monthly rollups of those outcomes; API keys for machine clients; and the figures the national
// portal shows, entered for reconciliation.
const COUNT_COLUMNS = [
  'dossiers',
  'rated',
  'rating_unsatisfied',
  'overdue',
  'r3_failed',
  'online',
  'online_failed',
  'complaints',
  'complaints_on_time',
  'complaints_unsatisfied',
  'r2_failed',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dossiers (
      tenant_id integer not null references tenants (id),
      code text not null,
      procedure_code text not null,
      procedure_name text not null default '',
      sector_code text not null,
      unit_id integer not null references units (id),
      counter_id integer references counters (id),
      deciding_unit_id integer references units (id),
      channel text not null check (channel in ('online', 'in_person')),
      received_at timestamptz not null,
      due_at timestamptz not null,
      finished_at timestamptz,
      rating smallint,
      rating_scale smallint check (rating_scale in (3, 5)),
      complained boolean not null default false,
      complaint_due_at timestamptz,
      complaint_answered_at timestamptz,
      complaint_satisfied boolean,
      -- The outcome: the Vietnam-local day it counts on (null while unfinished) and its flags.
      counted_day date,
      rating_unsatisfied boolean not null default false,
      overdue boolean not null default false,
      r3_failed boolean not null default false,
      complaint_on_time boolean not null default false,
      r2_failed boolean not null default false,
      source text not null check (source in ('import', 'api')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, code)
    )`.execute(db);
  await sql`create index dossiers_counted_idx on dossiers (tenant_id, counted_day, unit_id)`.execute(db);
  await sql`create index dossiers_open_idx on dossiers (tenant_id, due_at) where finished_at is null`.execute(db);

  const counts = sql.raw(COUNT_COLUMNS.map((c) => `${c} integer not null default 0`).join(', '));
  await sql`
    create table dossier_daily_rollups (
      tenant_id integer not null references tenants (id),
      day date not null,
      unit_id integer not null,
      sector_code text not null,
      channel text not null,
      ${counts},
      primary key (tenant_id, day, unit_id, sector_code, channel)
    )`.execute(db);
  await sql`
    create table dossier_monthly_rollups (
      tenant_id integer not null references tenants (id),
      month date not null,
      unit_id integer not null,
      sector_code text not null,
      channel text not null,
      ${counts},
      primary key (tenant_id, month, unit_id, sector_code, channel)
    )`.execute(db);

  // Open dossiers (received, not finished) per due day: the count the index shows beside its
  // ratios, and how many are past due, without reading the dossiers.
  await sql`
    create table dossier_open_rollups (
      tenant_id integer not null references tenants (id),
      due_day date not null,
      unit_id integer not null,
      sector_code text not null,
      channel text not null,
      open integer not null default 0,
      primary key (tenant_id, due_day, unit_id, sector_code, channel)
    )`.execute(db);

  await sql`
    create table api_keys (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      name text not null,
      -- What the key is shown by after it was created (its first characters); the secret is only hashed.
      prefix text not null unique,
      secret_hash text not null,
      unit_id integer references units (id),
      scopes text[] not null,
      created_by integer references users (id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by integer references users (id)
    )`.execute(db);
  await sql`create index api_keys_tenant_idx on api_keys (tenant_id)`.execute(db);

  await sql`
    create table portal_figures (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      unit_id integer not null references units (id),
      indicator text not null check (indicator in ('r1', 'r2', 'r3', 'online')),
      period_from date not null,
      period_to date not null,
      value double precision not null check (value >= 0 and value <= 100),
      note text not null default '',
      entered_by integer references users (id),
      entered_at timestamptz not null default now(),
      unique (tenant_id, unit_id, indicator, period_from, period_to)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['portal_figures', 'api_keys', 'dossier_open_rollups', 'dossier_monthly_rollups', 'dossier_daily_rollups', 'dossiers']) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}
