import type { ColumnType, Generated } from 'kysely';
import type { Answers, SurveyDefinition } from '../surveys/instrument-schema';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Channel = 'qr' | 'kiosk' | 'interviewer' | 'web';
export const CHANNELS: readonly Channel[] = ['qr', 'kiosk', 'interviewer', 'web'];
export type UnitKind = 'province' | 'city' | 'district' | 'ward' | 'commune' | 'service_body';
export type Role = 'admin' | 'analyst' | 'officer' | 'interviewer';

export interface TenantsTable {
  id: Generated<number>;
  code: string;
  name: string;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
}

/** Instance-wide secrets and flags; the one table that belongs to no tenant. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
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
  created_at: CreatedAt;
}

export interface SectorsTable {
  tenant_id: number;
  code: string;
  name_vi: string;
  name_en: string;
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
}

export interface SurveyVersionsTable {
  id: Generated<number>;
  tenant_id: number;
  survey_id: number;
  version: number;
  definition: ColumnType<SurveyDefinition, string, never>;
  created_at: CreatedAt;
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
  created_at: CreatedAt;
}

export interface SessionsTable {
  id_hash: string;
  tenant_id: number;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  instance_settings: InstanceSettingsTable;
  units: UnitsTable;
  sectors: SectorsTable;
  sector_targets: SectorTargetsTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  counters: CountersTable;
  counter_sectors: CounterSectorsTable;
  responses: ResponsesTable;
  daily_rollups: DailyRollupsTable;
  hourly_rollups: HourlyRollupsTable;
  waves: WavesTable;
  wave_strata: WaveStrataTable;
  users: UsersTable;
  sessions: SessionsTable;
}
