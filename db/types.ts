import type { ColumnType, Generated } from 'kysely';
import type { CaseOpener, CaseReason } from '../surveys/case-origins';
import type { CaseStatus } from '../surveys/case-states';
import type { Channel } from '../surveys/channels';
import type { Answers, SurveyDefinition } from '../surveys/instrument-schema';
import type { ReorganisationKind } from '../surveys/reorganisation';
import type { Role } from '../surveys/roles';
import type { UnitKind } from '../surveys/unit-kinds';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type { UnitKind };

export interface TenantsTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_demo: Generated<boolean>;
  /** What the tenant is: a province (or centrally-run city), a ministry, or something else. */
  kind: Generated<'province' | 'ministry' | 'other'>;
  /** Months after which free text is anonymised and contact data deleted. */
  retention_months: Generated<number>;
  created_at: CreatedAt;
}

/** Instance-wide secrets and flags; with upkeep_runs, the tables that belong to no tenant. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
}

/** One row per Vietnam-local day whose daily upkeep was done, by whichever process ran it. */
export interface UpkeepRunsTable {
  day: ColumnType<string, string, never>;
  started_at: ColumnType<Date, Date, never>;
  finished_at: ColumnType<Date, Date | undefined, never>;
  ran_by: string;
}

export interface UnitsTable {
  id: Generated<number>;
  tenant_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  /** Materialised path of ids, '/1/4/9/': a subtree is a prefix match. */
  path: Generated<string>;
  /** First day the unit is in force; null: since before hailong knew it. */
  valid_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** Last day in force; null while it is. A retired unit keeps its answers and history. */
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** A reorganisation of units effective on a day (merge, split, rename, recode, move); details: the full record. */
export interface UnitReorganisationsTable {
  id: Generated<number>;
  tenant_id: number;
  kind: ReorganisationKind;
  effective_on: ColumnType<string, string, never>;
  note: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: number | null;
  created_at: CreatedAt;
  undone_at: Timestamp | null;
  undone_by: number | null;
}

/** A predecessor's share of its past going to a successor; removed when the event is undone. */
export interface UnitLinksTable {
  tenant_id: number;
  reorganisation_id: number;
  from_unit_id: number;
  to_unit_id: number;
  share: number;
}

export interface SectorsTable {
  tenant_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  /** Added by the tenant itself, not one of the plan's sectors. */
  is_local: Generated<boolean>;
}

export interface SectorTargetsTable {
  tenant_id: number;
  /** A sector code, or '_overall' for all sectors together. */
  sector_code: string;
  year: number;
  target: number;
}

export interface SurveysTable {
  id: Generated<number>;
  tenant_id: number;
  key: string;
  kind: string;
  created_at: CreatedAt;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  retired_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SurveyVersionsTable {
  id: Generated<number>;
  tenant_id: number;
  survey_id: number;
  version: number;
  definition: ColumnType<SurveyDefinition, string, never>;
  created_at: CreatedAt;
  published_by: ColumnType<number | null, number | null | undefined, never>;
  /** When counters and waves asking the survey move to this version. */
  effective_from: ColumnType<Date, Date | undefined, never>;
}

export interface SurveyDraftsTable {
  survey_id: number;
  tenant_id: number;
  /** What the designer saved, valid or not yet: checked in full when published. */
  definition: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: number | null;
}

export interface CountersTable {
  id: Generated<number>;
  tenant_id: number;
  unit_id: number;
  code: string;
  name: string;
  survey_id: number;
  kiosk: Generated<boolean>;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
}

/** An officer linked to a counter they staff. */
export interface CounterStaffTable {
  tenant_id: number;
  counter_id: number;
  user_id: number;
  created_at: CreatedAt;
}

export interface CounterSectorsTable {
  tenant_id: number;
  counter_id: number;
  sector_code: string;
  position: number;
}

export interface ResponsesTable {
  id: Generated<number>;
  tenant_id: number;
  survey_version_id: number;
  /** The counter of a QR or kiosk answer; null for a survey wave's interview. */
  counter_id: number | null;
  /** The sociological survey wave an interview belongs to; such answers stay out of counter rates. */
  wave_id: number | null;
  unit_id: number;
  sector_code: string;
  channel: Channel;
  submitted_at: Timestamp;
  answers: ColumnType<Answers, string, never>;
  comment: string | null;
  dossier_code: string | null;
  client_key: string;
  token_id: string | null;
  satisfied: boolean | null;
  weight: Generated<number>;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  /** Keyed hash, rotating daily, of the sender's address: enough to see bursts, not to find a person. */
  origin_hash: string | null;
  /** Keyed hash, rotating daily, of the browser's own random key (absent without JavaScript). */
  device_hash: string | null;
  created_at: CreatedAt;
}

/** What makes a submission count once: its client key, form token and dossier code, one row per response. */
export interface ResponseKeysTable {
  tenant_id: number;
  client_key: string;
  response_id: number;
  submitted_at: Timestamp;
  token_id: string | null;
  dossier_code: string | null;
}

/** Answers, valid answers and satisfied answers per Vietnam-local month (first day) and cell. */
export interface MonthlyRollupsTable {
  tenant_id: number;
  month: string;
  unit_id: number;
  counter_id: number;
  sector_code: string;
  survey_version_id: number;
  channel: Channel;
  responses: number;
  valid: number;
  satisfied: number;
}

export interface DailyRollupsTable {
  tenant_id: number;
  day: ColumnType<string, string, never>;
  unit_id: number;
  counter_id: number;
  sector_code: string;
  survey_version_id: number;
  channel: Channel;
  question_key: string;
  value: number;
  count: number;
  weight_sum: number;
}

export interface HourlyRollupsTable {
  tenant_id: number;
  day: ColumnType<string, string, never>;
  /** Hour of the day, Vietnam time (0–23). */
  hour: number;
  unit_id: number;
  counter_id: number;
  sector_code: string;
  survey_version_id: number;
  channel: Channel;
  responses: number;
  /** Responses with a satisfied / not satisfied verdict (the rate's denominator). */
  valid: number;
  satisfied: number;
}

export interface WavesTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  survey_id: number;
  sector_code: string;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  margin: Generated<number>;
  created_at: CreatedAt;
}

export interface WaveStrataTable {
  tenant_id: number;
  wave_id: number;
  unit_id: number;
  /** N_h: transactions (or population) of the stratum in the period. */
  population: number;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  password_hash: string;
  role: Role;
  /** The unit subtree the user may see; null = the whole tenant. */
  unit_id: number | null;
  disabled_at: Timestamp | null;
  /** The account's own address (migration 0020): mail about the tenant reaches administrators here. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id_hash: string;
  tenant_id: number;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A login being checked, or one that failed (db/login-attempts.ts); a successful login removes its own. */
export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  origin_hash: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CasesTable {
  id: Generated<number>;
  tenant_id: number;
  /** The response the case follows up; unique, so a replay never opens a second case. */
  response_id: number | null;
  /** Where it happened (the response's unit). */
  unit_id: number;
  assigned_unit_id: number | null;
  /** The person of that unit handling it: the one who may reveal the phone to call back. */
  assigned_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  opened_by: CaseOpener;
  reason: CaseReason;
  due_at: Timestamp;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  assigned_at: Timestamp | null;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  answer_text: string | null;
  /** Why it was closed without an answer. */
  close_reason: string | null;
  /** What an administrator wrote for the public about a closed case (never the citizen's words). */
  published_outcome: ColumnType<string | null, string | null | undefined, string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PublicResultsSettingsTable {
  tenant_id: number;
  enabled: boolean;
  show_complaints: boolean;
  show_published_cases: boolean;
  threshold: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Who issues and signs a tenant's Word reports (migration 0019); no row: defaults from its name. */
export interface ReportSettingsTable {
  tenant_id: number;
  agency: string;
  superior_agency: string;
  number_suffix: string;
  place: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  recipients: string[];
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  tenant_id: number;
  author_user_id: number | null;
  text: string;
  at: CreatedAt;
}

/** A phone number given with explicit consent: apart from the answers, deleted when the case closes. */
export interface CaseContactsTable {
  case_id: number;
  tenant_id: number;
  /** Normalised national form, e.g. 0912345678. */
  phone: string;
  consent_at: Timestamp;
}

/** Written once, never changed: every column is insert-only (see db/audit-log.ts). */
type AppendOnly<T> = ColumnType<T, T, never>;

export interface AuditLogTable {
  /** Taken from the identity sequence by appendAudit, because the hash covers it. */
  id: AppendOnly<number>;
  /** Null for events of the instance itself (a failed login with an unknown name). */
  tenant_id: AppendOnly<number | null>;
  at: AppendOnly<Date>;
  actor_user_id: AppendOnly<number | null>;
  actor_username: AppendOnly<string | null>;
  action: AppendOnly<string>;
  subject: AppendOnly<string | null>;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: AppendOnly<string>;
  hash: AppendOnly<string>;
}

/** A one-stop dossier as last sent (issue 18), with the outcome the index rules gave it. */
export interface DossiersTable {
  tenant_id: number;
  code: string;
  procedure_code: string;
  procedure_name: string;
  sector_code: string;
  unit_id: number;
  counter_id: number | null;
  deciding_unit_id: number | null;
  channel: 'online' | 'in_person';
  received_at: Timestamp;
  due_at: Timestamp;
  finished_at: Timestamp | null;
  rating: number | null;
  rating_scale: 3 | 5 | null;
  complained: boolean;
  complaint_due_at: Timestamp | null;
  complaint_answered_at: Timestamp | null;
  complaint_satisfied: boolean | null;
  counted_day: ColumnType<string | null, string | null, string | null>;
  rating_unsatisfied: boolean;
  overdue: boolean;
  r3_failed: boolean;
  complaint_on_time: boolean;
  r2_failed: boolean;
  source: 'import' | 'api';
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Sums of dossier outcomes (surveys/dossier-outcome.ts DOSSIER_COUNTS) per day or month. */
interface DossierCellCounts {
  tenant_id: number;
  unit_id: number;
  sector_code: string;
  dossiers: number;
  rated: number;
  rating_unsatisfied: number;
  overdue: number;
  r3_failed: number;
  online: number;
  online_failed: number;
  complaints: number;
  complaints_on_time: number;
  complaints_unsatisfied: number;
  r2_failed: number;
}
interface DossierRollupCounts extends DossierCellCounts {
  channel: string;
}
export interface DossierDailyRollupsTable extends DossierRollupCounts {
  day: ColumnType<string, string, string>;
}
export interface DossierMonthlyRollupsTable extends DossierRollupCounts {
  month: ColumnType<string, string, string>;
}

/** The same cells over both channels: what every read without a channel filter sums. */
export interface DossierDailyAllChannelsTable extends DossierCellCounts {
  day: ColumnType<string, string, string>;
}
export interface DossierMonthlyAllChannelsTable extends DossierCellCounts {
  month: ColumnType<string, string, string>;
}

/** Open dossiers (received, not finished) per Vietnam-local due day. */
export interface DossierOpenRollupsTable {
  tenant_id: number;
  due_day: ColumnType<string, string, string>;
  unit_id: number;
  sector_code: string;
  channel: string;
  open: number;
}

/** Open dossiers per unit, sector and channel over every due day: "open now" without summing each due day. */
export interface DossierOpenTotalsTable {
  tenant_id: number;
  unit_id: number;
  sector_code: string;
  channel: string;
  open: number;
}

/** A machine client's key: shown once, kept as a hash, scoped to a unit subtree and to scopes. */
export interface ApiKeysTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  prefix: string;
  secret_hash: string;
  unit_id: number | null;
  scopes: string[];
  created_by: number | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

/** A figure the national portal shows for a unit and period, entered for reconciliation. */
export interface PortalFiguresTable {
  id: Generated<number>;
  tenant_id: number;
  unit_id: number;
  indicator: 'r1' | 'r2' | 'r3' | 'online';
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  value: number;
  note: Generated<string>;
  entered_by: number | null;
  /** When the value was last entered: replacing a figure moves it. */
  entered_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  tenants: TenantsTable;
  instance_settings: InstanceSettingsTable;
  upkeep_runs: UpkeepRunsTable;
  units: UnitsTable;
  unit_reorganisations: UnitReorganisationsTable;
  unit_links: UnitLinksTable;
  sectors: SectorsTable;
  sector_targets: SectorTargetsTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_drafts: SurveyDraftsTable;
  counters: CountersTable;
  counter_sectors: CounterSectorsTable;
  counter_staff: CounterStaffTable;
  responses: ResponsesTable;
  response_keys: ResponseKeysTable;
  monthly_rollups: MonthlyRollupsTable;
  daily_rollups: DailyRollupsTable;
  hourly_rollups: HourlyRollupsTable;
  waves: WavesTable;
  wave_strata: WaveStrataTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  cases: CasesTable;
  case_notes: CaseNotesTable;
  case_contacts: CaseContactsTable;
  audit_log: AuditLogTable;
  dossiers: DossiersTable;
  dossier_daily_rollups: DossierDailyRollupsTable;
  dossier_monthly_rollups: DossierMonthlyRollupsTable;
  dossier_daily_rollups_all_channels: DossierDailyAllChannelsTable;
  dossier_monthly_rollups_all_channels: DossierMonthlyAllChannelsTable;
  dossier_open_rollups: DossierOpenRollupsTable;
  dossier_open_totals: DossierOpenTotalsTable;
  api_keys: ApiKeysTable;
  portal_figures: PortalFiguresTable;
  public_results_settings: PublicResultsSettingsTable;
  report_settings: ReportSettingsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_notifications: AlertNotificationsTable;
  raised_alerts: RaisedAlertsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

/** An e-mail address that hears of a unit's alerts, and of its subtree's (migration 0018). */
export interface AlertSubscriptionsTable {
  id: Generated<number>;
  tenant_id: number;
  unit_id: number;
  user_id: number | null;
  email: string;
  mode: ColumnType<'immediate' | 'digest', 'immediate' | 'digest' | undefined, 'immediate' | 'digest'>;
  /** Vietnam-local hours: nothing is sent from quiet_from up to quiet_to; null: never quiet. */
  quiet_from: number | null;
  quiet_to: number | null;
  created_at: CreatedAt;
}

export interface RaisedAlertsTable {
  tenant_id: number;
  alert_key: string;
  raised_at: Timestamp;
}

/** One alert for one subscriber, sent at most once (unique per subscription and alert key). */
export interface AlertNotificationsTable {
  id: Generated<number>;
  tenant_id: number;
  subscription_id: number;
  alert_key: string;
  kind: string;
  unit_id: number;
  summary: ColumnType<unknown, string, string>;
  found_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  tenant_id: number;
  url: string;
  events: string[];
  /** whsec_<base64>: kept whole because every delivery is signed with it. */
  secret: string;
  description: ColumnType<string, string | undefined, string>;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: CreatedAt;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** The outbox: one event for one endpoint, with its retry state. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  tenant_id: number;
  endpoint_id: number;
  message_id: string;
  event: string;
  payload: ColumnType<unknown, string, string>;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  first_attempt_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_status: number | null;
  last_body: string | null;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  endpoint_id: number;
  attempted_at: Timestamp;
  status: number | null;
  body: string | null;
  error: string | null;
}
