import { sql, type Kysely } from 'kysely';

// Alerts by e-mail and signed webhooks (issue 20): who hears of a unit's alerts, what was already
// sent to whom (one row per alert and subscriber, so nothing is sent twice), the tenants' webhook
// endpoints and the queue of their deliveries, which lives here so it survives a restart.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table alert_subscriptions (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      unit_id integer not null references units (id),
      user_id integer references users (id),
      email text not null,
      mode text not null default 'immediate' check (mode in ('immediate', 'digest')),
      quiet_from smallint check (quiet_from between 0 and 23),
      quiet_to smallint check (quiet_to between 0 and 23),
      created_at timestamptz not null default now(),
      unique (tenant_id, unit_id, email)
    )`.execute(db);
  // Every alert identity ever found: the first finding raises it (webhook alert.raised, case.overdue) once.
  await sql`
    create table raised_alerts (
      tenant_id integer not null references tenants (id),
      alert_key text not null,
      raised_at timestamptz not null,
      primary key (tenant_id, alert_key)
    )`.execute(db);
  await sql`
    create table alert_notifications (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      subscription_id integer not null references alert_subscriptions (id) on delete cascade,
      alert_key text not null,
      kind text not null,
      unit_id integer not null,
      summary jsonb not null,
      found_at timestamptz not null,
      sent_at timestamptz,
      unique (subscription_id, alert_key)
    )`.execute(db);
  await sql`create index alert_notifications_unsent_idx on alert_notifications (subscription_id) where sent_at is null`.execute(db);
  await sql`
    create table webhook_endpoints (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      url text not null,
      events text[] not null,
      secret text not null,
      description text not null default '',
      disabled_at timestamptz,
      disabled_reason text,
      consecutive_failures integer not null default 0,
      created_by integer references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table webhook_deliveries (
      id serial primary key,
      tenant_id integer not null references tenants (id),
      endpoint_id integer not null references webhook_endpoints (id) on delete cascade,
      message_id text not null,
      event text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      first_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status integer,
      last_body text,
      last_error text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, id desc)`.execute(db);
  await sql`
    create table webhook_attempts (
      id serial primary key,
      delivery_id integer not null references webhook_deliveries (id) on delete cascade,
      endpoint_id integer not null,
      attempted_at timestamptz not null,
      status integer,
      body text,
      error text
    )`.execute(db);
  await sql`create index webhook_attempts_endpoint_idx on webhook_attempts (endpoint_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'webhook_attempts',
    'webhook_deliveries',
    'webhook_endpoints',
    'alert_notifications',
    'raised_alerts',
    'alert_subscriptions',
  ]) {
    await sql`drop table if exists ${sql.id(t)}`.execute(db);
  }
}
