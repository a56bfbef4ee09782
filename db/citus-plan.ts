import type { Database } from './types';

/**
 * How each table would be placed on a Citus cluster distributed by tenant (docs/scale-out.md,
 * "Citus"): the one place that says it. test/api/citus-readiness.test.ts migrates a fresh database
 * and checks the catalog against it, so a table added without a placement, or a key that breaks a
 * rule and is not listed here, fails the build.
 *
 * - distributed: hash-distributed by tenant_id, every such table co-located with the others. Every
 *   primary key and unique index must contain tenant_id, and a foreign key to another distributed
 *   table must carry tenant_id on both sides.
 * - reference: one copy on every node. Small, rarely written, and pointed at by distributed tables
 *   or looked up without a tenant (a counter by its QR code, an account by its login name). A
 *   reference table may only point at other reference tables.
 * - local: stays on the coordinator only: instance-wide rows, or rows read by a key that carries no
 *   tenant and written too often for a reference table (sessions, API keys' last use). May point at
 *   reference and local tables, never at distributed ones.
 */
export type CitusPlacement = 'distributed' | 'reference' | 'local';

export interface CitusTablePlan {
  placement: CitusPlacement;
  /**
   * What must change before Citus accepts the table as placed: by the name of the primary key,
   * unique index or foreign key that breaks a rule today (or `tenant_id` for the column itself),
   * what it becomes. The test fails when a listed item no longer breaks a rule: remove it then.
   */
  toChange?: Record<string, string>;
}

/** Kysely's own bookkeeping, made by the migrator rather than by a migration. */
type MigratorTable = 'kysely_migration' | 'kysely_migration_lock';

export const CITUS_PLAN: Record<keyof Database | MigratorTable, CitusTablePlan> = {
  // The tenant's facts, growing with answers, dossiers and time.
  responses: {
    placement: 'distributed',
    toChange: { responses_pkey: 'primary key (tenant_id, id, submitted_at)' },
  },
  response_keys: {
    placement: 'distributed',
    toChange: { response_keys_response_id_key: 'unique (tenant_id, response_id)' },
  },
  daily_rollups: { placement: 'distributed' },
  hourly_rollups: { placement: 'distributed' },
  monthly_rollups: { placement: 'distributed' },
  dossiers: { placement: 'distributed' },
  dossier_daily_rollups: { placement: 'distributed' },
  dossier_monthly_rollups: { placement: 'distributed' },
  dossier_daily_rollups_all_channels: { placement: 'distributed' },
  dossier_monthly_rollups_all_channels: { placement: 'distributed' },
  dossier_open_rollups: { placement: 'distributed' },
  dossier_open_totals: { placement: 'distributed' },
  cases: {
    placement: 'distributed',
    toChange: {
      cases_pkey: 'primary key (tenant_id, id)',
      cases_response_id_key: 'unique (tenant_id, response_id)',
      cases_response_id_fkey: 'foreign key (tenant_id, response_id) references response_keys (tenant_id, response_id)',
    },
  },
  case_notes: {
    placement: 'distributed',
    toChange: {
      case_notes_pkey: 'primary key (tenant_id, id)',
      case_notes_case_id_fkey: 'foreign key (tenant_id, case_id) references cases (tenant_id, id)',
    },
  },
  case_contacts: {
    placement: 'distributed',
    toChange: {
      case_contacts_pkey: 'primary key (tenant_id, case_id)',
      case_contacts_case_id_fkey: 'foreign key (tenant_id, case_id) references cases (tenant_id, id)',
    },
  },
  audit_log: {
    placement: 'distributed',
    toChange: {
      tenant_id: 'not null: entries of the instance itself (a failed login with an unknown name) go to a local table of their own',
      audit_log_pkey: 'primary key (tenant_id, id)',
      audit_log_prev_hash_key: 'unique (tenant_id, prev_hash): one hash chain per tenant, under a per-tenant lock',
      audit_log_hash_key: 'unique (tenant_id, hash)',
    },
  },
  portal_figures: {
    placement: 'distributed',
    toChange: { portal_figures_pkey: 'primary key (tenant_id, id)' },
  },
  raised_alerts: { placement: 'distributed' },
  alert_subscriptions: {
    placement: 'distributed',
    toChange: { alert_subscriptions_pkey: 'primary key (tenant_id, id)' },
  },
  alert_notifications: {
    placement: 'distributed',
    toChange: {
      alert_notifications_pkey: 'primary key (tenant_id, id)',
      alert_notifications_subscription_id_alert_key_key: 'unique (tenant_id, subscription_id, alert_key)',
      alert_notifications_subscription_id_fkey:
        'foreign key (tenant_id, subscription_id) references alert_subscriptions (tenant_id, id) on delete cascade',
    },
  },
  webhook_endpoints: {
    placement: 'distributed',
    toChange: { webhook_endpoints_pkey: 'primary key (tenant_id, id)' },
  },
  webhook_deliveries: {
    placement: 'distributed',
    toChange: {
      webhook_deliveries_pkey: 'primary key (tenant_id, id)',
      webhook_deliveries_endpoint_id_fkey:
        'foreign key (tenant_id, endpoint_id) references webhook_endpoints (tenant_id, id) on delete cascade',
    },
  },
  webhook_attempts: {
    placement: 'distributed',
    toChange: {
      tenant_id: 'add tenant_id integer not null references tenants (id), copied from the delivery',
      webhook_attempts_pkey: 'primary key (tenant_id, id)',
      webhook_attempts_delivery_id_fkey:
        'foreign key (tenant_id, delivery_id) references webhook_deliveries (tenant_id, id) on delete cascade',
    },
  },

  // Small, rarely written, pointed at by the facts or looked up without a tenant.
  tenants: { placement: 'reference' },
  units: { placement: 'reference' },
  unit_reorganisations: { placement: 'reference' },
  unit_links: { placement: 'reference' },
  sectors: { placement: 'reference' },
  sector_targets: { placement: 'reference' },
  surveys: { placement: 'reference' },
  survey_versions: { placement: 'reference' },
  survey_drafts: { placement: 'reference' },
  counters: { placement: 'reference' },
  counter_sectors: { placement: 'reference' },
  counter_staff: { placement: 'reference' },
  waves: { placement: 'reference' },
  wave_strata: { placement: 'reference' },
  users: { placement: 'reference' },
  public_results_settings: { placement: 'reference' },
  report_settings: { placement: 'reference' },

  // The coordinator's own.
  instance_settings: { placement: 'local' },
  upkeep_runs: { placement: 'local' },
  login_attempts: { placement: 'local' },
  sessions: { placement: 'local' },
  api_keys: { placement: 'local' },
  kysely_migration: { placement: 'local' },
  kysely_migration_lock: { placement: 'local' },
};
