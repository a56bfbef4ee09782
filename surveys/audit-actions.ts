import { isOneOf } from './one-of';

/**
 * What the audit log records (db/audit-log.ts keeps the chain). Add new kinds here: the list is
 * what an administrator filters the log by, and the analyst app names each one in words
 * (client/audit/audit-strings.ts), so a new kind without words is a type error there.
 * Names: noun_verb in the past tense, lower case.
 */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'user_created',
  'user_changed',
  'user_disabled',
  'role_changed',
  'password_changed',
  'password_reset',
  'sessions_ended',
  'survey_version_created',
  'survey_created',
  'survey_published',
  'survey_retired',
  'survey_unretired',
  'survey_version_deleted',
  'tenant_created',
  'unit_created',
  'unit_changed',
  'units_imported',
  'unit_reorganised',
  'unit_reorganisation_undone',
  'sector_created',
  'target_changed',
  'counter_created',
  'counter_changed',
  'counters_imported',
  'dossiers_imported',
  'counter_staff_changed',
  'wave_created',
  'import',
  'export',
  'report_downloaded',
  'flag_cleared',
  'case_created',
  'case_changed',
  'contact_deleted',
  'contact_revealed',
  'response_erased',
  'retention_changed',
  'retention_applied',
  'api_key_created',
  'api_key_revoked',
  'dossiers_received',
  'portal_figure_entered',
  'portal_figure_deleted',
  'public_results_changed',
  'report_settings_changed',
  'case_outcome_published',
  'alert_subscription_created',
  'alert_subscription_deleted',
  'webhook_created',
  'webhook_changed',
  'webhook_deleted',
  'webhook_redelivered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = isOneOf(AUDIT_ACTIONS);
